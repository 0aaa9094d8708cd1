#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createOrmConfig } from './config';
import { parseDatabaseUrl, resolveDatabaseUrl } from './database-url';
import { generateDeploymentScript } from './ddl/generate-ddl';
import { isSqlDialect, SQL_DIALECTS, type SqlDialect } from './ddl/sql-dialect';
import { staleDatabaseDocs, writeDatabaseDocs } from './docs/database-docs';
import { explainDatabaseFailure } from './explain-failure';
import { createMigration } from './migrations/create-migration';
import { executedMigrations, migrateDown, migrateUp } from './migrations/migrate';
import { createORM, type Orm } from './orm';
import { ping } from './ping';
import type { DatabaseEnv } from './pool-settings';
import { redactUrl } from './redact-url';
import { checkSchema } from './schema-check/check-schema';
import { seedReferenceData } from './seed/seed-reference-data';
import { findWorkspaceRoot } from './workspace-root';

/** Where {@link runCli} writes; the real CLI passes the process streams. */
export interface CliIo {
  /** Receives normal output (help, results, generated SQL). */
  readonly stdout: (text: string) => void;
  /** Receives errors and diagnostics. */
  readonly stderr: (text: string) => void;
  /** The environment the database settings are read from (`DATABASE_URL`, pool settings...). */
  readonly env: DatabaseEnv;
  /** Folder the workspace root is searched from (default: the current directory). */
  readonly cwd?: string;
}

/** Exit codes: 0 done (or clean), 1 failed or drift found, 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const USAGE = `Usage: eventlead-db <command> [options]

Commands (the database comes from DATABASE_URL; default: the embedded database in <workspace>/.data/pglite):
  migrate                    apply every pending migration (one transaction)
  migrate:down [--to NAME | --all]
                             revert the last migration, those after NAME (NAME is kept), or --all of them
  seed                       write the reference data (idempotent) and print what changed per table
  check                      compare the database with the entities; exit 1 and list differences on drift
  sql [--dialect D]          print the complete CREATE DDL (D: ${SQL_DIALECTS.join(' or ')}; default: DATABASE_URL's; mssql: a sqlcmd script); no server needed
  docs [--check]             regenerate docs/database (schema reference, DDL); --check exits 1 when they are stale
  migration:create --name N  development: generate the next migration for both dialects into src/migrations

Options:
  -h, --help                 show this help (also after a command: eventlead-db migrate --help)

Unknown commands and options are refused. Exit codes: 0 done, 1 failed (or drift for check, stale docs for
docs --check), 2 wrong usage.
`;

class UsageError extends Error {}

function databaseUrl(env: DatabaseEnv, cwd: string | undefined): string {
  return resolveDatabaseUrl(env, cwd).url;
}

/** `pglite` for PGlite, otherwise the dialect, plus the URL with its password replaced. */
function describeDatabase(url: string): string {
  return `${parseDatabaseUrl(url).dialect} ${redactUrl(url)}`;
}

async function withDatabase<T>(io: CliIo, fn: (orm: Orm) => Promise<T>): Promise<T> {
  const url = databaseUrl(io.env, io.cwd);
  const orm = await createORM(createOrmConfig({ ...io.env, DATABASE_URL: url }));
  try {
    await ping(orm, { timeoutMs: 10_000 });
    return await fn(orm);
  } finally {
    await orm.close(true);
  }
}

function list(names: readonly string[]): string {
  return names.map((name) => `  ${name}\n`).join('');
}

/** Commands without options still refuse any: `migrate --dry-run` must not migrate. */
function noOptions(args: string[]): void {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false });
}

async function migrate(io: CliIo, args: string[]): Promise<number> {
  noOptions(args);
  io.stdout(`Migrating ${describeDatabase(databaseUrl(io.env, io.cwd))}\n`);
  const applied = await withDatabase(io, migrateUp);
  io.stdout(applied.length === 0 ? 'Already up to date.\n' : `Applied ${applied.length} migration(s):\n${list(applied)}`);
  return EXIT.ok;
}

