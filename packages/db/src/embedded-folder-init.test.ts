import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrmConfig } from './config';
import { DatabaseConfigError } from './errors';
import { explainDatabaseFailure } from './explain-failure';
import { createORM } from './orm';

/** Starts `script` in a child node and kills it (SIGKILL) the moment `appears()` holds; no timings. */
async function killWhen(script: string, appears: () => boolean): Promise<void> {
  const child = spawn(process.execPath, ['-e', script], { cwd: join(__dirname, '..'), stdio: 'ignore' });
  const state = { running: true };
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      state.running = false;
      done();
    });
  });
  while (state.running && !appears()) {
    await new Promise((wake) => setImmediate(wake));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('a new embedded database folder is never left half-made', () => {
  jest.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'eventlead-init-'));
  const fresh = join(root, 'fresh');
  const open = (dataDir: string) => createORM(createOrmConfig({ DATABASE_URL: `pglite://${dataDir}` }));
  const refusal = (dataDir: string, detail: string) =>
    `DATABASE_URL points at ${dataDir}, which is not a complete embedded database folder (${detail}). ` +
    `It looks like an interrupted first start (the process was stopped while the database was being created) or another product's folder. ` +
    `Delete the folder to start afresh (rm -rf ${dataDir}; its data is lost; pnpm start recreates it), or set DATABASE_URL to another folder (pglite://.data/other) or to a PostgreSQL server.`;

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('a fresh folder is created complete, with no draft left beside it', async () => {
    const orm = await open(fresh);
    await orm.close(true);
    expect(existsSync(join(fresh, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(fresh, 'global', 'pg_control'))).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['fresh']);
  });

  test.each([['global/pg_control'], ['PG_VERSION']])('a folder without %s is refused, naming DATABASE_URL, the folder, the likely cause and the fix', async (file) => {
    const dataDir = join(root, `without-${file.replace('/', '-')}`);
    cpSync(fresh, dataDir, { recursive: true });
    rmSync(join(dataDir, file));
    const error = await open(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toBe(refusal(dataDir, `it holds files but no ${join(...file.split('/'))}`));
    // The API and the CLI print the same words.
    expect(explainDatabaseFailure(error, { DATABASE_URL: `pglite://${dataDir}` })).toBe(`${refusal(dataDir, `it holds files but no ${join(...file.split('/'))}`)} [DB_CONFIG]`);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  test('a folder whose PG_VERSION is still empty (stopped between creating and writing it) is refused as half-made, not as another version', async () => {
    const dataDir = join(root, 'empty-version');
    cpSync(fresh, dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), '');
    const error = await open(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toBe(refusal(dataDir, 'its PG_VERSION is empty'));
  });

  test('a folder an older start left half-made (killed during PGlite\'s own first start) is refused with the fix, or opens if it got that far', async () => {
    const dataDir = join(root, 'cut-off');
    // PGlite writes PG_VERSION first; killing it then leaves a folder it would "resume" and abort on.
    await killWhen(`const { PGlite } = require('@electric-sql/pglite'); new PGlite(${JSON.stringify(dataDir)});`, () => existsSync(join(dataDir, 'PG_VERSION')));
    const outcome = await open(dataDir).then(
      (orm) => orm.close(true).then(() => 'opened'),
      (e: unknown) => (e as Error).message,
    );
    expect(outcome === 'opened' || outcome.startsWith(`DATABASE_URL points at ${dataDir}, which is not a complete embedded database folder (`)).toBe(true);
    expect(outcome).toMatch(/^opened$|It looks like an interrupted first start .* pnpm start recreates it/);
  });

  test('a first start killed while creating the database leaves nothing half-made; the next start creates it', async () => {
    const parent = join(root, 'killed');
    const dataDir = join(parent, 'pglite');
    const script =
      `const { createORM, createOrmConfig } = require('./dist/index.js');` +
      `createORM(createOrmConfig({ DATABASE_URL: 'pglite://${dataDir}' }));`;
    // Killed as soon as a draft holds PGlite's first file: the database is being created there.
    const draftStarted = () =>
      existsSync(parent) && readdirSync(parent).some((entry) => entry.startsWith('.pglite.creating-') && existsSync(join(parent, entry, 'PG_VERSION')));
    await killWhen(script, draftStarted);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);

    const orm = await open(dataDir);
    expect(await orm.em.fork().getConnection().execute('select 1 as "one"')).toEqual([{ one: 1 }]);
    await orm.close(true);
    // The killed start's draft was removed.
    expect(readdirSync(parent).filter((entry) => !entry.endsWith('.lock'))).toEqual(['pglite']);
  });
});
