import { access, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Constructor, IMigrationGenerator, MigrationDiff } from '@mikro-orm/core';
import { Migrator, TSMigrationGenerator } from '@mikro-orm/migrations';
import { withOfflineOrm } from '../ddl/offline-orm';
import { SQL_DIALECTS, type SqlDialect } from '../ddl/sql-dialect';
import { MIGRATIONS_TABLE } from './migration-options';

/**
 * The schema each dialect's migrations lead to, as MikroORM's migrator stores it after generating a
 * migration. The next migration is the difference between the entities and this snapshot, so SQL
 * Server migrations are generated without a SQL Server.
 */
const SNAPSHOT_NAME = '.snapshot';

/** An empty database: what the first migration starts from, so it gets a complete `down()`. */
const EMPTY_SNAPSHOT = { tables: [], namespaces: [], nativeEnums: {} };

const DIALECT_NAMES: Readonly<Record<SqlDialect, string>> = {
  postgresql: 'PostgreSQL (and PGlite)',
  mssql: 'SQL Server',
};

const LIST_NAMES: Readonly<Record<SqlDialect, string>> = {
  postgresql: 'postgresqlMigrations',
  mssql: 'mssqlMigrations',
};

/** Options of {@link createMigration}. */
export interface CreateMigrationOptions {
  /** PascalCase name of the change, e.g. `Initial` or `AddEventTable`. */
  readonly name: string;
  /** The `src/migrations` folder holding one folder per dialect. */
  readonly directory: string;
  /** `yyyyMMddHHmmss` stamp shared by both dialects' files. Default: now (UTC). */
  readonly timestamp?: string;
}

/** One migration file written by {@link createMigration}. */
export interface CreatedMigration {
  /** The dialect the file is for (one folder per dialect). */
  readonly dialect: SqlDialect;
  /** Path of the new file. */
  readonly path: string;
  /** The migration's name as recorded in the migrations table (its class name). */
  readonly name: string;
  /** Statements in `up()`. */
  readonly statements: number;
}

/** `2026-11-27T08:22:19.123Z` → `20261127082219`, MikroORM's migration timestamp. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-T:]|\.\d{3}Z$/g, '');
}

/** `AddEventTable` → `add-event-table` (file names are kebab-case). */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function migrationFileName(timestamp: string, name: string): string {
  return `${timestamp}-${kebab(name)}`;
}

/**
 * MikroORM's TypeScript generator, writing files that pass this repository's lint (synchronous `up`
 * and `down`, a JSDoc header) under one timestamp for every dialect.
 */
