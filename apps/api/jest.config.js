/** @type {import('jest').Config} */
module.exports = {
  preset: '@eventlead/jest-preset',
  // The reliability suite leaves its figures in a folder made here and summed into a report at the end;
  // the test databases are copies of templates migrated once per run (@eventlead/db/testing).
  globalSetup: '<rootDir>/test/reliability/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/reliability/support/global-teardown.ts',
};
