import type { DatabaseEnv } from '../pool-settings';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind, type TestDatabaseOptions } from './test-database';

/** The jest (or vitest) globals the suite helpers register hooks with. */
interface TestGlobals {
  describe: (name: string, fn: () => void) => void;
  beforeAll: (fn: () => Promise<void>, timeout?: number) => void;
  afterAll: (fn: () => Promise<void>, timeout?: number) => void;
  afterEach: (fn: () => Promise<void>, timeout?: number) => void;
}

function testGlobals(): TestGlobals {
  const g = globalThis as Partial<TestGlobals>;
  if (!g.describe || !g.beforeAll || !g.afterAll || !g.afterEach) {
    throw new Error('describeEachDatabase must run inside a test runner with describe/beforeAll/afterAll/afterEach globals (jest).');
  }
  return g as TestGlobals;
}

function isCi(env: DatabaseEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/**
 * The databases the suites run against: PGlite always, PostgreSQL when `TEST_POSTGRES_URL` is set.
 * @throws {Error} when `CI` is set and `TEST_POSTGRES_URL` is not: in CI a skipped PostgreSQL suite is a failure.
 */
export function testDatabaseKinds(env: DatabaseEnv = process.env): TestDatabaseKind[] {
  if (env.TEST_POSTGRES_URL?.trim()) {
    return ['pglite', 'postgresql'];
  }
  if (isCi(env)) {
    throw new Error('CI is set but TEST_POSTGRES_URL is not: the PostgreSQL suites must run in CI. Start PostgreSQL and set TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres).');
  }
  return ['pglite'];
}

/** Options of {@link describeEachDatabase}. */
export interface DescribeEachDatabaseOptions extends TestDatabaseOptions {
  /** Truncate every table after each test (default true). Turn off for suites that build up state on purpose. */
  readonly resetAfterEach?: boolean;
}

/**
 * Declares the same suite once per database, named `[pglite] <name>` and `[postgresql] <name>` so the
 * test output shows which ran. Each gets its own fresh database with the schema created once (in
 * `beforeAll`), tables emptied after each test, and the database dropped in `afterAll`. `getDb()`
 * returns it inside tests and hooks.
 * @throws {Error} at declaration when CI is set without `TEST_POSTGRES_URL` (see {@link testDatabaseKinds}).
 * @example
 * describeEachDatabase('users', (getDb) => {
 *   test('inserts', async () => { const em = getDb().em(); ... });
 * });
 */
export function describeEachDatabase(
  name: string,
  fn: (getDb: () => TestDatabase) => void,
  options: DescribeEachDatabaseOptions = {},
): void {
  const { describe, beforeAll, afterAll, afterEach } = testGlobals();
  for (const kind of testDatabaseKinds()) {
    describe(`[${kind}] ${name}`, () => {
      let db: TestDatabase | undefined;
      beforeAll(async () => {
        db = await createTestDatabase(kind, options);
      }, 60_000);
      if (options.resetAfterEach !== false) {
        afterEach(async () => {
          await db?.reset();
        });
      }
      afterAll(async () => {
        await db?.close();
        db = undefined;
      }, 60_000);
      fn(() => {
        if (!db) {
          throw new Error(`The ${kind} test database is not open: call getDb() inside a test or hook, not while declaring the suite.`);
        }
        return db;
      });
    });
  }
}
