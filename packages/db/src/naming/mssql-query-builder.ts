import { LockMode } from '@mikro-orm/core';

/**
 * SQL Server table hints for each pessimistic lock mode. T-SQL has no `FOR UPDATE`: a row lock is a
 * hint on the table in the FROM clause. ROWLOCK keeps the lock to the rows read; UPDLOCK is the
 * "write" lock (one holder at a time, readers without hints pass); HOLDLOCK keeps a shared lock to the
 * end of the transaction; READPAST skips locked rows and NOWAIT fails at once (error 1222) instead of
 * waiting. READPAST cannot be combined with HOLDLOCK, so the skip-locked read uses REPEATABLEREAD.
 */
export const MSSQL_LOCK_HINTS: Readonly<Partial<Record<LockMode, string>>> = {
  [LockMode.PESSIMISTIC_WRITE]: 'WITH (UPDLOCK, ROWLOCK)',
  [LockMode.PESSIMISTIC_WRITE_OR_FAIL]: 'WITH (UPDLOCK, ROWLOCK, NOWAIT)',
  [LockMode.PESSIMISTIC_PARTIAL_WRITE]: 'WITH (UPDLOCK, ROWLOCK, READPAST)',
  [LockMode.PESSIMISTIC_READ]: 'WITH (HOLDLOCK, ROWLOCK)',
  [LockMode.PESSIMISTIC_READ_OR_FAIL]: 'WITH (HOLDLOCK, ROWLOCK, NOWAIT)',
  [LockMode.PESSIMISTIC_PARTIAL_READ]: 'WITH (REPEATABLEREAD, ROWLOCK, READPAST)',
};

interface LockState {
  lockMode?: LockMode;
  _indexHint?: string;
  getKnexQuery: (processVirtualEntity?: boolean) => unknown;
}

/**
 * Makes a SQL Server query builder render pessimistic locks as table hints on its main table
 * (`from [User] as [u0] WITH (UPDLOCK, ROWLOCK) where ...`, see {@link MSSQL_LOCK_HINTS}). Left alone,
 * MikroORM asks knex for `forUpdate()`, and knex's SQL Server dialect appends `with (UPDLOCK)` after
 * the joins, where T-SQL reads it as a hint on the last joined table, or rejects it after an ON clause.
 * Returns the same builder.
 */
export function withLockHints<T extends object>(qb: T): T {
  const state = qb as unknown as LockState;
  const render = state.getKnexQuery.bind(qb);
  state.getKnexQuery = (processVirtualEntity = true) => {
    const hint = state.lockMode === undefined ? undefined : MSSQL_LOCK_HINTS[state.lockMode];
    if (hint === undefined) {
      return render(processVirtualEntity);
    }
    // MikroORM places an index hint right after `from <table> as <alias>`: exactly where a table hint goes.
    const { lockMode, _indexHint: indexHint } = state;
    state.lockMode = undefined;
    state._indexHint = indexHint === undefined ? hint : `${hint} ${indexHint}`;
    try {
      return render(processVirtualEntity);
    } finally {
      state.lockMode = lockMode;
      state._indexHint = indexHint;
    }
  };
  return qb;
}
