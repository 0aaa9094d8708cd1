import { redactSqlValues } from '@eventlead/db';
import { DriverException } from '@mikro-orm/core';

/** An error as it may be written to a log line or to log.ApplicationError. */
export interface LogSafeError {
  /**
   * The error's `name` (`TypeError`, `UniqueConstraintViolationException`...), or `typeof` for a thrown
   * non-error.
   */
  type: string;
  /** The message, SQL literals replaced by `'?'` when the error carries a statement. */
  message: string;
  /** Absent when the error has none (an error-shaped object, a thrown non-error): no empty field in a log line. */
  stack?: string;
  /** The error's own `code` (a driver's or an API error's), when it is a string or number. */
  code?: string | number;
  /** The HTTP status the error names, when it has one. */
  statusCode?: number;
  /** The database constraint involved, when the driver names it. */
  constraint?: string;
  /** The same for `error.cause`, up to five causes deep. */
  cause?: LogSafeError;
}

// knex prefixes a failed query's message with the statement, bound values inlined: `insert into ... - <reason>`.
const SQL_STATEMENT = /^\s*(?:select|insert|update|delete|with|begin|commit|rollback|savepoint|release|set|truncate)\b/i;
const MAX_CAUSES = 5;

function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/**
 * An error's `name`; for an error-shaped object without one (a line logging `err: { type, message }`,
 * the shape this module produces) its `type`.
 */
function typeOf(error: Error): string {
  const { name, type } = error as { name?: unknown; type?: unknown };
  if (typeof name === 'string') return name;
  return typeof type === 'string' ? type : 'Error';
}

/**
 * Database driver errors carry the failed statement with its values inlined (emails, password
 * hashes, token hashes) and the server's detail line, which repeats them; those errors keep the
 * statement's shape, each literal becomes `'?'` and the detail line goes.
 */
function carriesSql(error: Error): boolean {
  return error instanceof DriverException || SQL_STATEMENT.test(error.message);
}

// MikroORM appends the server's detail and hint lines; a detail repeats values ("Failing row contains
// (...)", "Key (<column>)=(...) already exists").
const DRIVER_DETAIL = /\n - (?:detail|hint|where): [^\n]*/g;

function redact(text: string): string {
  return redactSqlValues(text.replace(DRIVER_DETAIL, ''));
}

/**
 * The loggable part of an error: type, message, stack, code, status, constraint and the same for its
 * causes. Statements inside driver errors lose their values, and nothing else of the error is kept
 * (drivers attach `detail`, `parameters` and similar fields that repeat the values).
 * @example logger.error({ err: logSafeError(error) }, 'unhandled error');
 */
export function logSafeError(error: unknown, depth = 0): LogSafeError {
  if (!isErrorLike(error)) return { type: typeof error, message: String(error) };
  const sql = carriesSql(error);
  const clean = (text: string) => (sql ? redact(text) : text);
  const safe: LogSafeError = { type: typeOf(error), message: clean(error.message) };
  if (typeof error.stack === 'string' && error.stack !== '') safe.stack = clean(error.stack);
  const { code, statusCode, constraint } = error as { code?: unknown; statusCode?: unknown; constraint?: unknown };
  if (typeof code === 'string' || typeof code === 'number') safe.code = code;
  if (typeof statusCode === 'number') safe.statusCode = statusCode;
  if (typeof constraint === 'string') safe.constraint = constraint;
  if (error.cause !== undefined && depth < MAX_CAUSES) safe.cause = logSafeError(error.cause, depth + 1);
  return safe;
}

/** The messages of an error and its causes in one line, values removed as in {@link logSafeError}. */
export function logSafeMessage(error: unknown): string {
  const parts: string[] = [];
  for (let e: LogSafeError | undefined = logSafeError(error); e !== undefined; e = e.cause) parts.push(e.message);
  return parts.join('; caused by: ');
}

/** A {@link LogSafeError} without its stacks (its own and its causes'). */
export interface StacklessError extends Omit<LogSafeError, 'stack' | 'cause'> {
  /** The same for `error.cause`. */
  cause?: StacklessError;
}

/**
 * {@link logSafeError} without the stacks, for an error whose cause is known and expected (the
 * database cannot be reached): type, code and message of the error and of its causes (the driver's
 * `ECONNREFUSED`...). During an outage every request fails the same way, and a stack per request
 * would bury the log without saying more.
 * @example request.log.warn({ error: logSafeErrorWithoutStack(error) }, 'service unavailable');
 */
export function logSafeErrorWithoutStack(error: unknown): StacklessError {
  return withoutStacks(logSafeError(error));
}

function withoutStacks({ stack: _stack, cause, ...rest }: LogSafeError): StacklessError {
  return cause === undefined ? rest : { ...rest, cause: withoutStacks(cause) };
}
