import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { EntityManager } from '@mikro-orm/knex';
import { Client } from 'pg';
import { createOrmConfig, type OrmOptions } from '../config';
import { migrateUp } from '../migrations/migrate';
import type { DatabaseEnv } from '../pool-settings';
import { createORM, type Orm } from '../orm';
import { redactUrl } from '../redact-url';
import { seedReferenceData } from '../seed/seed-reference-data';
import { createFromPostgresTemplate, readPgliteTemplate, templateRun, writePgliteTemplate, type PgliteTemplateKey, type TemplateKey, type TemplateRun } from './templates';
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

type Schema = NonNullable<TestDatabaseOptions['schema']>;

function schemaOf(options: TestDatabaseOptions): Schema {
  return options.schema ?? (options.overrides?.entities ? 'entities' : 'migrations');
}

/** The template a database with these options can be copied from: only the committed schema, as migrated (and seeded). */
function templateKeyOf(options: TestDatabaseOptions): TemplateKey | undefined {
  if (schemaOf(options) !== 'migrations' || options.overrides?.entities) {
    return undefined;
  }
  return options.seed ? 'seeded' : 'migrated';
}

/** Builds the schema (and reference data) the options ask for on a connected ORM. */
async function fill(orm: Orm, options: TestDatabaseOptions): Promise<void> {
  const schema = schemaOf(options);
  if (schema === 'migrations') {
    await migrateUp(orm);
  } else if (schema === 'entities') {
    await orm.schema.createSchema();
  }
  if (options.seed) {
    await seedReferenceData(orm);
  }
}

/**
 * Drops PGlite's `template0`, which no test uses (PGlite's own database is `template1`; MikroORM
 * checks that `postgres` exists): a quarter of a fresh data directory, which every test database
 * copied from the run's dumps would otherwise unpack.
 */
async function withoutTemplate0(pglite: PGlite): Promise<void> {
  await pglite.exec(`update pg_database set datistemplate = false where datname = 'template0'`);
  await pglite.exec('drop database template0');
  await pglite.exec('checkpoint');
}

async function dumpOf(pglite: PGlite): Promise<Buffer> {
  return Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
}

/**
 * An in-memory PGlite with the schema the options ask for. In a run with templates (see
 * `setUpTestTemplates`) it is loaded from the run's dump of a migrated (and seeded) data directory,
 * or of a fresh one for other schemas, which skips PGlite's initdb and the migrations; the first file
 * of the run to need a dump makes it. `filled` says whether the schema is already in place.
 */
async function openPglite(run: TemplateRun | undefined, key: TemplateKey | undefined): Promise<Prepared & { pglite: PGlite }> {
  if (!run) {
    return { pglite: await PGlite.create(), filled: false };
  }
  const ready = key === undefined ? undefined : readPgliteTemplate(run, key);
  if (ready) {
    return { pglite: await PGlite.create({ loadDataDir: new Blob([ready]) }), filled: true };
  }
  const empty = readPgliteTemplate(run, 'empty');
  let pglite: PGlite;
  if (empty) {
    pglite = await PGlite.create({ loadDataDir: new Blob([empty]) });
  } else {
    pglite = await PGlite.create();
    await withoutTemplate0(pglite);
    writePgliteTemplate(run, 'empty', await dumpOf(pglite));
  }
  const keep = async (filled: PGlite): Promise<void> => {
    if (key !== undefined) {
      writePgliteTemplate(run, key, await dumpOf(filled));
    }
  };
  return { pglite, filled: false, keep };
}

/**
 * This run's PGlite dump of `key` (see {@link openPglite}), made now if no test file of the run has made
 * it yet; `undefined` in a run without templates.
 */
async function pgliteTemplate(key: PgliteTemplateKey): Promise<Buffer | undefined> {
  const run = templateRun();
  if (!run) {
    return undefined;
  }
  const ready = readPgliteTemplate(run, key);
  if (ready) {
    return ready;
  }
  if (key === 'empty') {
    const pglite = await PGlite.create();
    try {
      await withoutTemplate0(pglite);
      const dump = await dumpOf(pglite);
      writePgliteTemplate(run, 'empty', dump);
      return dump;
    } finally {
      await pglite.close();
    }
  }
  const db = await createTestDatabase('pglite', { seed: key === 'seeded' });
  await db.close();
  return readPgliteTemplate(run, key);
}

