/**
 * The fields drivers, knex, MikroORM and Node put on their errors. All optional and unknown, so any object
 * fits; the readers check each field's type before using it.
 */
export interface ErrorLike {
  /** The driver's or Node's error code (`ECONNREFUSED`, `23505`...). */
  readonly code?: unknown;
  /** SQL Server's error number (tedious). */
  readonly number?: unknown;
  /** PostgreSQL's constraint name (node-postgres). */
  readonly constraint?: unknown;
  /** The error class's name. */
  readonly name?: unknown;
  /** The error message, which may hold SQL and values. */
  readonly message?: unknown;
  /** The inner errors of an `AggregateError` (Node's happy-eyeballs connect reports one per address). */
  readonly errors?: unknown;
  /** The error this one wraps. */
  readonly cause?: unknown;
}

/** How many errors {@link errorChain} returns at most: real chains are short, and cycles are possible. */
const MAX_ERRORS = 10;

function errorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

/**
 * An error and everything it wraps, outermost first, depth-first: after each error come the inner errors of
 * an `AggregateError` (`errors`), then its `cause`. The one walker of wrapped errors in this package: the
 * error mapping (`mapDatabaseError`) and the failure explanations (`explainDatabaseFailure`) both read the
 * result. Cycles are cut and at most ten errors are returned; non-objects (a thrown string) are skipped.
 * @example
 * errorChain(new Error('query failed', { cause: pgError })) // [that error, pgError]
 */
export function errorChain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const visit = (value: unknown): void => {
    const e = errorLike(value);
    if (e === undefined || out.includes(e) || out.length >= MAX_ERRORS) {
      return;
    }
    out.push(e);
    if (Array.isArray(e.errors)) {
      e.errors.forEach(visit);
    }
    visit(e.cause);
  };
  visit(err);
  return out;
}
