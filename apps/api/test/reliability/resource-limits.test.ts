import { PasswordHasher } from '@eventlead/security';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ADMIN_TOKEN, adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { countFault } from './support/report';
import { countRows, rowDifferences } from './support/row-counts';
import { freePort, send, type HttpOutcome } from './support/server-process';
import { runs } from './support/settings';
import { TcpProxy } from './support/tcp-proxy';

const BODY_LIMIT = 1_048_576;
const REDIS_URL = 'redis://127.0.0.1:6379';

/** A remote address of its own per test run, so rate-limit counters (in Redis too) start at zero. */
function freshAddress(): string {
  const b = randomBytes(3);
  return `10.${b[0] ?? 0}.${b[1] ?? 0}.${b[2] ?? 0}`;
}

/** Collects garbage (exposing gc for this process if needed) and answers the heap in use. */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function expectRateLimited(c: ReliabilityContext, apps: readonly FastifyInstance[], max: number): Promise<void> {
  const remoteAddress = freshAddress();
  const statuses: number[] = [];
  for (let i = 0; i < max + 3; i++) {
    const app = apps[i % apps.length];
    const res = await c.call({ method: 'GET', url: '/ref/countries', remoteAddress }, ...(app ? [{ app }] : []));
    statuses.push(res.statusCode);
    if (res.statusCode === 429) {
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json<{ error: string; details: unknown[] }>().details).toEqual([]);
    }
  }
  expect(statuses).toEqual([...Array<number>(max).fill(200), 429, 429, 429]);
}

