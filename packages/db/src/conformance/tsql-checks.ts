/**
 * Text checks for T-SQL statements: what SQL Server would reject or misread, found without a server.
 * They read SQL text only (see docs/database/sql-server.md for what a real server must still confirm).
 */

import { MSSQL_MAX_BOUND_PARAMETERS, MSSQL_MAX_PARAMETERS } from '../naming/mssql-parameters';

/** What the checks need to know of the schema. */
export interface TsqlCheckOptions {
  /**
   * Tables of the `dbo` schema. MikroORM writes SQL Server's default schema unqualified (`[User]`), so a
   * bare table name is accepted only for these, and only because the app login's default schema is dbo
   * (docs/database/sql-server.md); every other table must be written `[schema].[Table]`.
   */
  readonly dboTables: ReadonlySet<string>;
}

const STRING_LITERAL = /N?'(?:[^']|'')*'/g;
const BRACKETED = /\[(?:[^\]]|\]\])*\]/g;

/** `sql` with every string literal replaced by `''`, so words inside data are never read as SQL. */
function withoutLiterals(sql: string): string {
  return sql.replace(STRING_LITERAL, "''");
}

/** Whether the text after each OFFSET sits in a query whose ORDER BY comes first (same parenthesis depth). */
function offsetsWithoutOrderBy(code: string): number {
  let count = 0;
  for (const match of code.matchAll(/\boffset\b/gi)) {
    let depth = 0;
    let ordered = false;
    for (let i = match.index - 1; i >= 0; i -= 1) {
      const c = code[i];
      if (c === ')') {
        depth += 1;
        continue;
      }
      if (c === '(') {
        if (depth === 0) break;
        depth -= 1;
        continue;
      }
      if (depth !== 0 || /\w/.test(code[i - 1] ?? ' ')) continue;
      const rest = code.slice(i);
      if (/^order\s+by\b/i.test(rest)) {
        ordered = true;
        break;
      }
      if (/^select\b/i.test(rest)) break;
    }
    if (!ordered) count += 1;
  }
  return count;
}

