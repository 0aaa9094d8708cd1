import type { Orm } from '../orm';
import { sqlDialectOf } from '../ddl/sql-dialect';
import { MIGRATIONS_TABLE } from './migration-options';

/**
 * Creates the migrations table if it is missing, with the columns MikroORM's migrator reads (`id`,
 * `name`, `executed_at`) but a named primary key (`PK_mikro_orm_migrations`) and a named UTC default.
 * Left to the migrator, knex would create it with PostgreSQL's `mikro_orm_migrations_pkey` and SQL
 * Server's generated `PK__mikro_or__...` names; the migrator skips creation when the table exists.
 */
export async function ensureMigrationsTable(orm: Orm): Promise<void> {
  const platform = orm.config.getPlatform();
  const schema = orm.config.get('schema') ?? platform.getDefaultSchemaName();
  const table = platform.quoteIdentifier(schema ? `${schema}.${MIGRATIONS_TABLE}` : MIGRATIONS_TABLE);
  const pk = platform.quoteIdentifier(`PK_${MIGRATIONS_TABLE}`);
  const sql =
    sqlDialectOf(platform) === 'mssql'
      ? `if object_id(N'${table}', N'U') is null create table ${table} (` +
        `[id] int identity(1,1) not null constraint ${pk} primary key, ` +
        `[name] nvarchar(255) null, ` +
        `[executed_at] datetime2 null constraint ${platform.quoteIdentifier(`DF_${MIGRATIONS_TABLE}_executed_at`)} default getutcdate())`
      : `create table if not exists ${table} (` +
        `"id" serial not null, "name" varchar(255) null, "executed_at" timestamptz null default current_timestamp, ` +
        `constraint ${pk} primary key ("id"))`;
  await orm.em.getConnection('write').execute(sql);
}
