/** @type {import('jest').Config} */
module.exports = {
  preset: '@eventlead/jest-preset',
  // The reliability suite leaves its figures in a folder made here and summed into a report at the end;
  // the test databases are copies of templates migrated once per run (@eventlead/db/testing).
  globalSetup: '<rootDir>/test/reliability/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/reliability/support/global-teardown.ts',
  // The API's suites are the longest of `pnpm test`: two workers keep both cores busy once the other
  // packages' suites have finished (jest's default on two cores is one).
  maxWorkers: 2,
};
