import type { Configuration, LogContext, Transaction } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';

/**
 * What `executeBound` uses of MikroORM's SQL connections beyond their public API: the members its own
 * `execute` uses, which TypeScript declares protected (every MikroORM 6 SQL connection has them).
 */
interface ConnectionInternals {
  readonly config: Configuration;
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: LogContext): Promise<T>;
  transformRawResult(result: unknown, method: 'all' | 'get' | 'run'): unknown;
}

/**
 * Runs `sql` (`?` placeholders) on `connection` with `bindings` sent to the driver as parameters:
 * `@p0` on SQL Server (tedious, typed by `mapMsSqlBinding`), `$1` on PostgreSQL and PGlite. In every
 * other respect it runs as MikroORM 6's `connection.execute`, which instead writes the values into the
 * text: through the ORM's query log (the text with the driver's placeholders, never the values), in
 * the transaction `ctx` when there is one, and with the driver's raw result shaped by the connection
 * itself (`'all'`: the rows; `'get'`: the first row; `'run'`: affected rows and ids). Driver errors
 * come back as the driver raised them, as from `execute` (see `mapDatabaseError`).
 * @example const rows = await executeBound<Row[]>(em.getConnection(), 'select ? as [x]', ['a'], 'all', em.getTransactionContext());
 */
export async function executeBound<T>(
  connection: AbstractSqlConnection,
  sql: string,
  bindings: readonly unknown[],
  method: 'all' | 'get' | 'run' = 'all',
  ctx?: Transaction,
  loggerContext?: LogContext,
): Promise<T> {
  await connection.ensureConnection();
  const knex = connection.getKnex();
  const internals = connection as unknown as ConnectionInternals;
  const client = knex.client as { positionBindings(sql: string): string };
  const logged = internals.config.getLogger().isEnabled('query', loggerContext) ? client.positionBindings(sql) : sql;
  return internals.executeQuery(
    logged,
    async () => {
      const query = knex.raw(sql, bindings as Knex.RawBinding[]);
      if (ctx !== undefined && ctx !== null) void query.transacting(ctx as Knex.Transaction);
      return internals.transformRawResult(await query, method) as T;
    },
    { query: sql, params: [...bindings], ...loggerContext },
  );
}
