import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * The environment variable naming this test run's templates: set by {@link setUpTestTemplates} (a
 * jest `globalSetup`) before the workers start, so they inherit it. Unset, every test database is
 * built from scratch.
 */
export const TEST_TEMPLATES_ENV = 'EVENTLEAD_TEST_TEMPLATES';

/** What a template holds: the committed migrations, and the reference data too with `seeded`. */
export type TemplateKey = 'migrated' | 'seeded';
/** PGlite keeps one more: a fresh data directory (what its initdb makes), for the other schemas. */
export type PgliteTemplateKey = TemplateKey | 'empty';

/** Where this run keeps its templates: a temporary folder (PGlite) and a database name prefix (PostgreSQL). */
export interface TemplateRun {
  /** Folder of the PGlite data directory dumps, `<key>.tar`. */
  readonly dir: string;
  /** PostgreSQL template databases are named `<prefix><key>`. */
  readonly databasePrefix: string;
}

const RUN_ID = /^[0-9a-f]{12}$/;

function runOf(id: string): TemplateRun {
  return { dir: join(tmpdir(), `eventlead-test-templates-${id}`), databasePrefix: `eventlead_tpl_${id}_` };
}

/** This run's templates, or `undefined` when no global setup made a run (every database is then built from scratch). */
export function templateRun(env: NodeJS.ProcessEnv = process.env): TemplateRun | undefined {
  const id = env[TEST_TEMPLATES_ENV]?.trim();
  return id !== undefined && RUN_ID.test(id) ? runOf(id) : undefined;
}

async function onServer<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Jest global setup: starts a run whose test databases are copied from templates, built once per
 * run by the first test file that needs them: a dump of a migrated PGlite data directory, and a
 * migrated PostgreSQL database cloned with `CREATE DATABASE … TEMPLATE`. Migrating once instead of
 * in every test file is most of the suites' setup time. A nested run (a setup already made one) reuses it.
 * @example
 * // jest.config.js: globalSetup: '<rootDir>/test/global-setup.ts', which calls
 * export default function globalSetup() { setUpTestTemplates(); }
 */
export function setUpTestTemplates(env: NodeJS.ProcessEnv = process.env): void {
  if (templateRun(env)) {
    return;
  }
  const id = randomBytes(6).toString('hex');
  mkdirSync(runOf(id).dir, { recursive: true });
  // Workers are started after the global setup and inherit this environment.
  env[TEST_TEMPLATES_ENV] = id;
}

/**
 * Jest global teardown: removes this run's PGlite dumps and drops its PostgreSQL templates (on
 * `TEST_POSTGRES_URL`). Only the run that {@link setUpTestTemplates} started, never another's.
 */
export async function tearDownTestTemplates(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const run = templateRun(env);
  if (!run) {
    return;
  }
  Reflect.deleteProperty(env, TEST_TEMPLATES_ENV);
  rmSync(run.dir, { recursive: true, force: true });
  const serverUrl = env.TEST_POSTGRES_URL?.trim();
  if (!serverUrl) {
    return;
  }
  await onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [run.databasePrefix]);
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  });
}

/** The PGlite dump of `key`, or `undefined` when no test file of this run has made it yet. */
export function readPgliteTemplate(run: TemplateRun, key: PgliteTemplateKey): Buffer | undefined {
  try {
    return readFileSync(join(run.dir, `${key}.tar`));
  } catch {
    return undefined;
  }
}

/**
 * Keeps `dump` as the PGlite template `key`. Two files racing to make it both write whole files and
 * rename them into place: either one is a complete template.
 */
export function writePgliteTemplate(run: TemplateRun, key: PgliteTemplateKey, dump: Uint8Array): void {
  mkdirSync(run.dir, { recursive: true });
  const partial = mkdtempSync(join(run.dir, `${key}-`));
  try {
    writeFileSync(join(partial, 'dump.tar'), dump);
    renameSync(join(partial, 'dump.tar'), join(run.dir, `${key}.tar`));
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** PostgreSQL error codes a template step may meet while another file races it. */
const IN_USE = '55006'; // object_in_use: a session is still on the source database
const DUPLICATE_DATABASE = '42P04';

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/**
 * Runs a database-level statement, retrying while the database named in it still has sessions: a
 * session ends on the server a moment after its client disconnects.
 */
async function whenFree(client: Client, sql: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await client.query(sql);
      return;
    } catch (error) {
      if (codeOf(error) !== IN_USE || attempt >= 50) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Creates database `dbName` on the server as a copy of this run's template `key`, building the
 * template first if no test file has yet: `build(name)` creates, fills and disconnects from the
 * database `name`, which is then renamed to the template. Racing files each build one; the first
 * rename wins and the others drop theirs.
 */
export async function createFromPostgresTemplate(
  serverUrl: string,
  run: TemplateRun,
  key: TemplateKey,
  dbName: string,
  build: (name: string) => Promise<void>,
): Promise<void> {
  const template = `${run.databasePrefix}${key}`;
  await onServer(serverUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [template]);
    if (rowCount === 0) {
      const candidate = `${template}_${randomBytes(4).toString('hex')}`;
      try {
        await build(candidate);
        await whenFree(client, `alter database "${candidate}" rename to "${template}"`);
      } catch (error) {
        await client.query(`drop database if exists "${candidate}" with (force)`);
        if (codeOf(error) !== DUPLICATE_DATABASE) {
          throw error;
        }
      }
    }
    await whenFree(client, `create database "${dbName}" template "${template}"`);
  });
}
