import { TransactionPropagation } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { mapDatabaseError } from './map-database-error';

/**
 * Runs `fn` in a database transaction: everything `fn` changes is flushed and committed together,
 * or, if `fn` (or the flush) throws, rolled back and nothing is kept. Called inside another
 * `transactional`, it joins the outer transaction (one commit at the end, one rollback for all).
 * Database errors are rethrown as typed errors ({@link mapDatabaseError}): a duplicate key surfaces as
 * {@link UniqueConflictError}, a lost connection as {@link DatabaseUnavailableError}.
 *
 * On PostgreSQL a failed statement aborts the whole transaction, so catching a database error inside
 * `fn` and carrying on does not work; let it propagate.
 * @example
 * await transactional(em, async (tx) => {
 *   tx.persist(company);
 *   tx.persist(tx.create(UserCompany, { user, company }));
 * });
 */
export async function transactional<T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional((tx) => fn(tx), { propagation: TransactionPropagation.REQUIRED });
  } catch (err) {
    throw mapDatabaseError(err);
  }
}
