import { hashToken } from '@eventlead/security';
import { Agent } from 'node:http';
import { ADMIN_TOKEN, adminAuth, describeReliability } from './support/harness';
import { countFault } from './support/report';
import { ensureServerBuilt, freePort, send, startServer, within, type HttpOutcome, type ServerProcess } from './support/server-process';
import { runs } from './support/settings';

describeReliability(
  'shutdown under load',
  (get) => {
    let server: ServerProcess | undefined;

    beforeAll(() => {
      ensureServerBuilt();
    }, 200_000);

    afterAll(async () => {
      await server?.stop();
    });

    test('SIGTERM with requests in flight: every accepted request completes, no connection is reset, the request log is flushed', async () => {
      const c = get();
      const port = await freePort();
      server = startServer(
        {
          DATABASE_URL: c.db.databaseUrl ?? '',
          ADMIN_TOKEN_SHA256: hashToken(ADMIN_TOKEN),
          NODE_ENV: 'production',
          // debug: the server logs each request as it arrives (at info only once it completes).
          LOG_LEVEL: 'debug',
          RATE_LIMIT_MAX: '100000',
          // What is checked is that every accepted request completes, not how fast: twelve cost-12 hashes
          // on niced worker threads can outlast the default 10 s grace when every suite runs at once.
          SHUTDOWN_GRACE_MS: '60000',
        },
        port,
      );
      const s = server;
      // Answers that must be in log.ApiRequest (the /health probes are not recorded there).
      let answered = 0;
      const outcomes: { what: string; outcome: HttpOutcome }[] = [];
      const keep = (what: string, outcome: HttpOutcome) => {
        outcomes.push({ what, outcome });
        if (outcome.status !== undefined) {
          if (!what.includes('/health')) answered += 1;
          c.record(outcome.status, outcome.body ?? '', outcome.headers ?? {}, `${what} → ${outcome.status}`);
        }
        return outcome;
      };

      // Ready: /health answers.
      await s.waitFor((lines) => lines.some((l) => l.includes('EventLead API ready')), 60_000, 'the server to listen');
      expect(keep('GET /health', await send(port, { method: 'GET', path: '/health' })).status).toBe(200);

      // Load: slow creates (bcrypt, cost 12) and reads, each on a keep-alive connection of its own.
      const agent = new Agent({ keepAlive: true, maxSockets: 100 });
      const creates = runs(12, 24);
      const reads = runs(18, 40);
      const requests = [
        ...Array.from({ length: creates }, (_, i) => {
          const password = `shutdown passphrase ${i}`;
          c.secrets.add('password', password);
          return { what: `POST /users #${i}`, method: 'POST', path: '/users', body: JSON.stringify({ email: `shutdown.${i}@example.com`, password }) };
        }),
        ...Array.from({ length: reads }, (_, i) => ({ what: `GET #${i}`, method: 'GET', path: i % 2 === 0 ? '/users?pageSize=10' : '/ref/countries', body: undefined })),
      ];
      const inFlight = requests.map((r, i) =>
        send(port, {
          method: r.method,
          path: r.path,
          agent,
          headers: { ...adminAuth, 'x-request-id': `shutdown-${i}`, ...(r.body ? { 'content-type': 'application/json' } : {}) },
          ...(r.body ? { body: r.body } : {}),
        }).then((o) => keep(r.what, o)),
      );

      // SIGTERM once the server has received every request (its log says so), while the creates still hash.
      await s.waitFor((lines) => requests.every((_, i) => lines.some((l) => l.includes(`"reqId":"shutdown-${i}"`))), 20_000, 'every request to arrive');
      const pendingAtSignal = requests.length - outcomes.length + 1;
      s.child.kill('SIGTERM');
      countFault(c.figures, 'SIGTERM with requests in flight');
      const late = await send(port, { method: 'GET', path: '/health', headers: { 'x-request-id': 'shutdown-late' }, timeoutMs: 5_000 });

      const results = await Promise.all(inFlight);
      const exit = await within(s.exited, 20_000);
      agent.destroy();

      c.figures.notes.push(`${pendingAtSignal} of ${requests.length} requests were still in flight at SIGTERM`);
      expect(pendingAtSignal).toBeGreaterThan(0);
      expect(results.filter((r) => r.error !== undefined).map((r) => r.error)).toEqual([]);
      expect(results.map((r) => r.status).filter((st) => st !== 200 && st !== 201)).toEqual([]);
      // The last lines of the process say why, when it did not end cleanly.
      expect({ exit, lines: exit === 'hung' || exit.code !== 0 ? s.lines.slice(-8) : [] }).toEqual({ exit: { code: 0, signal: null }, lines: [] });
      // A request after the signal is refused at the door (not reset half-way), or answered in full.
      // A connection still in the kernel's accept queue when the listener closes is reset without
      // the server having read a byte: a refusal too, provided the server never saw the request.
      if (late.error === 'ECONNRESET') expect(s.lines.filter((l) => l.includes('shutdown-late'))).toEqual([]);
      else if (late.error !== undefined) expect(late.error).toBe('ECONNREFUSED');
      else keep('late GET /health', late);
      c.figures.notes.push(`a request sent right after SIGTERM: ${late.error ?? `answered ${late.status ?? 0}`}`);
      expect(s.lines.some((l) => l.includes('SIGTERM received'))).toBe(true);

      // Every answer is in log.ApiRequest: the buffered writer was flushed before the process ended.
      const rows = await c.orm.em.getConnection('write').execute<{ n: number }[]>('select count(*)::int as n from "log"."ApiRequest"');
      const logged = rows[0]?.n ?? 0;
      c.figures.rowsLost += Math.max(0, answered - logged);
      expect(logged).toBe(answered);
      // Every acknowledged create is there.
      const users = await c.orm.em.getConnection('write').execute<{ n: number }[]>(`select count(*)::int as n from "dbo"."User" where "Email" like 'shutdown.%'`);
      expect(users[0]?.n).toBe(creates);

      // The process's own log lines go through the suite's secret scan.
      c.logs.push(...s.lines);
    }, 120_000);

    test('a server whose database cannot be reached exits non-zero, saying so without the connection string or its password', async () => {
      const c = get();
      const secret = 'db-password-that-must-not-print';
      c.secrets.add('password', secret);
      const unreachable = `postgresql://postgres:${secret}@127.0.0.1:${await freePort()}/eventlead`;
      c.secrets.add('connection string', unreachable);
      const failing = startServer({ DATABASE_URL: unreachable, ADMIN_TOKEN_SHA256: hashToken(ADMIN_TOKEN), NODE_ENV: 'production', DATABASE_CONNECT_TIMEOUT_MS: '2000' }, await freePort());
      countFault(c.figures, 'server started without a reachable database');
      const exit = await within(failing.exited, 30_000);
      await failing.stop();
      expect(exit).not.toBe('hung');
      expect(exit === 'hung' ? undefined : exit.code).toBe(1);
      expect(failing.lines.length).toBeGreaterThan(0);
      c.logs.push(...failing.lines);
    }, 60_000);
  },
  { databases: ['postgresql'] },
);
