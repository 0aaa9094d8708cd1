import type { Configuration } from '@mikro-orm/core';
import { MsSqlDriver, type MsSqlConnection, type MsSqlPlatform } from '@mikro-orm/mssql';
import { SolomonMsSqlConnection } from './mssql-connection';
import { SolomonMsSqlPlatform } from './mssql-platform';
import { withLockHints } from './mssql-query-builder';

/**
 * The SQL Server driver with {@link SolomonMsSqlPlatform}: Solomon names for primary keys and
 * default constraints, `GETUTCDATE()` for current-time defaults, and pessimistic locks as table hints
 * (`WITH (UPDLOCK, ROWLOCK)`, see {@link withLockHints}); and {@link SolomonMsSqlConnection}, which sends
 * the values of every statement as parameters. Everything else is MikroORM's `MsSqlDriver` (OUTPUT
 * clauses, batch inserts).
 * @example
 * await MikroORM.init({ driver: SolomonMsSqlDriver, ... })
 */
export class SolomonMsSqlDriver extends MsSqlDriver {
  constructor(config: Configuration) {
    super(config);
    // MsSqlDriver hard-wires its platform in the constructor; swap it before the Configuration reads
    // it back through getPlatform() and wires it into connections and metadata.
    (this as unknown as { platform: MsSqlPlatform }).platform = new SolomonMsSqlPlatform();
    // Its connections too (the primary and each replica, built the same way): the ones MsSqlDriver built
    // have not connected yet and are dropped.
    const connections = this as unknown as { connection: MsSqlConnection; replicas: MsSqlConnection[] };
    connections.connection = new SolomonMsSqlConnection(this.config);
    connections.replicas = this.createReplicas((options) => new SolomonMsSqlConnection(this.config, options, 'read'));
    // Every query builder (find, count, lock, update, delete) gets the lock hints. Wrapped here rather
    // than overridden: MsSqlQueryBuilder, which it returns, is not exported by @mikro-orm/mssql.
    const create = this.createQueryBuilder.bind(this);
    this.createQueryBuilder = ((...args: Parameters<typeof create>) => withLockHints(create(...args))) as typeof create;
  }
}
