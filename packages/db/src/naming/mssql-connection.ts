import type { AnyEntity, EntityData, LoggingOptions, QueryResult, Transaction } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { MsSqlConnection } from '@mikro-orm/mssql';
import { executeBound, executeInlined } from '../execute-bound';
import { bindMsSqlParameters } from './mssql-parameters';

/**
 * MikroORM's SQL Server connection, sending each statement's values as parameters. MikroORM 6's
 * `execute`, which every statement the ORM builds goes through (finds, counts, the flush's inserts,
 * updates and deletes, locks), writes the values into the text (`formatQuery`, `N'…'`): one ad-hoc plan
 * per value, and the values in the plan cache. This `execute` sends the same text with `@p0`…
 * parameters instead ({@link bindMsSqlParameters}, typed by `mapMsSqlBinding`), with MikroORM's
 * `onQuery` hook, query log, result shapes and transactions as before. A statement that cannot be bound
 * as MikroORM would write it (more than 2,098 values, a value of an unknown kind) is sent as MikroORM
 * sends it. Values MikroORM writes into a query while building it (a `raw()` condition passed whole to
 * `qb.where`, a `raw()` `orderBy` key) are text before they get here and stay so.
 */
export class SolomonMsSqlConnection extends MsSqlConnection {
  override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    if (typeof queryOrKnex !== 'string') {
      // As MikroORM's execute: a knex builder brings its text and bindings, and, built on a
      // transaction, that transaction.
      const { sql, bindings } = queryOrKnex.toSQL();
      const transacting = (queryOrKnex as { client?: { transacting?: boolean } }).client?.transacting === true;
      return this.execute<T>(sql, [...bindings], method, ctx ?? (transacting ? queryOrKnex : undefined), loggerContext);
    }
    const sql = this.config.get('onQuery')(queryOrKnex, params);
    const bound = bindMsSqlParameters(this.platform, sql, params);
    return bound === undefined
      ? executeInlined<T>(this, sql, params, method, ctx, loggerContext)
      : executeBound<T>(this, bound.sql, bound.bindings, method, ctx, loggerContext);
  }
}
