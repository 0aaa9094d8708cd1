import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DatabaseConfigError } from './errors';

/** The PostgreSQL major version of the bundled PGlite (0.3.x); its data folders hold it in `PG_VERSION`. */
export const PGLITE_POSTGRES_MAJOR = '17';

function fix(dataDir: string): string {
  return `Delete the folder to start afresh (rm -rf ${dataDir}; its data is lost), or set DATABASE_URL to another folder (pglite://.data/other) or to a PostgreSQL server.`;
}

/**
 * Refuses a data folder this PGlite cannot open before PGlite tries (it would fail deep inside with an
 * unrelated error): a folder with files but no `PG_VERSION` (not a database folder), or one whose
 * `PG_VERSION` is another PostgreSQL major (an older or newer PGlite, or a PostgreSQL server's folder).
 * An empty or missing folder is fine: PGlite creates the database.
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
    throw new DatabaseConfigError(
      'DATABASE_URL',
      `DATABASE_URL points at ${dataDir}, which holds files but is not an embedded database folder (no PG_VERSION). ${fix(dataDir)}`,
    );
  }
  const major = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  if (major !== PGLITE_POSTGRES_MAJOR) {
    throw new DatabaseConfigError(
      'DATABASE_URL',
      `DATABASE_URL points at ${dataDir}, a database folder of PostgreSQL ${major}; this PGlite opens PostgreSQL ${PGLITE_POSTGRES_MAJOR} folders only (made by another PGlite version or by a PostgreSQL server). ${fix(dataDir)}`,
    );
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
