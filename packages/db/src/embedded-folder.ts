import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
