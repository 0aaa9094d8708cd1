module.exports = [
  ...require('@eventlead/eslint-config').config(__dirname),
  {
    // The worker threads' body (src/bcrypt-worker.cjs) is plain CommonJS, loaded by path at run time.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
