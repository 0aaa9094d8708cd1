import type { Platform } from '@mikro-orm/core';
import { MsSqlPlatform } from '@mikro-orm/mssql';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * The SQL dialects DDL and migrations are written in. PGlite is PostgreSQL: it runs the PostgreSQL
 * migrations and DDL unchanged.
 */
export type SqlDialect = 'postgresql' | 'mssql';

/** Every {@link SqlDialect}, PostgreSQL first. */
export const SQL_DIALECTS: readonly SqlDialect[] = ['postgresql', 'mssql'];

/** Whether `value` names a {@link SqlDialect} (for command-line input). */
export function isSqlDialect(value: string): value is SqlDialect {
  return (SQL_DIALECTS as readonly string[]).includes(value);
}

/**
 * The SQL dialect an ORM speaks, from its platform: `mssql` for SQL Server, `postgresql` for PostgreSQL
 * and PGlite.
 * @throws {Error} for any other platform (this package configures no other).
 */
export function sqlDialectOf(platform: Platform): SqlDialect {
  if (platform instanceof MsSqlPlatform) {
    return 'mssql';
  }
  if (platform instanceof PostgreSqlPlatform) {
    return 'postgresql';
  }
  throw new Error(`Unsupported database platform ${platform.constructor.name}: expected PostgreSQL, PGlite or SQL Server.`);
}