/**
 * A new in-memory PGlite database as PGlite's initdb makes it (less `template0`), loaded from this
 * run's dump, which skips the initdb: for tests of the ORM's life cycle rather than of creating
 * databases. The ORM borrows it (`driverOptions.connection.pglite`); the caller closes it.
 */
export async function openEmptyPglite(): Promise<PGlite> {
  const dump = await pgliteTemplate('empty');
  return dump ? PGlite.create({ loadDataDir: new Blob([dump]) }) : PGlite.create();
}

/**
 * Makes `dir` (empty or missing) a PGlite data folder holding what `key` names: a fresh database
 * (`empty`, as PGlite's initdb makes it, less `template0`), or the committed migrations (and the
 * reference data with `seeded`). Loaded from this run's dump, which skips PGlite's initdb: for tests
 * that need a database folder (`pglite://<dir>`) but are not about creating one.
 */
export async function createPgliteFolder(dir: string, key: PgliteTemplateKey): Promise<void> {
  const dump = await pgliteTemplate(key);
  // PGlite unpacks its own dump into the folder: the archive format stays PGlite's business.
  const pglite = await PGlite.create(dir, dump ? { loadDataDir: new Blob([dump]) } : {});
  if (dump || key === 'empty') {
    await pglite.close();
    return;
  }
  const db = await open('pglite', undefined, { seed: key === 'seeded' }, () => pglite.close(), { filled: false, pglite });
  await db.close();
}

/** How {@link open} finds the database: already filled (copied from a template), and the PGlite to use. */
interface Prepared {
  readonly filled: boolean;
  readonly pglite?: PGlite;
  /** Keeps the PGlite, once filled, as the run's template. */
  readonly keep?: (pglite: PGlite) => Promise<void>;
}

async function open(
  kind: TestDatabaseKind,
  databaseUrl: string | undefined,
  options: TestDatabaseOptions,
  drop: () => Promise<void>,
  prepared: Prepared = { filled: false },
): Promise<TestDatabase> {
  const env: DatabaseEnv = { ...options.env, DATABASE_URL: databaseUrl ?? 'pglite://memory' };
  const config = createOrmConfig(env, options.overrides);
  const { pglite } = prepared;
  if (pglite) {
    // The ORM borrows this PGlite (it does not close it): `drop` does.
    config.driverOptions = { ...config.driverOptions, connection: { pglite: () => Promise.resolve(pglite) } };
  }
  let orm: Orm;
  try {
    orm = await createORM(config);
    if (!prepared.filled) {
      await fill(orm, options);
      if (pglite) {
        await prepared.keep?.(pglite);
      }
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
  const run = templateRun();
  const key = templateKeyOf(options);
  if (kind === 'pglite') {
    const prepared = await openPglite(run, key);
    return open(kind, undefined, options, () => prepared.pglite.close(), prepared);
  }
  const serverUrl = options.postgresUrl ?? process.env.TEST_POSTGRES_URL;
  if (!serverUrl) {
    throw new Error('TEST_POSTGRES_URL is not set: set it to a PostgreSQL server URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to run the PostgreSQL suites.');
  }
  const dbName = `eventlead_test_${randomBytes(6).toString('hex')}`;
  // FORCE ends sessions a failed test may have left open, so the drop cannot hang or leak the database.
  const dropping = (name: string) => () => onServer(serverUrl, `drop database if exists "${name}" with (force)`);
  const drop = dropping(dbName);
  if (run && key) {
    try {
      await createFromPostgresTemplate(serverUrl, run, key, dbName, async (name) => {
        await onServer(serverUrl, `create database "${name}"`);
        const template = await open(kind, withDatabase(serverUrl, name), options, dropping(name));
        await template.orm.close(true);
      });
    } catch (cause) {
      throw new Error(`Could not create test database ${dbName} from a template on ${redactUrl(serverUrl)}`, { cause });
    }
    return open(kind, withDatabase(serverUrl, dbName), options, drop, { filled: true });
  }
  try {
    await onServer(serverUrl, `create database "${dbName}"`);
  } catch (cause) {
    throw new Error(`Could not create test database ${dbName} on ${redactUrl(serverUrl)}`, { cause });
  }
  return open(kind, withDatabase(serverUrl, dbName), options, drop);
}
