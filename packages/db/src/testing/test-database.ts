import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { Client } from 'pg';
import { createOrmConfig, type OrmOptions } from '../config';
import { migrateUp } from '../migrations/migrate';
import type { DatabaseEnv } from '../pool-settings';
import { createORM, type Orm } from '../orm';
import { redactUrl } from '../redact-url';
import { seedReferenceData } from '../seed/seed-reference-data';
import { truncateAll } from './truncate-all';

/** The databases the test helpers can create. */
export type TestDatabaseKind = 'pglite' | 'postgresql';

/** Options of {@link createTestDatabase}. */
export interface TestDatabaseOptions {
  /** Extra environment for {@link createOrmConfig} (pool settings, `DATABASE_DEBUG`); `DATABASE_URL` is set for you. */
  readonly env?: DatabaseEnv;
  /** MikroORM overrides, e.g. `{ entities: [...] }` for test-only entities. */
  readonly overrides?: Partial<OrmOptions>;
  /** Server to create PostgreSQL databases on. Default `process.env.TEST_POSTGRES_URL`. */
  readonly postgresUrl?: string;
  /**
   * How the schema is built: `migrations` runs the committed migrations, as production does (the
   * default); `entities` creates it from the entity metadata, which test-only entities
   * (`overrides.entities`) need, and is their default; `none` leaves the database empty (tests of the
   * migrations themselves).
   */
  readonly schema?: 'migrations' | 'entities' | 'none';
  /**
   * Fill the reference data ({@link seedReferenceData}: countries, statuses, settings, the operator
   * account) after building the schema and again after every `reset()`. Default false: tables start
   * empty, for suites that insert their own reference rows.
   */
  readonly seed?: boolean;
}

/** An isolated database with its schema created, and the ORM connected to it. */
export interface TestDatabase {
  /** Which product this is: shows up in suite names as `[pglite]` / `[postgresql]`. */
  readonly kind: TestDatabaseKind;
  /** The ORM connected to this database. */
  readonly orm: Orm;
  /**
   * `DATABASE_URL` of this database, to open a second ORM on it; `undefined` for in-memory PGlite,
   * which only this process's ORM can reach.
   */
  readonly databaseUrl: string | undefined;
  /** A fresh EntityManager fork with an empty identity map. */
  em(): EntityManager;
  /**
   * Empties every table of the ORM's entities (restarting identities), leaving the schema and the
   * migrations table; with `seed: true` the reference data is written again.
   */
  reset(): Promise<void>;
  /** Closes the ORM and drops the database (PostgreSQL) or discards it (PGlite). */
  close(): Promise<void>;
}

function withDatabase(serverUrl: string, dbName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function open(kind: TestDatabaseKind, databaseUrl: string | undefined, options: TestDatabaseOptions, drop: () => Promise<void>): Promise<TestDatabase> {
  const env: DatabaseEnv = { ...options.env, DATABASE_URL: databaseUrl ?? 'pglite://memory' };
  const schema = options.schema ?? (options.overrides?.entities ? 'entities' : 'migrations');
  let orm: Orm;
  try {
    orm = await createORM(createOrmConfig(env, options.overrides));
    if (schema === 'migrations') {
      await migrateUp(orm);
    } else if (schema === 'entities') {
      await orm.schema.createSchema();
    }
    if (options.seed) {
      await seedReferenceData(orm);
    }
  } catch (err) {
    await drop();
    throw err;
  }
  return {
    kind,
    orm,
    databaseUrl,
    em: () => orm.em.fork(),
    reset: async () => {
      await truncateAll(orm);
      if (options.seed) {
        await seedReferenceData(orm);
      }
    },
    close: async () => {
      try {
        await orm.close(true);
      } finally {
        await drop();
      }
    },
  };
}

/**
 * Creates an isolated database with the schema in place (built by the committed migrations unless
 * test-only entities are mapped; reference data with `seed: true`): in-memory PGlite, or a new database
 * `eventlead_test_<random>` on the PostgreSQL server at `TEST_POSTGRES_URL` (dropped again by
 * `close()`). A separate database per test file keeps the six SQL schemas (dbo, ref, config, audit,
 * log, cache) apart without any search_path tricks.
 * @example
 * const db = await createTestDatabase('pglite', { overrides: { entities: [Thing] } });
 * try { ... } finally { await db.close(); }
 */
export async function createTestDatabase(kind: TestDatabaseKind, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    return open(kind, undefined, options, () => Promise.resolve());
  }
  const serverUrl = options.postgresUrl ?? process.env.TEST_POSTGRES_URL;
  if (!serverUrl) {
    throw new Error('TEST_POSTGRES_URL is not set: set it to a PostgreSQL server URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to run the PostgreSQL suites.');
  }
  const dbName = `eventlead_test_${randomBytes(6).toString('hex')}`;
  try {
    await onServer(serverUrl, `create database "${dbName}"`);
  } catch (cause) {
    throw new Error(`Could not create test database ${dbName} on ${redactUrl(serverUrl)}`, { cause });
  }
  // FORCE ends sessions a failed test may have left open, so the drop cannot hang or leak the database.
  const drop = () => onServer(serverUrl, `drop database if exists "${dbName}" with (force)`);
  return open(kind, withDatabase(serverUrl, dbName), options, drop);
}
