import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { createOrmConfig, type OrmOptions } from './config';

/** The ORM instance this package hands out: one of the SQL drivers (PGlite, PostgreSQL, SQL Server). */
export type Orm = MikroORM<AbstractSqlDriver>;

let cached: Promise<Orm> | undefined;

/**
 * Creates a new, uncached ORM from explicit options. For tests and benchmarks that need several
 * independent ORMs; the app uses {@link initORM}.
 * @example
 * const orm = await createORM(createOrmConfig({ DATABASE_URL: 'pglite://memory' }));
 */
export async function createORM(options: OrmOptions): Promise<Orm> {
  return MikroORM.init<AbstractSqlDriver>(options);
}

/**
 * The process-wide ORM, created on first call from {@link createOrmConfig}`(process.env, overrides)`.
 * Later calls return the same promise (their `overrides` are ignored), so concurrent callers share one
 * pool. A failed initialisation is not cached: the next call tries again.
 * @example
 * const orm = await initORM();
 */
export function initORM(overrides?: Partial<OrmOptions>): Promise<Orm> {
  if (!cached) {
    const pending = createORM(createOrmConfig(process.env, overrides));
    cached = pending;
    pending.catch(() => {
      if (cached === pending) {
        cached = undefined;
      }
    });
  }
  return cached;
}

/**
 * Closes the process-wide ORM (waits for running queries, then ends the pool) and forgets it, so a
 * later {@link initORM} starts afresh. Safe to call when nothing was initialised.
 */
export async function closeORM(): Promise<void> {
  const pending = cached;
  cached = undefined;
  if (!pending) {
    return;
  }
  let orm: Orm;
  try {
    orm = await pending;
  } catch {
    return;
  }
  await orm.close();
}
