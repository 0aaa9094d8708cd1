/**
 * Shared jest preset. TypeScript is compiled by @swc/jest (no type checking here: `typecheck` does
 * that). The ESM-only `cookie@2` that fastify's inject() pulls in through light-my-request is
 * transformed too, instead of being handed to jest's CommonJS loader.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      require.resolve('@swc/jest'),
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?cookie/)'],
  testTimeout: 30_000,
  // Every test name is printed, so CI output shows which database each suite ran against.
  verbose: true,
};
