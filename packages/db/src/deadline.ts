import type { EntityManager } from '@mikro-orm/knex';
import { sqlDialectOf } from './ddl/sql-dialect';
import { DatabaseError } from './errors';

/** When the work of a request (or a job) must be over: the caller's signal, fired at the latest at `expiresAt`. */
export interface Deadline {
  /** Fired when the caller gives up (its deadline passed, or the client went away). */
  signal: AbortSignal;
  /** Epoch milliseconds after which no statement may run and no transaction commit. */
  expiresAt: number;
}

/**
 * The deadline passed (or the caller gave up) before the database work finished: the transaction was
 * rolled back and nothing of it was kept (HTTP 503, retry).
 */
export class DeadlineExceededError extends DatabaseError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_DEADLINE_EXCEEDED';
  /** The HTTP status to answer with (Service Unavailable; the request may be retried). */
  readonly statusCode = 503;
  constructor(options?: { cause?: unknown }) {
    super('The deadline passed before the database work finished; nothing was committed', options);
  }
}

/**
 * Where the deadline lives: a filter parameter of the EntityManager fork, like the actor and the audit
 * context (see `setActor`), so every fork made from it afterwards, the one `em.transactional()` opens
 * among them, carries it. MikroORM deep-copies filter parameters into each fork; the holder's `clone`
 * hands the same deadline on instead (its signal is an `AbortSignal`, which must stay the caller's).
 * No filter has this name, so no query changes.
 *
 * Kept on the unit of work rather than in an `AsyncLocalStorage` of its own: on Node 20 every enabled
 * `AsyncLocalStorage` adds work to every promise and tick of every request, whether it reads it or not.
 */
const DEADLINE_PARAM = 'eventlead:deadline';

class DeadlineParam {
  constructor(readonly deadline: Deadline) {}
  /** Called by MikroORM when it copies filter parameters into a fork: the fork shares the deadline. */
  clone(): this {
    return this;
  }
}

/**
 * Records the deadline of the work done through `em` (a request's unit of work) and every fork made
 * from it afterwards: every {@link transactional} on them honours it without being passed it (the API
 * sets the request's deadline on its unit of work, so no route has to thread it through). Set it on a
 * request's fork, never on the global `orm.em`.
 * @example setDeadline(request.em, { signal: request.signal, expiresAt: Date.now() + 30_000 });
 */
export function setDeadline(em: EntityManager, deadline: Deadline): void {
  em.setFilterParams(DEADLINE_PARAM, new DeadlineParam(deadline));
}

/** The deadline recorded on `em` (or the fork it was made from) by {@link setDeadline}, if any. */
export function deadlineOf(em: EntityManager): Deadline | undefined {
  const param = em.getFilterParams(DEADLINE_PARAM) as unknown;
  return param instanceof DeadlineParam ? param.deadline : undefined;
}

/** Whether the deadline has passed or its signal fired. */
export function deadlinePassed(deadline: Deadline): boolean {
  return deadline.signal.aborted || Date.now() >= deadline.expiresAt;
}

/**
 * Makes the database itself give up at the deadline, inside the transaction `tx` has just begun.
 *
 * PostgreSQL and PGlite: `set_config(..., true)` is `SET LOCAL`: `statement_timeout` cancels a statement
 * still running at the deadline, `lock_timeout` one still waiting for a lock, both for this
 * transaction only (the pooled connection gets its settings back at COMMIT or ROLLBACK). The failed
 * statement aborts the transaction, which is then rolled back.
 *
 * SQL Server: nothing is sent. `SET LOCK_TIMEOUT` exists, but it holds for the session, not the
 * transaction, so it would outlive the request on the pooled connection. There the statement limit is
 * tedious's `requestTimeout` (the connection option): when it expires tedious sends an attention
 * signal, the server cancels the batch, and the transaction is rolled back by `transactional`; the
 * deadline check before COMMIT below applies the same as on PostgreSQL, so late work is rolled back
 * rather than committed.
 */
async function applyServerTimeouts(tx: EntityManager, deadline: Deadline): Promise<void> {
  if (sqlDialectOf(tx.getPlatform()) !== 'postgresql') return;
  const ms = String(Math.max(1, Math.ceil(deadline.expiresAt - Date.now())));
  await tx.getConnection().execute(
    "select set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true)",
    [ms, ms],
    'all',
    tx.getTransactionContext(),
  );
}

/**
 * Begins `fn`'s work under a deadline: the server-side timeouts first, and, after `fn` and its flush,
 * a last check before COMMIT. Used by {@link transactional} on the outermost transaction.
 */
export async function runUnderDeadline<T>(tx: EntityManager, deadline: Deadline, fn: () => Promise<T>): Promise<T> {
  if (deadlinePassed(deadline)) throw new DeadlineExceededError({ cause: deadline.signal.reason });
  await applyServerTimeouts(tx, deadline);
  const result = await fn();
  await tx.flush();
  // The caller has been answered (503) or has gone: roll back rather than commit behind its back.
  if (deadlinePassed(deadline)) throw new DeadlineExceededError({ cause: deadline.signal.reason });
  return result;
}
