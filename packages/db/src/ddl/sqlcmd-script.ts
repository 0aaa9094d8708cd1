import { entities } from '@eventlead/models';

const TABLE_POSITIONS = /\b(CREATE TABLE|CREATE (?:UNIQUE )?INDEX \[[^\]]+\] ON|alter table|references) \[([A-Za-z_]\w*)\](?!\.)/g;

/** `expression` with double-quoted identifiers written in brackets, string literals left alone. */
function bracketIdentifiers(expression: string): string {
  return expression
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/"([^"]+)"/g, '[$1]')))
    .join('');
}

/**
 * MikroORM's SQL Server DDL as a script `sqlcmd` runs as is, whatever the login's default schema and
 * connection options:
 * - `SET ANSI_NULLS ON` and `SET QUOTED_IDENTIFIER ON` first: filtered unique indexes need both, and
 *   sqlcmd connects with QUOTED_IDENTIFIER OFF unless given -I;
 * - each schema created in its own batch, before any table (idempotent: `IF SCHEMA_ID(...) IS NULL`);
 * - a `GO` after every group of statements, so each batch is small and an error names its table;
 * - dbo tables written `[dbo].[Table]` (MikroORM leaves SQL Server's default schema out);
 * - identifiers in CHECK constraints bracketed instead of double-quoted (MikroORM copies the
 *   expression as written), so they never depend on QUOTED_IDENTIFIER.
 * @example process.stdout.write(toSqlcmdScript(await generateDdl('mssql')))
 */
export function toSqlcmdScript(ddl: string): string {
  const dbo = new Set(entities.filter((entity) => entity.meta.schema === 'dbo').map((entity) => entity.meta.tableName));
  const qualified = ddl.replace(TABLE_POSITIONS, (match, position: string, table: string) => (dbo.has(table) ? `${position} [dbo].[${table}]` : match));
  const checked = qualified.replace(/\bcheck \(((?:[^()']|'(?:[^']|'')*'|\((?:[^()']|'(?:[^']|'')*')*\))*)\)/gi, (_m, body: string) => `check (${bracketIdentifiers(body)})`);
  const schemas: string[] = [];
  const rest: string[] = [];
  for (const line of checked.split('\n')) {
    if (line.startsWith("if (schema_id('")) schemas.push(line, 'GO');
    else rest.push(line);
  }
  const groups = rest
    .join('\n')
    .split(/\n\s*\n/)
    .map((group) => group.trim())
    .filter((group) => group !== '');
  return ['SET ANSI_NULLS ON;', 'SET QUOTED_IDENTIFIER ON;', 'GO', '', ...schemas, '', groups.map((group) => `${group}\nGO`).join('\n\n'), ''].join('\n');
}
