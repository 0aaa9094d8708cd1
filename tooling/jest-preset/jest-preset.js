// ESM-only packages that CommonJS dependencies require(): `cookie@2` (fastify's inject() through
// light-my-request) and `content-disposition@3` (@fastify/static, under @fastify/swagger-ui). Node 20's
// require(esm) is not available inside jest's module loader, so @swc/jest turns them into CommonJS.
// The OpenAPI validator used by the API's tests is ESM-only too.
const esmOnly = ['cookie', 'content-disposition', '@seriousme/openapi-schema-validator'].join('|');

/**
 * Shared jest preset. TypeScript is compiled by @swc/jest (no type checking here: `typecheck` does
 * that), and so are the ESM-only packages above.
 * @type {import('jest').Config}
 */
module.exports = {
  // jest's Node environment, which also disables the AsyncLocalStorage instances a finished test file
  // left enabled (see node-environment.js).
  testEnvironment: require.resolve('./node-environment.js'),
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
  transformIgnorePatterns: [`/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(${esmOnly})/)`],
  testTimeout: 30_000,
  // A jest worker keeps part of every finished test file alive (its heap grew by about 35 MB a file,
  // to 800 MB over the API's files), and garbage collection over that heap cost the API suite a fifth
  // of its CPU time. A worker whose heap passes this after a file is replaced by a fresh one: the
  // API suite took 147 CPU-s instead of 186 (2 workers, 2-core VM); the db suite was unchanged.
  workerIdleMemoryLimit: '350MB',
  // Every test name is printed, so CI output shows which database each suite ran against.
  verbose: true,
};