async function migrateDownCommand(io: CliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' }, all: { type: 'boolean' } }, strict: true });
  if (values.to !== undefined && values.all) {
    throw new UsageError('Use either --to NAME or --all, not both.');
  }
  const to = values.all ? 0 : values.to;
  io.stdout(`Reverting migrations on ${describeDatabase(databaseUrl(io.env, io.cwd))}\n`);
  const outcome = await withDatabase(io, async (orm): Promise<{ unknown: string[] } | { reverted: string[] }> => {
    // Checked here: the migrator's own refusal says "Couldn't find migration to apply" for a revert.
    if (typeof to === 'string') {
      const applied = await executedMigrations(orm);
      if (!applied.includes(to)) return { unknown: applied };
    }
    return { reverted: await migrateDown(orm, to === undefined ? {} : { to }) };
  });
  if ('unknown' in outcome) {
    const applied = outcome.unknown;
    io.stderr(
      `eventlead-db migrate:down: cannot revert down to "${to}": no applied migration has that name. ` +
        (applied.length === 0 ? 'No migration is applied.\n' : `Applied migrations, oldest first (NAME is one of these):\n${list(applied)}`),
    );
    return EXIT.failed;
  }
  const { reverted } = outcome;
  io.stdout(reverted.length === 0 ? 'Nothing to revert.\n' : `Reverted ${reverted.length} migration(s):\n${list(reverted)}`);
  return EXIT.ok;
}

async function seed(io: CliIo, args: string[]): Promise<number> {
  noOptions(args);
  io.stdout(`Seeding ${describeDatabase(databaseUrl(io.env, io.cwd))}\n`);
  const counts = await withDatabase(io, seedReferenceData);
  const width = Math.max(...Object.keys(counts).map((table) => table.length));
  io.stdout(`  ${'table'.padEnd(width)}  inserted  updated  total\n`);
  for (const [table, count] of Object.entries(counts)) {
    io.stdout(`  ${table.padEnd(width)}  ${String(count.inserted).padStart(8)}  ${String(count.updated).padStart(7)}  ${String(count.total).padStart(5)}\n`);
  }
  return EXIT.ok;
}

async function check(io: CliIo, args: string[]): Promise<number> {
  noOptions(args);
  const target = describeDatabase(databaseUrl(io.env, io.cwd));
  const result = await withDatabase(io, checkSchema);
  if (result.clean) {
    io.stdout(`Schema matches the entities: ${target}\n`);
    return EXIT.ok;
  }
  io.stdout(`Schema drift on ${target}: ${result.differences.length} difference(s)\n`);
  io.stdout(list(result.differences.map((d) => d.message)));
  io.stdout(`\nStatements that would align the database (review; not run):\n${list(result.sql)}`);
  io.stdout('Run `pnpm db:migrate`, or add a migration (eventlead-db migration:create) if the entities changed.\n');
  return EXIT.failed;
}

async function sql(io: CliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dialect: { type: 'string', short: 'd' } }, strict: true });
  let dialect: SqlDialect;
  if (values.dialect === undefined) {
    const configured = parseDatabaseUrl(databaseUrl(io.env, io.cwd)).dialect;
    dialect = configured === 'pglite' ? 'postgresql' : configured;
  } else if (isSqlDialect(values.dialect)) {
    dialect = values.dialect;
  } else {
    throw new UsageError(`--dialect must be ${SQL_DIALECTS.join(' or ')} (got ${values.dialect}).`);
  }
  io.stdout(await generateDeploymentScript(dialect));
  return EXIT.ok;
}

async function docs(io: CliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { check: { type: 'boolean' } }, strict: true });
  const root = findWorkspaceRoot(io.cwd);
  if (values.check) {
    const stale = await staleDatabaseDocs(root);
    if (stale.length > 0) {
      io.stdout(`Out of date (run pnpm --filter @eventlead/db docs:schema):\n${list(stale)}`);
      return EXIT.failed;
    }
    io.stdout('Database docs are up to date.\n');
    return EXIT.ok;
  }
  const changed = await writeDatabaseDocs(root);
  io.stdout(changed.length === 0 ? 'Database docs already up to date.\n' : `Wrote:\n${list(changed)}`);
  return EXIT.ok;
}

