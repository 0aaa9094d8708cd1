import { Migrator } from '@mikro-orm/migrations';
import { sqlDialectOf } from '../ddl/sql-dialect';
import type { Orm } from '../orm';
import { DatabaseConfigError } from '../errors';
import { MIGRATIONS_TABLE, migrationOptions } from './migration-options';
import { ensureMigrationsTable } from './migrations-table';

/** Options of {@link migrateDown}. */
export interface MigrateDownOptions {
  /**
   * Revert down to this migration, which stays applied (its name, e.g. `Migration20261127082219_Initial`),
   * or `0` to revert every migration. Default: revert the last applied migration only.
   */
  readonly to?: string | 0;
}

/**
 * A migrator for the committed migrations of the ORM's dialect. The ORM config normally carries the
 * migrations options already; an ORM configured without them (for example by a caller's own options)
 * gets the committed list for its platform.
 */
async function openMigrator(orm: Orm): Promise<Migrator> {
  const configured = orm.config.get('migrations');
  if (!configured.migrationsList) {
    orm.config.set('migrations', { ...configured, ...migrationOptions(sqlDialectOf(orm.config.getPlatform())) });
  }
  await ensureMigrationsTable(orm);
  return new Migrator(orm.em.fork());
}

/** True when `dbo.User` exists: the first table every migration history starts with. */
async function hasUserTable(orm: Orm): Promise<boolean> {
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<{ n: number | string }[]>(`select count(*) as n from information_schema.tables where table_schema = 'dbo' and table_name = 'User'`);
  return Number(rows[0]?.n ?? 0) > 0;
}

/**
 * Applies every pending migration, in one transaction: all of them or none. Returns the names applied,
 * oldest first (empty when the database was up to date). A database with the tables but no migration
 * history is refused with a `DatabaseConfigError` that says what to do (migrating it would fail on the
 * first `create table`).
 * @example
 * const applied = await migrateUp(orm); // ['Migration20261127082219_Initial']
 */
export async function migrateUp(orm: Orm): Promise<string[]> {
  const migrator = await openMigrator(orm);
  if ((await migrator.getExecutedMigrations()).length === 0 && (await hasUserTable(orm))) {
    throw new DatabaseConfigError(
      'DATABASE_URL',
      `The database DATABASE_URL points at already has EventLead tables (dbo.User) but no migration history (${MIGRATIONS_TABLE} is empty), ` +
        'so the migrations cannot tell what it holds: it was made by another tool (a schema update from the entities, or a restore without that table). ' +
        'Point DATABASE_URL at an empty database and run pnpm db:migrate (embedded: delete the folder), or restore the database with its migration history.',
    );
  }
  const applied = await migrator.up();
  return applied.map((migration) => migration.name);
}

/**
 * Reverts applied migrations, newest first, in one transaction: the last one by default, down to (not
 * including) `to`, or all of them with `to: 0`. Returns the names reverted.
 * @example
 * await migrateDown(orm);            // the last migration
 * await migrateDown(orm, { to: 0 }); // everything: an empty database (the migrations table stays)
 */
export async function migrateDown(orm: Orm, options: MigrateDownOptions = {}): Promise<string[]> {
  const migrator = await openMigrator(orm);
  const reverted = options.to === undefined ? await migrator.down() : await migrator.down({ to: options.to });
  return reverted.map((migration) => migration.name);
}

/**
 * The committed migrations not yet applied to the database, oldest first.
 * @example
 * if ((await pendingMigrations(orm)).length > 0) throw new Error('Run pnpm db:migrate first');
 */
export async function pendingMigrations(orm: Orm): Promise<string[]> {
  const migrator = await openMigrator(orm);
  return (await migrator.getPendingMigrations()).map((migration) => migration.name);
}

/** The migrations applied to the database, oldest first. */
export async function executedMigrations(orm: Orm): Promise<string[]> {
  const migrator = await openMigrator(orm);
  return (await migrator.getExecutedMigrations()).map((row) => row.name);
}
