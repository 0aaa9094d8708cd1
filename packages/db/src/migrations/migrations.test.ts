import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { Migrator } from '@mikro-orm/migrations';
import { entitiesBySchema } from '@eventlead/models';
import { ddlStatements } from '../ddl/ddl-statements';
import { generateDdl } from '../ddl/generate-ddl';
import { withOfflineOrm } from '../ddl/offline-orm';
import { SQL_DIALECTS, type SqlDialect } from '../ddl/sql-dialect';
import { checkSchema } from '../schema-check/check-schema';
import { createTestDatabase, describeEachDatabase, testDatabaseKinds } from '../testing';
import { executedMigrations, migrateDown, migrateUp, pendingMigrations } from './migrate';
import { MIGRATIONS_TABLE, migrationsOf } from './migration-options';

const SCHEMAS = Object.keys(entitiesBySchema);
const TABLE_COUNT = Object.values(entitiesBySchema).flat().length;

/**
 * Objects the initial migration created that a later migration replaced (a migration never changes once
 * committed), with the migration that did. The initial migration matches the entities' DDL except for these.
 */
const REPLACED = [{ object: 'UQ_User_Email', migration: 'Migration20261129170000_UserEmailUniqueAmongLive' }] as const;

/** What the tests use of a committed migration (MikroORM's `Migration` class). */
interface RenderableMigration {
  up(): Promise<void> | void;
  down(): Promise<void> | void;
  getQueries(): unknown[];
}

/** The SQL a committed migration runs in `method`, rendered without a server. */
async function migrationSql(dialect: SqlDialect, index: number, method: 'up' | 'down'): Promise<string> {
  const migration = migrationsOf(dialect)[index];
  if (!migration) {
    throw new Error(`No migration ${index} for ${dialect}`);
  }
  return withOfflineOrm(dialect, async (orm) => {
    const MigrationClass = migration.class as unknown as new (driver: AbstractSqlDriver, config: Configuration) => RenderableMigration;
    const instance = new MigrationClass(orm.em.getDriver(), orm.config);
    await instance[method]();
    return instance.getQueries().map(String).join('\n');
  });
}

