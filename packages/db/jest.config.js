/** @type {import('jest').Config} */
module.exports = {
  preset: '@eventlead/jest-preset',
  // Test databases are copied from templates migrated once per run (src/testing/templates.ts).
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
