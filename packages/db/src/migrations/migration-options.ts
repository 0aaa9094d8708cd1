import type { MigrationObject, MigrationsOptions } from '@mikro-orm/core';
import type { SqlDialect } from '../ddl/sql-dialect';
import { mssqlMigrations } from './mssql';
import { postgresqlMigrations } from './postgresql';

/**
 * The table recording applied migrations, in the dialect's default schema (`public` on PostgreSQL,
 * `dbo` on SQL Server). MikroORM's own name, so its tooling recognises it; its primary key still gets a
 * Solomon name (see {@link ensureMigrationsTable}).
 */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/**
 * The committed migrations of `dialect`, oldest first: explicit classes compiled into `dist`, so the
 * built package migrates wherever it is installed (no folder globs, no TypeScript at run time).
 * PGlite runs the PostgreSQL migrations.
 */
export function migrationsOf(dialect: SqlDialect): readonly MigrationObject[] {
  return dialect === 'mssql' ? mssqlMigrations : postgresqlMigrations;
}

/**
 * MikroORM `migrations` options for running the committed migrations of `dialect`: all pending
 * migrations in one transaction (PostgreSQL and SQL Server both roll DDL back), foreign keys left on,
 * no snapshot files written at run time, and no console output (callers report what ran).
 * @example
 * MikroORM.init({ ...options, migrations: migrationOptions('postgresql') })
 */
export function migrationOptions(dialect: SqlDialect): MigrationsOptions {
  return {
    tableName: MIGRATIONS_TABLE,
    migrationsList: [...migrationsOf(dialect)],
    transactional: true,
    allOrNothing: true,
    disableForeignKeys: false,
    snapshot: false,
    silent: true,
  };
}
