import { hashToken } from '@eventlead/security';
import { createServer, type Server } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainListenFailure } from '../../src/listen-failure';
import { ADMIN_TOKEN } from './support/harness';
import { ensureServerBuilt, freePort, startServer, within } from './support/server-process';

describe('startup: a port that cannot be listened on', () => {
  test('explainListenFailure names the port and PORT; other failures are left alone', () => {
    expect(explainListenFailure(Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:3000'), { code: 'EADDRINUSE' }), '0.0.0.0', 3000)).toBe(
      'Port 3000 is already in use on 0.0.0.0 (another program, perhaps another EventLead API, listens there). Stop it, or set PORT to a free port (e.g. PORT=3001 pnpm start).',
    );
    expect(explainListenFailure(Object.assign(new Error('listen EACCES'), { code: 'EACCES' }), '0.0.0.0', 80)).toMatch(/^Port 80 on 0\.0\.0\.0 needs privileges .* Set PORT/);
    expect(explainListenFailure(new Error('something else'), '0.0.0.0', 3000)).toBeUndefined();
  });

  // The port is taken before the database matters, but the server prepares its database first: an
  // embedded one in a folder of its own, so no shared database is migrated or seeded by this test.
  describe('a busy port', () => {
    let blocker: Server;
    let port: number;
    let folder: string;
    beforeAll(async () => {
      ensureServerBuilt();
      folder = await mkdtemp(join(tmpdir(), 'eventlead-port-'));
      port = await freePort();
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    }, 200_000);
    afterAll(async () => {
      await new Promise((resolve) => blocker.close(resolve));
      await rm(folder, { recursive: true, force: true });
    });

    test('exits 1 saying the port is in use and to set PORT', async () => {
      const server = startServer(
        { DATABASE_URL: `pglite://${folder}`, ADMIN_TOKEN_SHA256: hashToken(ADMIN_TOKEN), NODE_ENV: 'production' },
        port,
      );
      const exit = await within(server.exited, 60_000);
      await server.stop();
      expect(exit === 'hung' ? 'hung' : exit.code).toBe(1);
      expect(server.lines).toContain(
        `Port ${port} is already in use on 127.0.0.1 (another program, perhaps another EventLead API, listens there). Stop it, or set PORT to a free port (e.g. PORT=3001 pnpm start).`,
      );
      expect(server.lines.join('\n')).not.toContain('EADDRINUSE');
    }, 120_000);
  });
});
