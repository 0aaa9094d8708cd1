import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateDdl } from '@eventlead/db';

// The HTTP layer names no table or column: statements come from @eventlead/db's read models and the
// ORM, secrets to redact from @eventlead/models. This reads every source file of apps/api/src (not
// the tests), comments included, for the names the migrations' DDL gives the database.
const SOURCE = join(__dirname, '..', '..', 'src');
const SCHEMAS = ['dbo', 'ref', 'config', 'audit', 'log', 'cache'];
const CONSTRAINT = /^(PK|FK|UQ|IX|CK|DF)_/;
// Column names of two or more words (`PasswordHash`, `RequestID`, `SortOrder`): one-word columns
// (`Email`, `Method`, `Name`) are also English words, which messages and comments use as such.
const COMPOUND = /^[A-Z][a-z0-9]*[A-Z]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Tables (`schema.Table`) and column names in the DDL of the committed entities. */
async function databaseNames(): Promise<{ tables: Set<string>; columns: Set<string> }> {
  const ddl = await generateDdl('postgresql');
  const tables = new Set([...ddl.matchAll(/"(\w+)"\."(\w+)"/g)].map(([, schema, table]) => `${schema}.${table}`));
  const tableNames = new Set([...tables].map((table) => table.split('.')[1]));
  const columns = new Set(
    [...ddl.matchAll(/"(\w+)"/g)]
      .map(([, name]) => name!)
      .filter((name) => !SCHEMAS.includes(name) && !tableNames.has(name) && !CONSTRAINT.test(name) && COMPOUND.test(name)),
  );
  return { tables, columns };
}

describe('apps/api/src names no table or column', () => {
  let names: { tables: Set<string>; columns: Set<string> };
  const files = sourceFiles(SOURCE).map((path) => ({ file: relative(SOURCE, path), text: readFileSync(path, 'utf8') }));

  beforeAll(async () => {
    names = await databaseNames();
  });

  test('the DDL gives the names to look for', () => {
    expect(names.tables).toContain('dbo.User');
    expect(names.tables).toContain('ref.UserStatus');
    expect(names.columns).toContain('PasswordHash');
    expect(names.columns).toContain('UserStatusID');
    expect(files.length).toBeGreaterThan(20);
  });

  test('no dbo. or ref. table', () => {
    const found = files.flatMap(({ file, text }) =>
      [...text.matchAll(/\b(?:dbo|ref)\.([A-Z]\w*)/g)].filter(([match]) => names.tables.has(match)).map(([match]) => `${file}: ${match}`),
    );
    expect(found).toEqual([]);
  });

  test('no PascalCase column name of two or more words', () => {
    const found = files.flatMap(({ file, text }) =>
      [...text.matchAll(/\b[A-Z]\w*\b/g)].filter(([word]) => names.columns.has(word)).map(([word]) => `${file}: ${word}`),
    );
    expect(found).toEqual([]);
  });
});
