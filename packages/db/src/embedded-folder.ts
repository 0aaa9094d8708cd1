import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseConfigError } from './errors';

/** The PostgreSQL major version of the bundled PGlite (0.3.x); its data folders hold it in `PG_VERSION`. */
export const PGLITE_POSTGRES_MAJOR = '17';

/**
 * Files every complete PGlite data folder holds. `PG_VERSION` is what PGlite itself looks for ("found DB,
 * resuming"); `global/pg_control` is the cluster's control file, without which PostgreSQL aborts.
 */
const REQUIRED_FILES = ['PG_VERSION', join('global', 'pg_control')];

function fix(dataDir: string): string {
  return `Delete the folder to start afresh (rm -rf ${dataDir}; its data is lost; pnpm start recreates it), or set DATABASE_URL to another folder (pglite://.data/other) or to a PostgreSQL server.`;
}

/**
 * The refusal of a folder that is not a whole PGlite database: a first start stopped while PGlite was
 * creating it (before this package created folders aside and renamed them into place), or a folder of
 * some other program. `detail` says what gave it away.
 */
function incompleteFolder(dataDir: string, detail: string, cause?: unknown): DatabaseConfigError {
  return new DatabaseConfigError(
    'DATABASE_URL',
    `DATABASE_URL points at ${dataDir}, which is not a complete embedded database folder (${detail}). ` +
      `It looks like an interrupted first start (the process was stopped while the database was being created) or another product's folder. ${fix(dataDir)}`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Refuses a data folder this PGlite cannot open before PGlite tries (it would abort or fail deep inside
 * with an unrelated error): a folder with files but without `PG_VERSION` or `global/pg_control` (half-made
 * or not a database folder), or one whose `PG_VERSION` is another PostgreSQL major (an older or newer
 * PGlite, or a PostgreSQL server's folder). An empty or missing folder is fine: {@link initEmbeddedFolder}
 * creates the database.
 * @throws {DatabaseConfigError} naming DATABASE_URL, the folder and the exact fix.
 */
export function checkEmbeddedFolder(dataDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch {
    return;
  }
  if (entries.length === 0) {
    return;
  }
  if (!entries.includes('PG_VERSION')) {
    throw incompleteFolder(dataDir, 'it holds files but no PG_VERSION');
  }
  const major = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  // PGlite creates PG_VERSION first and writes it a moment later: a start stopped in between leaves it empty.
  if (!/^\d+$/.test(major)) {
    throw incompleteFolder(dataDir, major === '' ? 'its PG_VERSION is empty' : 'its PG_VERSION names no PostgreSQL version');
  }
  if (major !== PGLITE_POSTGRES_MAJOR) {
    throw new DatabaseConfigError(
      'DATABASE_URL',
      `DATABASE_URL points at ${dataDir}, a database folder of PostgreSQL ${major}; this PGlite opens PostgreSQL ${PGLITE_POSTGRES_MAJOR} folders only (made by another PGlite version or by a PostgreSQL server). ${fix(dataDir)}`,
    );
  }
  // Checked after the version: a folder of another major is better explained by that.
  const missing = REQUIRED_FILES.filter((file) => !existsSync(join(dataDir, file)));
  if (missing.length > 0) {
    throw incompleteFolder(dataDir, `it holds files but no ${missing.join(' and no ')}`);
  }
}

/**
 * Creates the data folder and its missing parents, one level at a time. Node 20's recursive `mkdir`
 * never returns for a folder under `/proc` (the kernel answers ENOENT for the child and EEXIST for the
 * parent, and Node retries forever at full CPU); a level that cannot be made here fails at once.
 * @throws {DatabaseConfigError} naming DATABASE_URL, the folder, why, and what to do.
 */
export async function createEmbeddedFolder(dataDir: string): Promise<void> {
  const missing: string[] = [];
  for (let level = resolve(dataDir); !existsSync(level); level = dirname(level)) {
    missing.push(level);
    if (dirname(level) === level) break;
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new DatabaseConfigError(
        'DATABASE_URL',
        `DATABASE_URL points at ${dataDir}, and the folder cannot be created (${code ?? 'error'} on ${level}). Set DATABASE_URL to a folder you can write to (pglite://.data/pglite) or to a PostgreSQL server.`,
        { cause: error },
      );
    }
  }
}

/** Prefix of the folders {@link initEmbeddedFolder} creates databases in: `.<name>.creating-` beside the data folder. */
function draftPrefix(dataDir: string): string {
  return `.${basename(resolve(dataDir))}.creating-`;
}

/**
 * Removes draft folders of `dataDir` left by a first start that was killed while creating the database.
 * Only called with the folder's lock held ({@link lockDataDir}), so no other process is filling one.
 */
async function removeAbandonedDrafts(dataDir: string): Promise<void> {
  const parent = dirname(resolve(dataDir));
  const prefix = draftPrefix(dataDir);
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(prefix)) {
      await rm(join(parent, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Creates the PGlite database of an empty (or missing) data folder so that it is never left half-made:
 * PGlite builds it in a draft folder beside it (same parent, so the rename is atomic), the draft is
 * closed and checked, and only then renamed into place. A start stopped meanwhile (Ctrl-C, kill -9)
 * leaves the data folder empty, and the next start creates the database again; drafts such a start left
 * behind are removed first. A folder that already holds files is left alone (see {@link checkEmbeddedFolder}).
 * Call it with the folder's lock held.
 * @throws {DatabaseConfigError} naming DATABASE_URL and the folder, when the database cannot be created.
 */
export async function initEmbeddedFolder(dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    return;
  }
  await removeAbandonedDrafts(dataDir);
  const draft = await mkdtemp(join(dirname(resolve(dataDir)), draftPrefix(dataDir)));
  try {
    const pglite = new PGlite(draft);
    await pglite.waitReady;
    await pglite.close();
    const missing = REQUIRED_FILES.filter((file) => !existsSync(join(draft, file)));
    if (missing.length > 0) {
      throw new Error(`PGlite left no ${missing.join(' and no ')} in ${draft}`);
    }
    // rename() replaces an empty folder on POSIX but not on Windows; the empty folder holds nothing.
    await rmdir(dataDir).catch(() => undefined);
    await rename(draft, dataDir);
  } catch (error) {
    await rm(draft, { recursive: true, force: true });
    throw new DatabaseConfigError(
      'DATABASE_URL',
      `DATABASE_URL points at ${dataDir}, and the embedded database could not be created there (${error instanceof Error ? error.message : String(error)}). ` +
        'Check that the folder is writable and the disk not full, or set DATABASE_URL to another folder (pglite://.data/other) or to a PostgreSQL server.',
      { cause: error },
    );
  }
}

/**
 * Checks, once PGlite has opened a data folder, that it holds a whole database: the last thing PGlite's
 * initdb creates is the `postgres` database, so a folder without it was cut off while being created. A
 * PGlite that aborts while opening the folder (`Aborted()`) is explained the same way.
 * @param query runs one statement on the opened database and returns its rows.
 * @throws {DatabaseConfigError} naming DATABASE_URL, the folder, the likely cause and the fix.
 */
export async function checkOpenedEmbeddedFolder(dataDir: string, query: (sql: string) => Promise<unknown[]>): Promise<void> {
  let rows: unknown[];
  try {
    rows = await query(`select 1 as "found" from pg_database where datname = 'postgres'`);
  } catch (error) {
    if (isPGliteAbort(error)) {
      throw incompleteFolder(dataDir, 'PGlite aborted while opening it', error);
    }
    throw error;
  }
  if (rows.length === 0) {
    throw incompleteFolder(dataDir, 'its postgres database was never created');
  }
}

/** PGlite's WebAssembly PostgreSQL gave up (`Aborted(). Build with -sASSERTIONS ...`): it cannot read the folder. */
export function isPGliteAbort(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e.message.startsWith('Aborted(') || e.name === 'RuntimeError') return true;
  }
  return false;
}
