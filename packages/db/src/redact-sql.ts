import { redactUrl } from './redact-url';

// Single-quoted SQL literals ('' is an escaped quote inside one).
const SQL_LITERAL = /'(?:[^']|'')*'/g;

/**
 * Blanks every SQL string literal (and URL password) in a text, for statements that reach a log or an
 * error message with their values inlined (emails, password and token hashes).
 * @example
 * redactSqlValues("insert into t values ('a@b.c')") // "insert into t values ('?')"
 */
export function redactSqlValues(text: string): string {
  return redactUrl(text).replace(SQL_LITERAL, "'?'");
}
