/**
 * Splits DDL as MikroORM renders it (one statement per line group, each ending in `;` at the end of a
 * line) into single statements, without comments, blank lines or trailing semicolons, with runs of
 * whitespace collapsed. Two scripts with the same statements in the same order compare equal.
 * @example
 * ddlStatements('create schema "ref";\n\ncreate table "ref"."Country" (...);\n') // ['create schema "ref"', 'create table ...']
 */
export function ddlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (const line of sql.split('\n')) {
    const text = line.trim();
    if (text === '' || text.startsWith('--')) {
      continue;
    }
    current = current === '' ? text : `${current} ${text}`;
    if (text.endsWith(';') && balancedQuotes(current)) {
      statements.push(normalize(current));
      current = '';
    }
  }
  if (current !== '') {
    statements.push(normalize(current));
  }
  return statements;
}

/** An even number of single quotes: the `;` at the end of the line is not inside a string literal. */
function balancedQuotes(text: string): boolean {
  return (text.split("'").length - 1) % 2 === 0;
}

function normalize(statement: string): string {
  return statement.replace(/;$/, '').replace(/\s+/g, ' ').trim();
}