function generatorFor(dialect: SqlDialect, timestamp: string): Constructor<IMigrationGenerator> {
  return class SolomonMigrationGenerator extends TSMigrationGenerator {
    override async generate(diff: MigrationDiff, path?: string, name?: string): Promise<[string, string]> {
      if (path === undefined || name === undefined) {
        throw new Error('createMigration passes the folder and the name explicitly.');
      }
      const className = this.namingStrategy.classToMigrationName(timestamp, name);
      const fileName = `${migrationFileName(timestamp, name)}.ts`;
      const code = this.generateMigrationFile(className, diff);
      await writeFile(join(path, fileName), code);
      return [code, fileName];
    }

    override generateMigrationFile(className: string, diff: MigrationDiff): string {
      const body = (statements: string[]) => statements.map((sql) => this.createStatement(sql, 4)).join('');
      const date = `${timestamp.slice(0, 4)}-${timestamp.slice(4, 6)}-${timestamp.slice(6, 8)}`;
      let code = `import { Migration } from '@mikro-orm/migrations';\n\n`;
      code += `/**\n`;
      code += ` * ${DIALECT_NAMES[dialect]}: generated on ${date} by \`eventlead-db migration:create\` from the entities of\n`;
      code += ` * @eventlead/models (MikroORM's migrator, Solomon naming). Review it; do not edit the SQL by hand.\n`;
      code += ` */\n`;
      code += `export class ${className} extends Migration {\n`;
      code += `  override up(): void {\n${body(diff.up)}  }\n`;
      if (diff.down.length > 0) {
        code += `\n  override down(): void {\n${body(diff.down)}  }\n`;
      }
      code += `}\n`;
      return code;
    }
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The migration files of a dialect folder, oldest first (their names start with the timestamp). */
async function migrationFiles(folder: string): Promise<string[]> {
  const files = await readdir(folder);
  return files.filter((file) => /^\d{14}-[a-z0-9-]+\.ts$/.test(file)).sort();
}

/**
 * Rewrites the dialect's `index.ts`: the explicit list of its migrations the runtime uses, oldest first.
 */
async function writeMigrationList(dialect: SqlDialect, folder: string): Promise<void> {
  const entries: { className: string; module: string }[] = [];
  for (const file of await migrationFiles(folder)) {
    const source = await readFile(join(folder, file), 'utf8');
    const className = /export class (\w+) extends Migration/.exec(source)?.[1];
    if (className === undefined) {
      throw new Error(`${join(folder, file)} does not export a Migration class.`);
    }
    entries.push({ className, module: `./${file.replace(/\.ts$/, '')}` });
  }
  const imports = entries.map((e) => `import { ${e.className} } from '${e.module}';\n`).join('');
  const items = entries.map((e) => `  { name: '${e.className}', class: ${e.className} },\n`).join('');
  const code =
    `import type { MigrationObject } from '@mikro-orm/core';\n${imports}\n` +
    `/**\n * The ${DIALECT_NAMES[dialect]} migrations, oldest first. Rewritten by \`eventlead-db migration:create\`.\n */\n` +
    `export const ${LIST_NAMES[dialect]}: MigrationObject[] = [\n${items}];\n`;
  await writeFile(join(folder, 'index.ts'), code);
}

/**
 * Generates the next migration for every dialect from the difference between the entities and the
 * dialect's snapshot (MikroORM's migrator, no database server), writes it next to the earlier ones with
 * a `down()` that undoes it, updates the snapshot, and rewrites the dialect's migration list. A dialect
 * whose schema did not change gets no file. Development tool: it writes into `src/migrations`.
 * @example
 * await createMigration({ name: 'AddEventTable', directory: 'packages/db/src/migrations' });
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreatedMigration[]> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(options.name)) {
    throw new Error(`Migration name must be PascalCase letters and digits, like AddEventTable (got "${options.name}").`);
  }
  const timestamp = options.timestamp ?? migrationTimestamp(new Date());
  const created: CreatedMigration[] = [];
  for (const dialect of SQL_DIALECTS) {
    const folder = join(options.directory, dialect);
    const snapshot = join(folder, `${SNAPSHOT_NAME}.json`);
    if (!(await exists(snapshot))) {
      if ((await migrationFiles(folder)).length > 0) {
        throw new Error(`${snapshot} is missing: it records the schema the existing migrations lead to. Restore it from version control.`);
      }
      await writeFile(snapshot, `${JSON.stringify(EMPTY_SNAPSHOT)}\n`);
    }
    const { result, className } = await withOfflineOrm(
      dialect,
      async (orm) => ({
        result: await new Migrator(orm.em.fork()).createMigration(folder, false, false, options.name),
        className: orm.config.getNamingStrategy().classToMigrationName(timestamp, options.name),
      }),
      {
        migrations: {
          tableName: MIGRATIONS_TABLE,
          path: folder,
          emit: 'ts',
          snapshot: true,
          snapshotName: SNAPSHOT_NAME,
          generator: generatorFor(dialect, timestamp),
        },
      },
    );
    if (result.fileName !== '') {
      created.push({
        dialect,
        path: join(folder, result.fileName),
        name: className,
        statements: result.diff.up.filter((sql) => sql !== '').length,
      });
      await writeMigrationList(dialect, folder);
    }
  }
  return created;
}