describeReliability(
  'resource limits',
  (get) => {
    test('a body over the limit is a 413 in the envelope, over a real socket too (declared length, chunked, just over)', async () => {
      const c = get();
      const res = await c.call({ method: 'POST', url: '/users', headers: { ...adminAuth, 'content-type': 'application/json' }, payload: `{"email":"${'a'.repeat(BODY_LIMIT)}"}` });
      expect(res.statusCode).toBe(413);
      const port = await freePort();
      // Its own app: a Fastify instance listens once (extra apps are closed with the suite).
      await (await c.buildExtraApp()).listen({ host: '127.0.0.1', port });
      {
        const big = Buffer.alloc(4 * BODY_LIMIT, 'a');
        const outcomes: { what: string; outcome: HttpOutcome }[] = [
          { what: 'declared 4 MiB', outcome: await send(port, { method: 'POST', path: '/users', headers: { ...adminAuth, 'content-type': 'application/json', 'content-length': String(big.length) }, body: big }) },
          { what: 'chunked 4 MiB', outcome: await send(port, { method: 'POST', path: '/users', headers: { ...adminAuth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: big }) },
          { what: 'limit + 1', outcome: await send(port, { method: 'POST', path: '/users', headers: { ...adminAuth, 'content-type': 'application/json' }, body: Buffer.alloc(BODY_LIMIT + 1, 'a') }) },
        ];
        for (const { what, outcome } of outcomes) {
          c.figures.inputsTried += 1;
          // The answer arrives even though the server stops reading the body early.
          expect({ what, status: outcome.status ?? outcome.error }).toEqual({ what, status: 413 });
          c.record(outcome.status ?? 0, outcome.body ?? '', outcome.headers ?? {}, `POST /users ${what} → ${outcome.status ?? 0}`);
        }
      }
    }, 60_000);

    test('the rate limit answers 429 with Retry-After in the envelope, in process memory', async () => {
      const c = get();
      const app = await c.buildExtraApp({ config: { rateLimitMax: 5 } });
      await expectRateLimited(c, [app], 5);
    });

    test('with Redis the limit is shared by replicas: 429 with Retry-After across two app instances', async () => {
      const c = get();
      const a = await c.buildExtraApp({ config: { rateLimitMax: 6, redisUrl: REDIS_URL } });
      const b = await c.buildExtraApp({ config: { rateLimitMax: 6, redisUrl: REDIS_URL } });
      await expectRateLimited(c, [a, b], 6);
    });

    test('the Redis keys of the limits are the namespace, a deliberate prefix and the client: nothing undefined', async () => {
      const c = get();
      const app = await c.buildExtraApp({ config: { rateLimitMax: 100, authFailureLimitMax: 5, redisUrl: REDIS_URL } });
      const remoteAddress = freshAddress();
      const res = await c.call({ method: 'GET', url: '/users', headers: { authorization: 'Bearer wrong-token' }, remoteAddress }, { app });
      expect(res.statusCode).toBe(401);
      const redis = new Redis(REDIS_URL);
      try {
        const keys = (await redis.keys(`*${remoteAddress}`)).sort();
        expect(keys).toEqual([`eventlead-rate-limit:${remoteAddress}`, `eventlead-rate-limit:auth-failure:${remoteAddress}`]);
        expect(keys.join(' ')).not.toMatch(/undefined/);
      } finally {
        redis.disconnect();
      }
    });

    test('when the Redis of the rate limiter is down, requests are still served promptly', async () => {
      const c = get();
      const app = await c.buildExtraApp({ config: { rateLimitMax: 5, redisUrl: `redis://127.0.0.1:${await freePort()}` } });
      countFault(c.figures, 'rate-limit Redis unreachable');
      const started = Date.now();
      const res = await c.call({ method: 'GET', url: '/ref/countries', remoteAddress: freshAddress() }, { app });
      expect(res.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
      // The outage is reported through the app's logger, not as unhandled errors on the console.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(c.logs.filter((line) => line.startsWith('console.')).map((line) => line.slice(0, 120))).toEqual([]);
    }, 30_000);

    test('while the rate limiter\'s Redis stalls or refuses, every request still counts (in this process) and is answered at once; the outage and its end are logged once each', async () => {
      const c = get();
      const proxy = new TcpProxy({ host: '127.0.0.1', port: 6379 });
      const port = await proxy.listen();
      const logsBefore = c.logs.length;
      try {
        const app = await c.buildExtraApp({ config: { rateLimitMax: 3, authFailureLimitMax: 2, redisUrl: `redis://127.0.0.1:${port}` } });
        // Counted in Redis while it answers: the client has connected.
        expect((await c.call({ method: 'GET', url: '/ref/countries', remoteAddress: freshAddress() }, { app })).statusCode).toBe(200);
        expect(proxy.accepted).toBeGreaterThan(0);
        countFault(c.figures, 'rate-limit Redis stalled');
        countFault(c.figures, 'rate-limit Redis refusing');
        for (const mode of ['blackhole', 'reset'] as const) {
          proxy.set(mode);
          const remoteAddress = freshAddress();
          const started = Date.now();
          const statuses: number[] = [];
          for (let i = 0; i < 5; i++) {
            statuses.push((await c.call({ method: 'GET', url: '/ref/countries', remoteAddress }, { app })).statusCode);
          }
          // Before: each request waited for Redis (seconds), and none was counted.
          expect({ mode, statuses }).toEqual({ mode, statuses: [200, 200, 200, 429, 429] });
          expect(Date.now() - started).toBeLessThan(5_000);
          // The failed-authentication budget holds too: two wrong tokens, then 429 even for the right one.
          const guesser = freshAddress();
          const guesses: number[] = [];
          for (const token of ['wrong-1', 'wrong-2', ADMIN_TOKEN]) {
            guesses.push((await c.call({ method: 'GET', url: '/users', headers: { authorization: `Bearer ${token}` }, remoteAddress: guesser }, { app })).statusCode);
          }
          expect({ mode, guesses }).toEqual({ mode, guesses: [401, 401, 429] });
        }
        proxy.set('open');
        // Back: once the limiter asks Redis again and it answers, the end of the outage is logged.
        const recovered = Date.now() + 10_000;
        while (!c.logs.slice(logsBefore).some((line) => line.includes('is answering again')) && Date.now() < recovered) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          await c.call({ method: 'GET', url: '/ref/countries', remoteAddress: freshAddress() }, { app });
        }
        const lines = c.logs.slice(logsBefore);
        expect(lines.filter((line) => line.includes(`The rate-limit store (Redis at 127.0.0.1:${port}) is not answering`))).toHaveLength(1);
        // The cause in a few words, no empty "stack" field (an expected condition has no stack trace).
        const warning = JSON.parse(lines.find((line) => line.includes('is not answering')) ?? '{}') as { err?: unknown };
        expect(warning.err).toEqual({ type: expect.any(String) as unknown, message: expect.any(String) as unknown });
        expect(lines.filter((line) => line.includes(`The rate-limit store (Redis at 127.0.0.1:${port}) is answering again`))).toHaveLength(1);
        expect(lines.filter((line) => line.startsWith('console.')).map((line) => line.slice(0, 120))).toEqual([]);
      } finally {
        await proxy.close();
      }
    }, 60_000);

    test('a full hashing queue answers 503 with Retry-After in the envelope and writes nothing for the refused', async () => {
      const c = get();
      const app = await c.buildExtraApp({ passwordHasher: new PasswordHasher({ cost: 10, maxConcurrency: 1, maxQueue: 1 }) });
      const before = await countRows(c.orm);
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => {
          const password = `queue passphrase ${i}`;
          c.secrets.add('password', password);
          return c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: `queue.${i}@example.com`, password } }, { app, allow5xx: [503] });
        }),
      );
      const refused = answers.filter((a) => a.statusCode === 503);
      expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(2);
      expect(refused).toHaveLength(4);
      for (const r of refused) {
        expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(r.json()).toEqual({ error: 'The service is temporarily unavailable; try again shortly.', details: [] });
      }
      const diff = rowDifferences(before, await countRows(c.orm));
      expect(diff['dbo.User']).toBe(2);
    }, 60_000);

    test('memory stays bounded under a flood of large bodies (heap measured after GC, generous bound)', async () => {
      const c = get();
      const port = await freePort();
      await (await c.buildExtraApp()).listen({ host: '127.0.0.1', port });
      {
        const nearLimit = Buffer.from(JSON.stringify({ email: 'flood@example.com', password: 'flood passphrase', firstName: 'f'.repeat(BODY_LIMIT - 200) }));
        const overLimit = Buffer.alloc(3 * BODY_LIMIT, 'o');
        const total = runs(80, 600);
        const baseline = heapAfterGc();
        let peak = baseline;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }, 20);
        let next = 0;
        const statuses: Record<string, number> = {};
        const worker = async () => {
          for (let i = next++; i < total; i = next++) {
            const body = i % 2 === 0 ? nearLimit : overLimit;
            const outcome = await send(port, { method: 'POST', path: '/users', headers: { ...adminAuth, 'content-type': 'application/json' }, body });
            const key = String(outcome.status ?? outcome.error);
            statuses[key] = (statuses[key] ?? 0) + 1;
            c.record(outcome.status ?? 0, outcome.body ?? '', outcome.headers ?? {}, `POST /users flood → ${key}`);
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        clearInterval(sampler);
        const after = heapAfterGc();
        c.figures.inputsTried += total;
        const mib = (n: number) => Math.round(n / 1_048_576);
        c.figures.notes.push(`flood of ${total} bodies of 1-3 MiB: heap ${mib(baseline)} MiB before, peak ${mib(peak)} MiB, ${mib(after)} MiB after GC`);
        expect(statuses).toEqual({ 400: total / 2, 413: total / 2 });
        // Generous: what matters is that the heap returns to where it was, not a tight figure.
        expect(after - baseline).toBeLessThan(64 * 1_048_576);
        expect(peak - baseline).toBeLessThan(512 * 1_048_576);
      }
    }, 120_000);
  },
  { databases: ['postgresql'] },
);