describe('committed migrations', () => {
  test.each(SQL_DIALECTS)('%s: every migration file is in the explicit list, oldest first', (dialect) => {
    const files = readdirSync(join(__dirname, dialect)).filter((file) => /^\d{14}-.+\.ts$/.test(file));
    const names = migrationsOf(dialect).map((m) => m.name);
    expect(names).toHaveLength(files.length);
    expect([...names].sort()).toEqual(names);
    expect(names.length).toBeGreaterThan(0);
  });

  test('both dialects have the same migrations, under the same names', () => {
    expect(migrationsOf('mssql').map((m) => m.name)).toEqual(migrationsOf('postgresql').map((m) => m.name));
  });

  test.each(SQL_DIALECTS)('%s: the initial migration creates exactly the DDL the entities produce', async (dialect) => {
    const migration = ddlStatements(await migrationSql(dialect, 0, 'up'));
    const entities = ddlStatements(await generateDdl(dialect));
    const replaced = (statement: string) => REPLACED.some(({ object }) => statement.includes(object));
    expect(migration.filter((s) => !replaced(s))).toEqual(entities.filter((s) => !replaced(s)));
  });

  test.each(SQL_DIALECTS)('%s: a later migration creates what replaces an initial object exactly as the entities do', async (dialect) => {
    const entities = ddlStatements(await generateDdl(dialect));
    const names = migrationsOf(dialect).map((m) => m.name);
    for (const { object, migration } of REPLACED) {
      const up = ddlStatements(await migrationSql(dialect, names.indexOf(migration), 'up'));
      const created = entities.filter((s) => s.includes(object));
      expect(created).toHaveLength(1);
      expect(up).toContain(created[0]);
    }
  });

  test.each(SQL_DIALECTS)('%s: the snapshot holds the expression of every expression index the entities render', async (dialect) => {
    // MikroORM compares expression indexes by name only, so the snapshot diff alone would miss a changed filter.
    const snapshot = JSON.parse(readFileSync(join(__dirname, dialect, '.snapshot.json'), 'utf8')) as {
      tables: { indexes: { keyName: string; expression?: string }[] }[];
    };
    const expressions = snapshot.tables.flatMap((t) => t.indexes).filter((i) => i.expression !== undefined);
    const entities = ddlStatements(await generateDdl(dialect));
    expect(expressions.map((i) => i.keyName)).toEqual(REPLACED.map((r) => r.object));
    for (const index of expressions) {
      expect(entities).toContain(index.expression);
    }
  });

  test.each(SQL_DIALECTS)('%s: the entities have no change the migrations lack (snapshot diff is empty)', async (dialect) => {
    const needed = await withOfflineOrm(
      dialect,
      (orm) => new Migrator(orm.em.fork()).checkMigrationNeeded(),
      { migrations: { path: join(__dirname, dialect), snapshot: true, snapshotName: '.snapshot', tableName: MIGRATIONS_TABLE } },
    );
    expect(needed).toBe(false);
  });

  test('SQL Server: the initial migration creates the five schemas besides dbo and all 35 tables', async () => {
    const up = await migrationSql('mssql', 0, 'up');
    for (const schema of SCHEMAS.filter((s) => s !== 'dbo')) {
      expect(up).toContain(`create schema [${schema}] authorization [dbo]`);
    }
    expect(up.match(/CREATE TABLE /g)).toHaveLength(TABLE_COUNT);
  });

  test.each(SQL_DIALECTS)('%s: down() drops every table and schema up() creates', async (dialect) => {
    const up = await migrationSql(dialect, 0, 'up');
    const down = await migrationSql(dialect, 0, 'down');
    const created = [...up.matchAll(/create table (\S+)/gi)].map((m) => m[1]);
    expect(created).toHaveLength(TABLE_COUNT);
    for (const table of created) {
      expect(down).toMatch(new RegExp(`drop table (if exists )?${table!.replace(/[[\]."]/g, '\\$&')}`, 'i'));
    }
    const schemas = [...up.matchAll(/create schema (?:if not exists )?([["][a-z]+[\]"])/gi)].map((m) => m[1]);
    for (const schema of schemas) {
      expect(down).toContain(`drop schema if exists ${schema}`);
    }
  });
});

describeEachDatabase(
  'migrations on an empty database',
  (getDb) => {
    async function userTables(): Promise<string[]> {
      const rows = await getDb()
        .em()
        .getConnection()
        .execute<{ name: string }[]>(
          `select table_schema || '.' || table_name as "name" from information_schema.tables
            where table_schema not in ('pg_catalog', 'information_schema') order by 1`,
        );
      return rows.map((r) => r.name);
    }

    async function schemas(): Promise<string[]> {
      const rows = await getDb()
        .em()
        .getConnection()
        .execute<{ name: string }[]>(
          `select nspname as "name" from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema' order by 1`,
        );
      return rows.map((r) => r.name);
    }

    const all = migrationsOf('postgresql').map((m) => m.name);

    test('starts empty, with every migration pending', async () => {
      expect(await userTables()).toEqual([]);
      expect(await pendingMigrations(getDb().orm)).toEqual(all);
    });

    test('up applies every migration and the schema matches the entities', async () => {
      expect(await migrateUp(getDb().orm)).toEqual(all);
      expect(await pendingMigrations(getDb().orm)).toEqual([]);
      expect(await executedMigrations(getDb().orm)).toEqual(all);
      expect(await userTables()).toHaveLength(TABLE_COUNT + 1);
      expect(await schemas()).toEqual([...SCHEMAS, 'public'].sort());
      expect(await checkSchema(getDb().orm)).toMatchObject({ clean: true, differences: [], sql: [] });
    });

    test('up again has nothing to do', async () => {
      expect(await migrateUp(getDb().orm)).toEqual([]);
    });

    test('down to 0 removes every table and schema, keeping only the migrations table', async () => {
      expect(await migrateDown(getDb().orm, { to: 0 })).toEqual([...all].reverse());
      expect(await userTables()).toEqual([`public.${MIGRATIONS_TABLE}`]);
      expect(await schemas()).toEqual(['public']);
      expect(await pendingMigrations(getDb().orm)).toEqual(all);
    });

    test('up after down rebuilds the same schema', async () => {
      expect(await migrateUp(getDb().orm)).toEqual(all);
      expect((await checkSchema(getDb().orm)).clean).toBe(true);
    });

    test('down without options reverts only the last migration', async () => {
      expect(await migrateDown(getDb().orm)).toEqual([all[all.length - 1]]);
      await migrateUp(getDb().orm);
    });

    test('the migrations table carries a Solomon primary key name', async () => {
      const rows = await getDb()
        .em()
        .getConnection()
        .execute<{ name: string }[]>(
          `select conname as "name" from pg_constraint where conrelid = 'public.${MIGRATIONS_TABLE}'::regclass`,
        );
      expect(rows.map((r) => r.name)).toEqual([`PK_${MIGRATIONS_TABLE}`]);
    });
  },
  { schema: 'none', resetAfterEach: false },
);

describe.each(testDatabaseKinds())('[%s] migrate on tables without migration history', (kind) => {
  test('is refused with what to do, before any statement runs', async () => {
    const db = await createTestDatabase(kind, { schema: 'entities' });
    try {
      await expect(migrateUp(db.orm)).rejects.toThrow(
        `The database DATABASE_URL points at already has EventLead tables (dbo.User) but no migration history (${MIGRATIONS_TABLE} is empty)`,
      );
      await expect(migrateUp(db.orm)).rejects.toThrow('Point DATABASE_URL at an empty database and run pnpm db:migrate (embedded: delete the folder)');
      expect(await executedMigrations(db.orm)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
