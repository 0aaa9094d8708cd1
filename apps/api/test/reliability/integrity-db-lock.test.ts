import { hashToken } from '@eventlead/security';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN } from './support/harness';
import { ensureServerBuilt, freePort, startServer, type ServerProcess } from './support/server-process';

/**
 * Issue 12: two `pnpm start` on one embedded database folder both started, and each lost the other's
 * writes. The second server now refuses at once, naming the folder and the first server's pid; a server
 * killed with SIGKILL does not keep the folder locked.
 */
describe('integrity: one server per embedded database folder', () => {
  let root: string;
  const servers: ServerProcess[] = [];

  beforeAll(() => {
    ensureServerBuilt();
    root = mkdtempSync(join(tmpdir(), 'eventlead-lock-'));
  }, 200_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function start(): Promise<ServerProcess> {
    const server = startServer(
      { DATABASE_URL: `pglite://${join(root, 'pglite')}`, ADMIN_TOKEN_SHA256: hashToken(ADMIN_TOKEN), NODE_ENV: 'production', LOG_LEVEL: 'info' },
      await freePort(),
    );
    servers.push(server);
    return server;
  }

  const ready = (lines: readonly string[]) => lines.some((l) => l.includes('EventLead API ready'));

  test('a second server on the same folder exits with a message naming the folder and the first server', async () => {
    const first = await start();
    await first.waitFor(ready, 180_000, 'the first server to be ready');

    const second = await start();
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    const output = second.lines.join('\n');
    expect(output).toContain(`The embedded database ${join(root, 'pglite')} is already open in pid ${first.child.pid} (node `);
    expect(output).toContain('server.js');
    expect(output).toContain('set DATABASE_URL to another folder');
    // The first one still serves.
    expect(first.lines.join('\n')).not.toContain('shutting down');
  }, 400_000);

  test('after the first server is killed (SIGKILL, no clean-up), a new server takes the folder over', async () => {
    const first = servers[0];
    if (!first) throw new Error('the previous test starts the first server');
    await first.stop();
    const next = await start();
    await next.waitFor(ready, 180_000, 'a server on the folder of a killed one');
  }, 400_000);
});
