import { describeEachDatabase, type DescribeEachDatabaseOptions } from '@eventlead/db/testing';
import type { TestDatabase } from '@eventlead/db/testing';
import { hashToken } from '@eventlead/security';
import { TestPasswordHasher } from '@eventlead/security/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';

/** The admin token the test apps accept. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
/** `Authorization` header carrying {@link ADMIN_TOKEN}. */
export const adminAuth = { authorization: `Bearer ${ADMIN_TOKEN}` };

/**
 * The password hasher of the test apps: real bcrypt at cost 4 (`@eventlead/security/testing`), so
 * suites that create many users do not spend their time hashing. What the default hasher stores
 * (cost 12) is checked in users.test.ts, on an app built without this option.
 */
export const testPasswordHasher = new TestPasswordHasher();

/** A built app on an isolated test database. */
export interface AppHarness {
  app: FastifyInstance;
  db: TestDatabase;
}

/**
 * Declares a suite once per database (PGlite, and PostgreSQL when TEST_POSTGRES_URL is set) with a
 * built app on that database; the app is closed after the suite. `extraRoutes` adds test-only
 * routes before the app is ready; `database` chooses how the test database is built (e.g. seeded).
 */
export function describeApp(
  name: string,
  fn: (get: () => AppHarness) => void,
  options: { extraRoutes?: (app: FastifyInstance) => void; database?: DescribeEachDatabaseOptions } = {},
): void {
  describeEachDatabase(name, (getDb) => {
    let harness: AppHarness | undefined;
    beforeAll(async () => {
      const db = getDb();
      const app = await buildApp({ orm: db.orm, passwordHasher: testPasswordHasher, config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 100_000 } });
      options.extraRoutes?.(app);
      await app.ready();
      harness = { app, db };
    });
    afterAll(async () => {
      await harness?.app.close();
    });
    fn(() => {
      if (!harness) throw new Error('The app is built in beforeAll; call get() inside tests.');
      return harness;
    });
  }, options.database);
}