async function migrationCreate(io: CliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' } }, strict: true });
  if (values.name === undefined) {
    throw new UsageError('migration:create needs --name, e.g. --name AddEventTable.');
  }
  // dist/cli.js → <package>/src/migrations: only a source checkout has it.
  const directory = resolve(__dirname, '..', 'src', 'migrations');
  if (!existsSync(join(directory, 'postgresql'))) {
    throw new UsageError(`migration:create runs in a source checkout of @eventlead/db (no ${directory}).`);
  }
  const created = await createMigration({ name: values.name, directory });
  if (created.length === 0) {
    io.stdout('The entities match the last migration: nothing to generate.\n');
    return EXIT.ok;
  }
  for (const migration of created) {
    io.stdout(`${migration.dialect}: ${migration.path} (${migration.statements} statements)\n`);
  }
  io.stdout('Review the SQL, rebuild (pnpm --filter @eventlead/db build) and run pnpm db:migrate.\n');
  return EXIT.ok;
}

/**
 * node:util parseArgs rejects unknown options and missing values with `ERR_PARSE_ARGS_*` codes. Checked
 * by shape: Node's internal errors are not `instanceof Error` inside a test runner's sandbox.
 */
function isParseArgsError(err: unknown): err is { message: string } {
  const e = err as { code?: unknown; message?: unknown } | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS') && typeof e.message === 'string';
}

/** The line of {@link USAGE} that describes `command`, for `eventlead-db <command> --help`. */
function commandUsage(command: string): string | undefined {
  const lines = USAGE.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  ${command} `) || l === `  ${command}`);
  if (at < 0) return undefined;
  // A command whose synopsis is long has its description on the next line, indented further.
  const next = lines[at + 1] ?? '';
  const line = /^ {4,}\S/.test(next) ? `${(lines[at] ?? '').trimEnd()}  ${next.trim()}` : (lines[at] ?? '');
  return `Usage: eventlead-db ${line.trim().replace(/\s{2,}/, '\n\n  ')}\n\nOptions:\n  -h, --help                 show this help\n\nExit codes: 0 done, 1 failed (or drift for check, stale docs for docs --check), 2 wrong usage.\n`;
}

/**
 * Runs one `eventlead-db` command and returns its exit code. Never prints a password: every message
 * passes through `redactUrl`.
 * @example
 * process.exitCode = await runCli(['check'], { stdout: (t) => process.stdout.write(t), stderr: ..., env: process.env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // `pnpm db:sql -- --dialect mssql` hands the script a literal `--`; it separates nothing here.
  const [command, ...args] = argv.filter((arg) => arg !== '--');
  const help = command === undefined ? undefined : commandUsage(command);
  if (help !== undefined && (args.includes('--help') || args.includes('-h'))) {
    io.stdout(help);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case 'migrate':
        return await migrate(io, args);
      case 'migrate:down':
        return await migrateDownCommand(io, args);
      case 'seed':
        return await seed(io, args);
      case 'check':
        return await check(io, args);
      case 'sql':
        return await sql(io, args);
      case 'docs':
        return await docs(io, args);
      case 'migration:create':
        return await migrationCreate(io, args);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        if (args.length > 0 && command !== undefined) {
          throw new UsageError(`${command} takes no arguments.`);
        }
        io.stdout(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command ${command}.`);
    }
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.stderr(`eventlead-db: ${redactUrl(err.message)}\n\n${USAGE}`);
      return EXIT.usage;
    }
    io.stderr(`eventlead-db ${command}: ${explainDatabaseFailure(err, io.env, io.cwd === undefined ? {} : { cwd: io.cwd })}\n`);
    return EXIT.failed;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
