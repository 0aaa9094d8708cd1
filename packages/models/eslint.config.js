const { config } = require('@eventlead/eslint-config');

module.exports = [
  ...config(__dirname),
  {
    files: ['src/**/*.entity.ts'],
    rules: {
      // `export interface User extends InferEntity<typeof UserSchema> {}` gives each inferred entity type a
      // name. Without it, declaration output inlines every related entity (megabytes of .d.ts) and
      // TypeScript elides the circular relations to `any`, so consumers lose types two relations deep.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
];