/** A table reference after FROM, JOIN, INTO, UPDATE or TABLE that is neither schema-qualified nor a known dbo table. */
function badTableReferences(code: string, options: TsqlCheckOptions): string[] {
  const bad: string[] = [];
  for (const match of code.matchAll(/\b(?:from|join|into|update|table)\s+(?!\()([^\s,;()]+)/gi)) {
    const ref = match[1] ?? '';
    if (/^\[[A-Za-z_]\w*\]\.\[[A-Za-z_]\w*\]$/.test(ref) || /^#\w+$/.test(ref) || /^@\w+$/.test(ref)) continue;
    const bare = /^\[([A-Za-z_]\w*)\]$/.exec(ref);
    if (bare?.[1] !== undefined && options.dboTables.has(bare[1])) continue;
    bad.push(ref);
  }
  return bad;
}

/**
 * Every rule `sql` breaks, as short sentences; empty when it passes. `parameters` is the number of
 * parameters it binds. The rules:
 * - no PostgreSQL-only syntax: ILIKE, `::` casts, RETURNING, FOR UPDATE / FOR SHARE / SKIP LOCKED,
 *   `$1` placeholders, true/false literals, LIMIT, OFFSET without FETCH, double-quoted identifiers, now();
 * - every LIKE has an ESCAPE clause (patterns come from input, bound or, in a statement MikroORM writes
 *   its values into, as literals);
 * - OFFSET … FETCH only in a query with ORDER BY;
 * - at most {@link MSSQL_MAX_BOUND_PARAMETERS} parameters (SQL Server's {@link MSSQL_MAX_PARAMETERS} less
 *   the two of `sp_executesql`, which tedious calls);
 * - table references bracketed and schema-qualified (bare only for dbo tables, see {@link TsqlCheckOptions}),
 *   and no unbracketed `alias.Column`.
 * @example tsqlViolations('select * from [User] where [FirstName] ilike @p0', 1, opts) // ['ILIKE ...', ...]
 */
export function tsqlViolations(sql: string, parameters: number, options: TsqlCheckOptions): string[] {
  const out: string[] = [];
  const code = withoutLiterals(sql);
  const words = code.replace(BRACKETED, '[]');
  const rule = (broken: boolean, message: string): void => {
    if (broken) out.push(message);
  };
  rule(/\bilike\b/i.test(words), 'ILIKE is PostgreSQL only: use containsText() (LIKE … ESCAPE under a CI collation)');
  rule(words.includes('::'), '`::` casts are PostgreSQL only: use CAST(… AS …)');
  rule(/\breturning\b/i.test(words), 'RETURNING is PostgreSQL only: SQL Server uses OUTPUT');
  rule(/\bfor\s+(?:no\s+key\s+)?(?:update|share|key\s+share)\b/i.test(words), 'FOR UPDATE / FOR SHARE is not T-SQL: locks are table hints WITH (UPDLOCK, ROWLOCK)');
  rule(/\bskip\s+locked\b/i.test(words), 'SKIP LOCKED is not T-SQL: use the READPAST table hint');
  rule(/\$\d+/.test(words), '`$1` placeholders are PostgreSQL only: tedious binds @p0');
  rule(/\b(?:true|false)\b/i.test(words), 'true/false literals are not T-SQL: bind the value or write 1/0');
  rule(/\blimit\b/i.test(words), 'LIMIT is not T-SQL: use TOP (n) or OFFSET … FETCH');
  rule(
    [...words.matchAll(/\boffset\b/gi)].length !== [...words.matchAll(/\boffset\s+\S+\s+rows?\s+fetch\s+(?:next|first)\s+\S+\s+rows?\s+only\b/gi)].length,
    'OFFSET without FETCH NEXT … ROWS ONLY',
  );
  rule(offsetsWithoutOrderBy(words) > 0, 'OFFSET … FETCH without ORDER BY in the same query');
  rule(words.includes('"'), 'double-quoted identifier: T-SQL identifiers are [bracketed] (quoted identifiers depend on a SET option)');
  rule(/\bnow\s*\(/i.test(words), 'now() is PostgreSQL only: use GETUTCDATE() or SYSUTCDATETIME()');
  const likes = [...words.matchAll(/\blike\b/gi)].length;
  const escaped = [...words.matchAll(/\blike\s+(?:@p\d*|\?|'')(?:\s+collate\s+\w+)?\s+escape\s+''/gi)].length;
  rule(likes !== escaped, 'LIKE without ESCAPE: T-SQL has no default escape character (use containsText())');
  rule(
    parameters > MSSQL_MAX_BOUND_PARAMETERS,
    `${parameters} parameters: SQL Server accepts at most ${MSSQL_MAX_PARAMETERS} per request, ${MSSQL_MAX_BOUND_PARAMETERS} of them the statement's (tedious sends it through sp_executesql)`,
  );
  for (const ref of badTableReferences(code, options)) {
    out.push(`table ${ref} is not [schema].[Table] (a bare name is accepted only for dbo tables)`);
  }
  rule(/(?<![\w@#\]])[A-Za-z_]\w*\.(?:[A-Za-z_]\w*|\*)/.test(words.replace(/\[\]\.(?:\[\]|\*)/g, '')), 'unbracketed qualified identifier (alias.Column)');
  return out;
}

/**
 * A statement's shape: what is left when the data is taken out. Parameter names become `@p`; values
 * written into the text (MikroORM's way, kept for statements over the parameter limit, see
 * `bindMsSqlParameters`) become `N'…'` and `'…'` for strings and `#` for numbers (the ESCAPE character
 * is kept); whitespace is collapsed; runs of parameters (`in (…)` lists) and repeated VALUES rows are
 * shown once followed by `…`.
 * The same statement with other data or another batch size has one shape.
 * @example statementShape("insert into [T] ([A]) values (N'x'), (N'y')") // "insert into [T] ([A]) values (N'…'), …"
 */
export function statementShape(sql: string): string {
  const parts = sql.replace(/\s+/g, ' ').trim().split(/(N?'(?:[^']|'')*'|\[(?:[^\]]|\]\])*\])/);
  const text = parts
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/@p\d+/g, '@p').replace(/(?<![\w@#.])\d+(?:\.\d+)?(?![\w.])/g, '#');
      if (part.startsWith('[')) return part;
      if (/\bescape $/i.test(parts[i - 1] ?? '')) return part;
      return part.startsWith('N') ? "N'…'" : "'…'";
    })
    .join('');
  return text
    .replace(/@p(?:, @p)+/g, '@p, …')
    .replace(/(\([^()]*\))(?:, \1)+/g, '$1, …');
}
