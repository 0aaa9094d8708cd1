import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrmConfig } from './config';
import { DatabaseLockedError, lockDataDir } from './data-dir-lock';
import { PGLITE_POSTGRES_MAJOR } from './embedded-folder';
import { createORM, type Orm } from './orm';
import { createPgliteFolder } from './testing/test-database';

/** A pid that certainly ran on this machine and certainly no longer runs. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('one process per embedded database folder', () => {
  jest.setTimeout(120_000);
  let root: string;
  let dataDir: string;
  const opened: Orm[] = [];

  async function open(): Promise<Orm> {
    const orm = await createORM(createOrmConfig({ DATABASE_URL: `pglite://${dataDir}` }));
    opened.push(orm);
    return orm;
  }

  // One folder for the suite: creating a PGlite database takes a while, opening it again does not. It
  // is unpacked from the run's dump of the database PGlite's initdb made (creating folders is what
  // orm.test.ts and embedded-folder-init.test.ts check).
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'eventlead-lock-'));
    dataDir = join(root, 'pglite');
    await createPgliteFolder(dataDir, 'empty');
  });

  afterEach(async () => {
    for (const orm of opened.splice(0)) {
      await orm.close(true);
    }
    rmSync(`${dataDir}.lock`, { force: true });
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('a second ORM on the same folder is refused at once, naming the folder, the holder and what to do', async () => {
    await open();
    const lockFile = `${dataDir}.lock`;
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });

    const second = open();
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    const error = (await second.catch((e: unknown) => e)) as DatabaseLockedError;
    expect(error).toMatchObject({ code: 'DB_LOCKED', dataDir, lockFile, holder: { pid: process.pid } });
    expect(error.message).toContain(`The embedded database ${dataDir} is already open in this process (pid ${process.pid})`);
    expect(error.message).toContain('stop that process first');
    expect(error.message).toContain('set DATABASE_URL to another folder');
    expect(error.message).toContain(`If that process is gone, delete ${lockFile}.`);
  });

  test('a folder of another PostgreSQL major (another PGlite version, a server) or not a database folder: the exact fix', async () => {
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'PG_VERSION'), '15\n');
    const fix = `Delete the folder to start afresh (rm -rf ${other}; its data is lost; pnpm start recreates it), or set DATABASE_URL to another folder (pglite://.data/other) or to a PostgreSQL server.`;
    const openOther = () => createORM(createOrmConfig({ DATABASE_URL: `pglite://${other}` }));
    await expect(openOther()).rejects.toThrow(
      `DATABASE_URL points at ${other}, a database folder of PostgreSQL 15; this PGlite opens PostgreSQL 17 folders only (made by another PGlite version or by a PostgreSQL server). ${fix}`,
    );
    rmSync(join(other, 'PG_VERSION'));
    writeFileSync(join(other, 'notes.txt'), 'not a database');
    await expect(openOther()).rejects.toThrow(
      `DATABASE_URL points at ${other}, which is not a complete embedded database folder (it holds files but no PG_VERSION). ` +
        `It looks like an interrupted first start (the process was stopped while the database was being created) or another product's folder. ${fix}`,
    );
    // Refused before PGlite opened it, and without keeping the folder locked.
    expect(existsSync(`${other}.lock`)).toBe(false);
  });

  test('the folder PGlite made holds the PostgreSQL major the folder check expects', async () => {
    await open();
    expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim()).toBe(PGLITE_POSTGRES_MAJOR);
  });

  test('closing the ORM releases the folder for the next one', async () => {
    const first = await open();
    await first.close(true);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    await expect(open()).resolves.toBeDefined();
  });

  test('a lock left by a process that no longer runs (kill -9, a crash) is taken over', async () => {
    const pid = deadPid();
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid, command: 'node dist/server.js', host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const orm = await open();
    expect(await orm.em.fork().getConnection().execute('select 1 as "one"')).toEqual([{ one: 1 }]);
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
  });

  test('a lock held by another live process names its pid and command', async () => {
    // The parent of this jest worker runs for as long as the test does.
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.ppid, command: 'node dist/server.js', host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    await expect(open()).rejects.toThrow(`is already open in pid ${process.ppid} (node dist/server.js) since 2026-01-01T00:00:00.000Z`);
    // The holder's lock is left alone.
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.ppid });
  });
});

// The lock alone, without a database: Linux's /proc tells a zombie and a reused pid from a live holder.
const onLinux = process.platform === 'linux' ? describe : describe.skip;

onLinux('the lock file, on Linux', () => {
  let root: string;
  let dataDir: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'eventlead-lock-'));
    dataDir = join(root, 'pglite');
  });

  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  /** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
  const startTime = (pid: number): number => {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[19]);
  };
  const writeLock = (holder: Record<string, unknown>) => {
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ command: 'node dist/server.js', host: hostname(), since: '2026-01-01T00:00:00.000Z', ...holder }));
  };

  test('a lock records when its process started, and is refused to others while that process runs', () => {
    const lock = lockDataDir(dataDir);
    try {
      expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, started: startTime(process.pid) });
    } finally {
      lock.release();
    }
    writeLock({ pid: process.ppid, started: startTime(process.ppid) });
    expect(() => lockDataDir(dataDir)).toThrow(DatabaseLockedError);
  });

  test('a holder killed but not yet reaped by its parent (a zombie) has stopped: its lock is taken over', async () => {
    // The shell starts a short sleep, then becomes a long one that never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(parent);
    const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => {
      resolve(chunk.toString());
    })));
    const state = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    for (let turn = 0; turn < 100 && state() !== 'Z'; turn += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state()).toBe('Z');
    writeLock({ pid, started: startTime(pid) });
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  test('a live process that started after the lock was written (its pid reused) does not hold it', () => {
    writeLock({ pid: process.ppid, started: startTime(process.ppid) + 1 });
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });
});
