import { createOrmConfig, type OrmOptions } from '../config';
import { createORM, type Orm } from '../orm';
import type { SqlDialect } from './sql-dialect';

/**
 * Placeholder URLs that select a dialect's driver, platform and naming without a server: the ORM is
 * created with `connect: false` and never opens a connection, so host and credentials are never used.
 */
const OFFLINE_URLS: Readonly<Record<SqlDialect, string>> = {
  postgresql: 'postgresql://offline@localhost/eventlead',
  mssql: 'mssql://offline@localhost/EventLead',
};

/**
 * Runs `fn` with an ORM for `dialect` that never connects (`connect: false`), built by the same
 * {@link createOrmConfig} as the app, so the Solomon naming strategy and the dialect's platform
 * subclass shape every name and type. Used to render DDL, migrations and documentation without a
 * database server. The ORM is closed afterwards.
 * @example
 * const ddl = await withOfflineOrm('mssql', (orm) => orm.schema.getCreateSchemaSQL({ wrap: false }));
 */
export async function withOfflineOrm<T>(
  dialect: SqlDialect,
  fn: (orm: Orm) => Promise<T>,
  overrides: Partial<OrmOptions> = {},
): Promise<T> {
  // Only the URL: pool, replica and debug settings of the caller's environment do not apply here.
  const orm = await createORM(createOrmConfig({ DATABASE_URL: OFFLINE_URLS[dialect] }, { ...overrides, connect: false }));
  try {
    return await fn(orm);
  } finally {
    await orm.close(true);
  }
}
