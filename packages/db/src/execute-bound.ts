import type { Configuration, LogContext, LoggingOptions, Transaction } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';

/**
 * What these functions use of MikroORM's SQL connections beyond their public API: the members its own
 * `execute` uses, which TypeScript declares protected (every MikroORM 6 SQL connection has them).
 */
interface ConnectionInternals {
  readonly config: Configuration;
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: LogContext): Promise<T>;
  transformRawResult(result: unknown, method: 'all' | 'get' | 'run'): unknown;
}

type Method = 'all' | 'get' | 'run';

/** Runs `sql` with `params` bound, or written into the text as MikroORM 6's `execute` writes them. */
async function send<T>(
  connection: AbstractSqlConnection,
  sql: string,
  params: readonly unknown[],
  bound: boolean,
  method: Method,
  ctx: Transaction,
  loggerContext: LoggingOptions | undefined,
): Promise<T> {
  await connection.ensureConnection();
  const knex = connection.getKnex();
  const internals = connection as unknown as ConnectionInternals;
  const client = knex.client as { positionBindings(sql: string): string };
  // Logged as MikroORM logs a statement without `query-params` (which createOrmConfig never enables):
  // the text with the driver's placeholders, never the values.
  const logged = internals.config.getLogger().isEnabled('query', loggerContext) ? client.positionBindings(sql) : sql;
  return internals.executeQuery(
    logged,
    async () => {
      let query: Knex.Raw;
      if (!bound) {
        query = knex.raw(connection.getPlatform().formatQuery(sql, [...params]));
      } else if (params.length === 0) {
        // Without values the text goes as it is: given a bindings array, knex would take a `?` in it (in
        // a string literal of a DDL statement, say) for a placeholder.
        query = knex.raw(sql);
      } else {
        query = knex.raw(sql, params as Knex.RawBinding[]);
      }
      if (ctx !== undefined && ctx !== null) void query.transacting(ctx as Knex.Transaction);
      return internals.transformRawResult(await query, method) as T;
    },
    { query: sql, params: [...params], ...loggerContext },
  );
}

/**
 * Runs `sql` (`?` placeholders) on `connection` with `bindings` sent to the driver as parameters:
 * `@p0` on SQL Server (tedious, typed by `mapMsSqlBinding`), `$1` on PostgreSQL and PGlite. In every
 * other respect it runs as MikroORM 6's `connection.execute`, which instead writes the values into the
 * text: through the ORM's query log (the text with the driver's placeholders, never the values), in
 * the transaction `ctx` when there is one, and with the driver's raw result shaped by the connection
 * itself (`'all'`: the rows; `'get'`: the first row; `'run'`: affected rows and ids). Driver errors
 * come back as the driver raised them, as from `execute` (see `mapDatabaseError`). Without bindings
 * the text is sent as it is.
 * @example const rows = await executeBound<Row[]>(em.getConnection(), 'select ? as [x]', ['a'], 'all', em.getTransactionContext());
 */
export function executeBound<T>(
  connection: AbstractSqlConnection,
  sql: string,
  bindings: readonly unknown[],
  method: Method = 'all',
  ctx?: Transaction,
  loggerContext?: LoggingOptions,
): Promise<T> {
  return send<T>(connection, sql, bindings, true, method, ctx, loggerContext);
}

/**
 * Runs `sql` as MikroORM 6's `connection.execute` does after its `onQuery` hook: the values written into
 * the text by the platform (`formatQuery`), logged and shaped as {@link executeBound} does. For the
 * statements a driver cannot bind (see `bindMsSqlParameters`).
 */
export function executeInlined<T>(
  connection: AbstractSqlConnection,
  sql: string,
  params: readonly unknown[],
  method: Method = 'all',
  ctx?: Transaction,
  loggerContext?: LoggingOptions,
): Promise<T> {
  return send<T>(connection, sql, params, false, method, ctx, loggerContext);
}
