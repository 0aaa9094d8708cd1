import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedFolder } from './embedded-folder';
import { DatabaseConfigError } from './errors';

describe('createEmbeddedFolder', () => {
  const root = mkdtempSync(join(tmpdir(), 'eventlead-embedded-folder-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('creates the folder and its missing parents; an existing folder is fine', async () => {
    const dataDir = join(root, 'a', 'b', 'pglite');
    await createEmbeddedFolder(dataDir);
    expect(statSync(dataDir).isDirectory()).toBe(true);
    await expect(createEmbeddedFolder(dataDir)).resolves.toBeUndefined();
  });

  test('a folder below a file is refused at once, naming DATABASE_URL and what to do', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    const error = await createEmbeddedFolder(join(file, 'pglite')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as DatabaseConfigError).message).toBe(
      `DATABASE_URL points at ${join(file, 'pglite')}, and the folder cannot be created (ENOTDIR on ${join(file, 'pglite')}). Set DATABASE_URL to a folder you can write to (pglite://.data/pglite) or to a PostgreSQL server.`,
    );
  });

  // Node 20's recursive mkdir loops forever at full CPU here; the suite's timeout would catch a regression.
  (process.platform === 'linux' ? test : test.skip)('a folder under /proc is refused at once instead of hanging', async () => {
    const error = await createEmbeddedFolder('/proc/eventlead-no-such/pglite').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as DatabaseConfigError).message).toMatch(/^DATABASE_URL points at \/proc\/eventlead-no-such\/pglite, and the folder cannot be created \(ENOENT on \/proc\/eventlead-no-such\)\./);
  }, 5_000);
});
