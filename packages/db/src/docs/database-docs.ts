import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ddlDocument } from '../ddl/generate-ddl';
import { SQL_DIALECTS } from '../ddl/sql-dialect';
import { SCHEMA_REFERENCE_PATH, generateSchemaReference } from './schema-reference';

/**
 * Every generated database document, by path relative to the workspace root: the schema reference and
 * the complete DDL of each dialect (`docs/database/ddl/<dialect>.sql`).
 */
export async function generateDatabaseDocs(): Promise<Record<string, string>> {
  const docs: Record<string, string> = { [SCHEMA_REFERENCE_PATH]: await generateSchemaReference() };
  for (const dialect of SQL_DIALECTS) {
    docs[`docs/database/ddl/${dialect}.sql`] = await ddlDocument(dialect);
  }
  return docs;
}

/**
 * Writes the generated documents under `root` (the workspace root) and returns the paths that changed.
 * @example
 * await writeDatabaseDocs(findWorkspaceRoot()); // ['docs/database/schema-reference.md'] after an entity change
 */
export async function writeDatabaseDocs(root: string): Promise<string[]> {
  const changed: string[] = [];
  for (const [path, content] of Object.entries(await generateDatabaseDocs())) {
    const file = join(root, path);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current !== content) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      changed.push(path);
    }
  }
  return changed;
}

/** The generated documents under `root` that are missing or differ from what the entities produce now. */
export async function staleDatabaseDocs(root: string): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, content] of Object.entries(await generateDatabaseDocs())) {
    const current = await readFile(join(root, path), 'utf8').catch(() => undefined);
    if (current !== content) {
      stale.push(path);
    }
  }
  return stale;
}
