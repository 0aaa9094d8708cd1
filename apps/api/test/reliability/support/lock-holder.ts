import type { Orm } from '@eventlead/db';

/** A transaction kept open on a connection of its own, holding the locks its statements took. */
export interface HeldLock {
  /** Rolls the holding transaction back, releasing its locks. */
  release(): Promise<void>;
}

/**
 * Runs `statements` (e.g. `lock table ...`, `select ... for update`) in a transaction on a pooled
 * connection of `orm` and keeps it open until `release()`: the locks a hostile or slow neighbour holds.
 * PostgreSQL only in practice: PGlite serves one connection, which the holder would take.
 */
export async function holdLock(orm: Orm, statements: readonly { sql: string; params?: unknown[] }[]): Promise<HeldLock> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked: () => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const holding = new Promise<void>((resolve, reject) => {
    locked = resolve;
    failed = reject;
  });
  const rollback = new Error('released');
  const done = orm.em
    .fork()
    .transactional(async (tx) => {
      for (const { sql, params } of statements) await tx.getConnection().execute(sql, params ?? [], 'all', tx.getTransactionContext());
      locked();
      await released;
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) failed(error);
    });
  await holding;
  return {
    async release() {
      release();
      await done;
    },
  };
}
