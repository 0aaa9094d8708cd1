import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EXIT, runCli } from './cli';
import { createOrmConfig } from './config';
import { migrationsOf } from './migrations/migration-options';
import { createORM } from './orm';
import { testDatabaseKinds, type TestDatabaseKind } from './testing';
import { createPgliteFolder } from './testing/test-database';
import { findWorkspaceRoot } from './workspace-root';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
  });
  return { code, stdout, stderr };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An empty PGlite database folder (unpacked from the run's dump of a fresh one: creating a folder is
 * not what these tests check, orm.test.ts and embedded-folder-init.test.ts do).
 */
async function emptyPgliteFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'eventlead-cli-'));
  await createPgliteFolder(dir, 'empty');
  return dir;
}

/** A database URL the CLI can open from a separate ORM: an empty PGlite folder, or a new PostgreSQL database. */
async function scratchDatabase(kind: TestDatabaseKind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = await emptyPgliteFolder();
    return { url: `pglite://${dir}`, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const server = process.env.TEST_POSTGRES_URL!;
  const name = `eventlead_cli_${randomBytes(6).toString('hex')}`;
  await onServer(server, `create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(server, `drop database if exists "${name}" with (force)`) };
}

describe('eventlead-db sql', () => {
  test.each([
    [['sql', '--dialect', 'mssql'], 'SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\nGO\n'],
    [['sql', '--', '--dialect', 'mssql'], 'SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\nGO\n'],
    [['sql', '--dialect', 'postgresql'], 'create schema if not exists "cache";'],
    [['sql'], 'create schema if not exists "cache";'],
  ])('%p prints only the DDL', async (argv, start) => {
    const run = await cli(argv, { DATABASE_URL: 'pglite://memory' });
    expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(run.stdout.startsWith(start)).toBe(true);
    expect(run.stdout.match(/create table/gi)).toHaveLength(35);
  });

  test('follows DATABASE_URL’s dialect without connecting to it', async () => {
    const run = await cli(['sql'], { DATABASE_URL: 'mssql://sa:s3cret@db.invalid:1433/EventLead' });
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain('datetime2');
  });
});

describe('eventlead-db usage errors', () => {
  test.each([
    [['sql', '--dialect', 'oracle'], /--dialect must be postgresql or mssql \(got oracle\)/],
    [['sql', '--dialekt', 'mssql'], /Unknown option '--dialekt'/],
    [['frobnicate'], /Unknown command frobnicate/],
    [['migrate:down', '--to', 'X', '--all'], /either --to NAME or --all/],
    [['migration:create'], /needs --name/],
    // Before: ignored, and `migrate --dry-run` applied the migrations.
    [['migrate', '--dry-run'], /Unknown option '--dry-run'/],
    [['seed', '--force'], /Unknown option '--force'/],
    [['check', 'now'], /Unexpected argument 'now'/],
    [['migrate:down', 'all'], /Unexpected argument 'all'/],
    [['docs', '--chek'], /Unknown option '--chek'/],
  ])('%p exits 2 with a message and the usage', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: eventlead-db <command>');
  });

  test('the root db:* scripts hand the CLI\'s exit code through (2 for wrong usage)', () => {
    const root = findWorkspaceRoot(__dirname);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    // `pnpm --filter` is a recursive run, which reports any failure as exit code 1; `--dir` is not.
    for (const name of ['db:migrate', 'db:migrate:down', 'db:seed', 'db:check', 'db:sql']) {
      expect(scripts[name]).toMatch(new RegExp(`&& pnpm --dir packages/db --silent ${name}$`));
    }
    const run = spawnSync('pnpm', ['--dir', 'packages/db', '--silent', 'db:migrate', '--', '--bogus'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toContain("Unknown option '--bogus'");
  });

  test('--help prints the usage and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(run.stdout).toContain('migrate:down [--to NAME | --all]');
  });

  test('migrate:down --help shows --all, with the description', async () => {
    const run = await cli(['migrate:down', '--help']);
    expect(run.stdout).toMatch(/^Usage: eventlead-db migrate:down \[--to NAME \| --all\]\n\n {2}revert the last migration, those after NAME \(NAME is kept\), or --all of them\n/);
  });

  test('migrate:down --to NAME on an empty database says that no migration is applied', async () => {
    const folder = await emptyPgliteFolder();
    try {
      const run = await cli(['migrate:down', '--to', 'Nope'], { DATABASE_URL: `pglite://${folder}` });
      expect(run.code).toBe(EXIT.failed);
      expect(run.stderr).toBe('eventlead-db migrate:down: cannot revert down to "Nope": no applied migration has that name. No migration is applied.\n');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);

  test.each(['migrate', 'migrate:down', 'seed', 'check', 'sql', 'docs', 'migration:create'])('%s --help prints that command’s usage and exits 0, touching nothing', async (command) => {
    const run = await cli([command, '--help'], { DATABASE_URL: 'postgresql://app@127.0.0.1:1/never-opened' });
    expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^Usage: eventlead-db ${command}( |\n)`));
    expect(run.stdout).toContain('Exit codes: 0 done, 1 failed');
  });

  test('an unreachable database fails with exit 1, says what to do and never shows the password', async () => {
    const run = await cli(['check'], { DATABASE_URL: 'postgresql://app:s3cret-pw@127.0.0.1:1/eventlead', DATABASE_CONNECT_TIMEOUT_MS: '2000' });
    expect(run.code).toBe(EXIT.failed);
    expect(run.stderr).toBe(
      'eventlead-db check: Cannot reach the PostgreSQL server at 127.0.0.1:1 (database eventlead, user app): the connection was refused. Start the server, or set DATABASE_URL to where it runs.\n',
    );
    expect(run.stdout + run.stderr).not.toContain('s3cret-pw');
  });

  test('a malformed DATABASE_URL is reported without its password', async () => {
    const run = await cli(['migrate'], { DATABASE_URL: 'oracle://app:s3cret-pw@db/x' });
    expect(run.code).toBe(EXIT.failed);
    expect(run.stderr).toMatch(/DATABASE_URL has the unsupported scheme oracle/);
    expect(run.stdout + run.stderr).not.toContain('s3cret-pw');
  });
});

describe.each(testDatabaseKinds())('[%s] eventlead-db migrate, seed, check', (kind) => {
  let db: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    db = await scratchDatabase(kind);
  });

  afterAll(async () => {
    await db.drop();
  });

  test('migrate → seed → seed → check: clean, and the second seed changes nothing', async () => {
    const env = { DATABASE_URL: db.url };
    const migrate = await cli(['migrate'], env);
    expect(migrate).toMatchObject({ code: EXIT.ok, stderr: '' });
    const all = migrationsOf('postgresql').map((m) => m.name);
    expect(migrate.stdout).toContain(`Applied ${all.length} migration(s):\n${all.map((name) => `  ${name}\n`).join('')}`);

    const first = await cli(['seed'], env);
    expect(first).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(first.stdout).toMatch(/ref\.Country\s+249\s+0\s+249\n/);
    const second = await cli(['seed'], env);
    expect(second.stdout).toMatch(/ref\.Country\s+0\s+0\s+249\n/);
    expect(second.stdout).toMatch(/dbo\.User\s+0\s+0\s+1\n/);
    const totals = (out: string) => [...out.matchAll(/^ {2}(\S+)\s+\d+\s+\d+\s+(\d+)$/gm)].map((m) => `${m[1]}=${m[2]}`);
    expect(totals(second.stdout)).toEqual(totals(first.stdout));
    expect(second.stdout).not.toMatch(/\s[1-9]\d*\s+\d+\s+\d+\n/);

    expect(await cli(['check'], env)).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect((await cli(['migrate'], env)).stdout).toContain('Already up to date.');
    // Six CLI runs, each opening the embedded database from disk: seconds each on a busy 2-core machine.
  }, 120_000);

  test('migrate:down --to an unknown name exits 1, says "revert" and lists the applied migrations; nothing is reverted', async () => {
    const env = { DATABASE_URL: db.url };
    const run = await cli(['migrate:down', '--to', 'NoSuchMigration'], env);
    expect(run.code).toBe(EXIT.failed);
    const all = migrationsOf('postgresql').map((m) => m.name);
    expect(run.stderr).toBe(
      'eventlead-db migrate:down: cannot revert down to "NoSuchMigration": no applied migration has that name. ' +
        `Applied migrations, oldest first (NAME is one of these):\n${all.map((name) => `  ${name}\n`).join('')}`,
    );
    expect(run.stderr).not.toMatch(/apply/i);
    expect((await cli(['migrate'], env)).stdout).toContain('Already up to date.');
  }, 60_000);

  test('check exits 1 and lists a hand-made drift', async () => {
    const orm = await createORM(createOrmConfig({ DATABASE_URL: db.url }));
    try {
      await orm.em.getConnection().execute('alter table "dbo"."User" drop column "RoleTitle"');
    } finally {
      await orm.close(true);
    }
    const run = await cli(['check'], { DATABASE_URL: db.url });
    expect(run.code).toBe(EXIT.failed);
    expect(run.stdout).toContain('dbo.User: column RoleTitle is missing from the database');
    expect(run.stdout).toMatch(/alter table "dbo"\."User" add column "RoleTitle" varchar\(100\) null/);
  });

  test('migrate:down --all empties the database', async () => {
    const run = await cli(['migrate:down', '--all'], { DATABASE_URL: db.url });
    expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(run.stdout).toContain(`Reverted ${migrationsOf('postgresql').length} migration(s)`);
    expect((await cli(['check'], { DATABASE_URL: db.url })).stdout).toContain('table dbo.User is missing from the database');
  });
});
