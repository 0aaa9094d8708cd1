import { TransactionPropagation } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { deadlineOf, deadlinePassed, DeadlineExceededError, runUnderDeadline, type Deadline } from './deadline';
import { mapDatabaseError } from './map-database-error';

/** Options of {@link transactional}. */
export interface TransactionalOptions {
  /** When the work must be over; default: the one recorded on `em` by `setDeadline`, if any. */
  deadline?: Deadline;
}

/**
 * Runs `fn` in a database transaction: everything `fn` changes is flushed and committed together,
 * or, if `fn` (or the flush) throws, rolled back and nothing is kept. Called inside another
 * `transactional`, it joins the outer transaction (one commit at the end, one rollback for all).
 * Database errors are rethrown as typed errors ({@link mapDatabaseError}): a duplicate key surfaces as
 * {@link UniqueConflictError}, a lost connection as {@link DatabaseUnavailableError}.
 *
 * Under a deadline (`options.deadline`, or the one `setDeadline` recorded on `em`: the request's), the database
 * gives up at the deadline (PostgreSQL: `SET LOCAL statement_timeout` and `lock_timeout`; SQL Server:
 * see `applyServerTimeouts`), and a transaction whose deadline passed is rolled back, never committed:
 * either way the caller gets {@link DeadlineExceededError} (503).
 *
 * On PostgreSQL a failed statement aborts the whole transaction, so catching a database error inside
 * `fn` and carrying on does not work; let it propagate.
 * @example
 * await transactional(em, async (tx) => {
 *   tx.persist(company);
 *   tx.persist(tx.create(UserCompany, { user, company }));
 * });
 */
export async function transactional<T>(
  em: EntityManager,
  fn: (em: EntityManager) => Promise<T>,
  options: TransactionalOptions = {},
): Promise<T> {
  const deadline = options.deadline ?? deadlineOf(em);
  // A nested call joins the outer transaction, whose own call applies the deadline.
  const outermost = !em.isInTransaction();
  try {
    return await em.transactional(
      (tx) => (deadline !== undefined && outermost ? runUnderDeadline(tx, deadline, () => fn(tx)) : fn(tx)),
      { propagation: TransactionPropagation.REQUIRED },
    );
  } catch (err) {
    if (err instanceof DeadlineExceededError) throw err;
    // A statement cancelled by the server-side timeouts, or anything else that failed after the
    // deadline passed, is the deadline's doing.
    if (deadline !== undefined && deadlinePassed(deadline)) throw new DeadlineExceededError({ cause: err });
    throw mapDatabaseError(err);
  }
}
