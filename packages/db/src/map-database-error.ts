import {
  ConnectionException,
  DeadlockException,
  LockWaitTimeoutException,
  ForeignKeyConstraintViolationException,
  NotFoundError as OrmNotFoundError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { errorChain, type ErrorLike } from './error-chain';
import {
  DatabaseError,
  DatabaseUnavailableError,
  ForeignKeyError,
  NotFoundError,
  TransactionConflictError,
  UniqueConflictError,
} from './errors';

/**
 * PostgreSQL SQLSTATEs meaning "the server is not there for you right now": connection exceptions
 * (class 08), the server shutting down or starting (57P01-57P03), too many connections (53300), and
 * a connection the server refuses at login: its database does not exist (3D000) or the login failed
 * (28000, 28P01). The last three come from the configuration (a replica's URL, a dropped database), not
 * from the request: still 503, and readiness names the connection.
 */
const PG_UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '3D000', '28000', '28P01']);
const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/** Socket-level codes from Node and from tedious (SQL Server) that mean the server is unreachable or refuses the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  // tedious
  'ESOCKET',
  'ETIMEOUT',
  'ECONNCLOSED',
  'EINSTLOOKUP',
  // tedious: the server refused the login (wrong password, a database that does not exist, 18456/4060)
  'ELOGIN',
]);

/** SQL Server error numbers: 2627 unique constraint, 2601 unique index, 547 FK or CHECK conflict. */
const MSSQL_UNIQUE_NUMBERS = new Set([2627, 2601]);
const MSSQL_CONSTRAINT_CONFLICT = 547;
/** SQL Server 1205 deadlock victim, 1222 lock request timeout; PostgreSQL 40P01 deadlock, 40001 serialization failure. */
const MSSQL_TRANSACTION_CONFLICTS = new Set([1205, 1222]);
const PG_TRANSACTION_CONFLICTS = new Set(['40P01', '40001']);

/**
 * Lost or unobtainable connections that node-postgres, knex and MikroORM report without any code:
 * a connect timeout ("timeout expired"), a socket closed under a query, a client left unusable, a
 * transaction whose connection died, and knex's pool acquire timeout (which MikroORM re-wraps as a
 * DriverException without a cause, losing the KnexTimeoutError name). Matching these messages is the
 * only signal those libraries give; our own errors are always classified by type.
 */
const UNAVAILABLE_MESSAGES = [
  /^timeout expired$/,
  // Alone (node-postgres) or after the failed statement (knex prefixes query errors with `<sql> - `).
  /^(?:.* - )?Connection terminated(?: unexpectedly| due to connection timeout)?$/s,
  /Connection ended unexpectedly/,
  /has encountered a connection error and is not queryable/,
  /Transaction query already complete/,
  /Timeout acquiring a connection/,
];

function isUnavailable(e: ErrorLike): boolean {
  if (e instanceof ConnectionException) {
    return true;
  }
  if (typeof e.message === 'string' && e.code === undefined && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) {
    return true;
  }
  // knex raises this when no pooled connection frees up within acquireTimeoutMillis.
  if (e.name === 'KnexTimeoutError') {
    return true;
  }
  // An AggregateError (Node's happy-eyeballs connect, one inner error per address tried) needs no case of its
  // own: errorChain lists its inner errors, and each comes through here.
  return typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || PG_UNAVAILABLE_STATES.has(e.code) || e.code.startsWith('08'));
}

/**
 * SQL Server reports the constraint only inside its message (`... constraint 'UQ_User_Email'` or
 * `... unique index 'IX_User_Email'`); the name is read from there, never the duplicate values.
 */
function mssqlConstraintName(message: unknown): string | undefined {
  if (typeof message !== 'string') {
    return undefined;
  }
  const match = /(?:constraint|unique index) ['"]([^'"]+)['"]/i.exec(message);
  return match?.[1];
}

function constraintOf(e: ErrorLike): string | undefined {
  if (typeof e.constraint === 'string' && e.constraint.length > 0) {
    return e.constraint;
  }
  return typeof e.number === 'number' ? mssqlConstraintName(e.message) : undefined;
}

/**
 * Turns a driver or ORM error into the typed error it stands for, or returns it unchanged when it
 * is not one of those. Used by {@link transactional}; call it yourself around a bare `em.flush()`.
 *
 * - unique violation (PG 23505, SQL Server 2627/2601) → {@link UniqueConflictError} (409)
 * - foreign key violation (PG 23503, SQL Server 547 on an `FK_` constraint) → {@link ForeignKeyError} (409)
 * - deadlock victim (SQL Server 1205, PG 40P01), serialization failure (40001), lock timeout (1222) → {@link TransactionConflictError} (503, retry)
 * - `findOneOrFail` miss → {@link NotFoundError} (404)
 * - connection refused/reset/terminated, server shutdown (57P01..), pool timeout → {@link DatabaseUnavailableError} (503)
 * @example
 * try { await em.flush(); } catch (err) { throw mapDatabaseError(err); }
 */
export function mapDatabaseError(err: unknown): unknown {
  if (err instanceof DatabaseError) {
    return err;
  }
  if (err instanceof OrmNotFoundError) {
    // The ORM's message names the entity next to the search condition; the condition may hold personal data.
    return new NotFoundError('Entity', { cause: err });
  }
  for (const e of errorChain(err)) {
    if (e instanceof UniqueConstraintViolationException || e.code === PG_UNIQUE_VIOLATION || (typeof e.number === 'number' && MSSQL_UNIQUE_NUMBERS.has(e.number))) {
      return new UniqueConflictError(constraintOf(e), { cause: err });
    }
    if (e instanceof ForeignKeyConstraintViolationException || e.code === PG_FOREIGN_KEY_VIOLATION) {
      return new ForeignKeyError(constraintOf(e), { cause: err });
    }
    if (e.number === MSSQL_CONSTRAINT_CONFLICT) {
      // 547 covers FOREIGN KEY and CHECK conflicts alike; our FK names all start with FK_.
      const name = constraintOf(e);
      if (name?.startsWith('FK_')) {
        return new ForeignKeyError(name, { cause: err });
      }
    }
    if (
      e instanceof DeadlockException ||
      e instanceof LockWaitTimeoutException ||
      (typeof e.number === 'number' && MSSQL_TRANSACTION_CONFLICTS.has(e.number)) ||
      (typeof e.code === 'string' && PG_TRANSACTION_CONFLICTS.has(e.code))
    ) {
      return new TransactionConflictError('Transaction conflict', { cause: err });
    }
    if (isUnavailable(e)) {
      return new DatabaseUnavailableError('Database unavailable', { cause: err });
    }
  }
  return err;
}
