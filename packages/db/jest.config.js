/** @type {import('jest').Config} */
module.exports = {
  preset: '@eventlead/jest-preset',
  // Test databases are copied from templates migrated once per run (src/testing/templates.ts).
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Two workers, as in the API: jest's default on two cores is one, which left a core idle once the
  // shorter suites of `pnpm test` had finished.
  maxWorkers: 2,
};
