/**
 * Typed errors raised by the database layer. Each carries a stable `code` and the HTTP `statusCode`
 * an API should answer with, so callers branch on classes and codes, never on message text.
 *
 * Messages name the constraint or the setting involved and nothing else: no SQL, no parameter
 * values, no passwords. The driver error is kept as `cause` for debugging; it may contain SQL and
 * values, so log `message`, `code` and `constraint` and leave `cause` to debug-level diagnostics.
 */

/** Base class of every error this package throws. */
export abstract class DatabaseError extends Error {
  /** Stable machine-readable code, e.g. `DB_UNIQUE_CONFLICT`. */
  abstract readonly code: string;
  /** The HTTP status an API should answer with. */
  abstract readonly statusCode: number;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Configuration is missing or invalid (bad `DATABASE_URL`, unknown scheme, non-numeric pool size).
 * Thrown at startup; the message says which variable to set and never echoes a password.
 */
export class DatabaseConfigError extends DatabaseError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_CONFIG';
  /** The HTTP status to answer with: a deployment fault, not the caller's. */
  readonly statusCode = 500;
  /** The environment variable or option at fault, e.g. `DATABASE_URL`. */
  readonly setting: string;

  constructor(setting: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.setting = setting;
  }
}

/**
 * The database cannot be reached right now: connection refused or reset, server shutting down,
 * pool exhausted, or a readiness probe that timed out. Retrying later may succeed (HTTP 503).
 */
export class DatabaseUnavailableError extends DatabaseError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_UNAVAILABLE';
  /** The HTTP status to answer with (Service Unavailable; retry later). */
  readonly statusCode = 503;
}

/**
 * The database gave up this transaction to let another one through: chosen as a deadlock victim (SQL
 * Server 1205, PostgreSQL 40P01), a serialization failure (40001) or a lock that could not be had in
 * time (SQL Server 1222). Nothing was written; the same request may succeed when retried (HTTP 503).
 */
export class TransactionConflictError extends DatabaseError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_TRANSACTION_CONFLICT';
  /** The HTTP status to answer with (Service Unavailable; the request may be retried). */
  readonly statusCode = 503;
}

/**
 * A write broke a named constraint of the schema (HTTP 409): the common part of
 * {@link UniqueConflictError} and {@link ForeignKeyError}. Catch the subclass you can act on.
 */
export abstract class ConstraintViolationError extends DatabaseError {
  /** The HTTP status to answer with (Conflict). */
  readonly statusCode = 409;
  /** Name of the violated constraint or index (e.g. `UQ_User_Email`, `FK_UserCompany_UserID`), when the database reports it. */
  readonly constraint: string | undefined;

  /**
   * @param message - what was violated, naming the constraint and nothing else (no SQL, no values)
   * @param constraint - the constraint's name, when the database reports it
   */
  protected constructor(message: string, constraint: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.constraint = constraint;
  }
}

/**
 * A write collided with a unique constraint or unique index (HTTP 409).
 * @example
 * try { await transactional(em, (tx) => tx.persistAndFlush(user)); }
 * catch (err) { if (err instanceof UniqueConflictError && err.constraint === 'UQ_User_Email') ... }
 */
export class UniqueConflictError extends ConstraintViolationError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_UNIQUE_CONFLICT';

  constructor(constraint: string | undefined, options?: { cause?: unknown }) {
    super(constraint ? `Unique constraint ${constraint} violated` : 'Unique constraint violated', constraint, options);
  }
}

/**
 * A write broke a foreign key: it points at a row that does not exist, or it deletes a row that
 * other rows still reference (HTTP 409).
 */
export class ForeignKeyError extends ConstraintViolationError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_FOREIGN_KEY';

  constructor(constraint: string | undefined, options?: { cause?: unknown }) {
    super(constraint ? `Foreign key ${constraint} violated` : 'Foreign key constraint violated', constraint, options);
  }
}

/**
 * A row that had to exist does not (`findOneOrFail` and friends; HTTP 404). The message names the
 * entity only: the search condition may hold personal data.
 */
export class NotFoundError extends DatabaseError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_NOT_FOUND';
  /** The HTTP status to answer with (Not Found). */
  readonly statusCode = 404;
  /** Entity name, e.g. `User`. */
  readonly entity: string;

  constructor(entity: string, options?: { cause?: unknown }) {
    super(`${entity} not found`, options);
    this.entity = entity;
  }
}
