import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiConfigError, loadApiConfig } from '../../src/config';
import { ADMIN_TOKEN, adminAuth, describeReliability, type ReliabilityContext } from './support/harness';

/** A remote address of its own per test, so rate-limit counters start at zero. */
function freshAddress(): string {
  const b = randomBytes(3);
  return `10.${b[0] ?? 0}.${b[1] ?? 0}.${b[2] ?? 0}`;
}

async function statuses(c: ReliabilityContext, app: FastifyInstance, count: number, request: { url: string; headers?: Record<string, string>; remoteAddress: string }): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await c.call({ method: 'GET', ...request }, { app })).statusCode);
  return seen;
}

const RATE_LIMIT = 5;
const AUTH_FAILURES = 3;

describeReliability(
  'integrity: rate limits and client addresses',
  (get) => {
    let limited: FastifyInstance;
    let guarded: FastifyInstance;
    beforeAll(async () => {
      const c = get();
      limited = await c.buildExtraApp({ config: { rateLimitMax: RATE_LIMIT, authFailureLimitMax: 1_000 } });
      guarded = await c.buildExtraApp({ config: { rateLimitMax: 1_000, authFailureLimitMax: AUTH_FAILURES } });
    });

    test.each([
      ['401 (no token; refused by the route\'s own onRequest hook)', '/users', {}, 401],
      ['401 (a wrong token)', '/users', { authorization: 'Bearer wrong-token' }, 401],
      ['404 (no such route: the not-found handler)', '/no-such-route', {}, 404],
      ['400 (a bad query)', '/users?page=-1', adminAuth, 400],
      ['414 (a path segment over the router\'s limit: answered before any hook)', `/ref/${'a'.repeat(10_000)}`, {}, 414],
      ['400 (malformed percent-encoding in the path: answered before any hook)', '/ref/%E0%A4%A', {}, 400],
    ])('every request counts against the limit: %s', async (_name, url, headers, status) => {
      const c = get();
      const seen = await statuses(c, limited, RATE_LIMIT + 2, { url, headers, remoteAddress: freshAddress() });
      expect(seen).toEqual([...Array<number>(RATE_LIMIT).fill(status), 429, 429]);
    });

    test('a client that spent its budget on URLs the router refuses gets 429 on a normal request too', async () => {
      const c = get();
      const remoteAddress = freshAddress();
      await statuses(c, limited, RATE_LIMIT, { url: `/ref/${'a'.repeat(10_000)}`, remoteAddress });
      expect(await statuses(c, limited, 1, { url: '/ref/user-statuses', remoteAddress })).toEqual([429]);
    });

    test('the health probes stay unlimited for a client whose budget is spent', async () => {
      const c = get();
      const remoteAddress = freshAddress();
      await statuses(c, limited, RATE_LIMIT + 1, { url: '/no-such-route', remoteAddress });
      expect(await statuses(c, limited, 3, { url: '/health', remoteAddress })).toEqual([200, 200, 200]);
      expect(await statuses(c, limited, 3, { url: '/health/ready', remoteAddress })).toEqual([200, 200, 200]);
    });

    test('failed authentication has its own, stricter budget; once spent the right token gets 429 too, so 429 vs 401 tells nothing', async () => {
      const c = get();
      const remoteAddress = freshAddress();
      // A right token never spends the budget.
      expect(await statuses(c, guarded, AUTH_FAILURES + 2, { url: '/users', headers: adminAuth, remoteAddress })).toEqual(Array<number>(AUTH_FAILURES + 2).fill(200));
      const wrong = await statuses(c, guarded, AUTH_FAILURES + 2, { url: '/users', headers: { authorization: `Bearer ${randomBytes(8).toString('hex')}` }, remoteAddress });
      expect(wrong).toEqual([...Array<number>(AUTH_FAILURES).fill(401), 429, 429]);
      // The guess that spends the budget is logged once at warn, naming the client, never the token.
      const spent = c.logs.filter((line) => line.includes('"level":40') && line.includes(`"authFailureClient":"${remoteAddress}"`));
      expect(spent).toHaveLength(1);
      expect(spent[0]).toContain(`Admin authentication refused ${AUTH_FAILURES} times within a minute for one client`);
      const right = await c.call({ method: 'GET', url: '/users', headers: adminAuth, remoteAddress }, { app: guarded });
      expect(right.statusCode).toBe(429);
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      expect(right.json()).toEqual({ error: 'Too many failed authentications; try again later.', details: [] });
      // Another client is not affected.
      expect((await c.call({ method: 'GET', url: '/users', headers: adminAuth, remoteAddress: freshAddress() }, { app: guarded })).statusCode).toBe(200);
    });

    test('an IPv6 client guessing from many addresses of one /64 spends one budget', async () => {
      const c = get();
      const prefix = `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
      const answers: number[] = [];
      for (let i = 1; i <= AUTH_FAILURES + 1; i++) {
        const res = await c.call({ method: 'GET', url: '/users', headers: { authorization: `Bearer ${randomBytes(8).toString('hex')}` }, remoteAddress: `${prefix}::${i.toString(16)}` }, { app: guarded });
        answers.push(res.statusCode);
      }
      expect(answers).toEqual([...Array<number>(AUTH_FAILURES).fill(401), 429]);
      // Another /64 is another client.
      const other = await c.call({ method: 'GET', url: '/users', headers: adminAuth, remoteAddress: `2001:db8:ffff:${randomBytes(2).toString('hex')}::1` }, { app: guarded });
      expect(other.statusCode).toBe(200);
    });

    test.each(['bearer', 'BEARER', 'bEaReR'])('the Authorization scheme is case-insensitive (RFC 9110): %s', async (scheme) => {
      const c = get();
      const res = await c.call({ method: 'GET', url: '/users', headers: { authorization: `${scheme} ${ADMIN_TOKEN}` } });
      expect(res.statusCode).toBe(200);
    });

    describe('TRUST_PROXY', () => {
      const balancer = '10.200.0.1';
      async function ipRecorded(app: FastifyInstance, headers: Record<string, string>): Promise<string | null | undefined> {
        const c = get();
        const res = await c.call({ method: 'GET', url: '/no-such-route', headers, remoteAddress: balancer }, { app });
        await app.requestLog.requests.flush();
        const rows = await c.orm.em.getConnection().execute<{ ip: string | null }[]>(
          'select "IPAddress" as ip from "log"."ApiRequest" where "RequestID" = ?',
          [res.headers['x-request-id']],
        );
        return rows[0]?.ip;
      }

      test('off by default: X-Forwarded-For is ignored, the socket peer is the client', async () => {
        const app = await get().buildExtraApp();
        expect(await ipRecorded(app, { 'x-forwarded-for': '203.0.113.7' })).toBe(balancer);
      });

      test('a trusted balancer\'s X-Forwarded-For names the client in log.ApiRequest and in the limiter', async () => {
        const c = get();
        const app = await c.buildExtraApp({ config: { trustProxy: ['10.200.0.0/16'], rateLimitMax: RATE_LIMIT } });
        expect(await ipRecorded(app, { 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
        // One balancer, two clients: each has a budget of its own.
        const first = await statuses(c, app, RATE_LIMIT + 1, { url: '/no-such-route', headers: { 'x-forwarded-for': '203.0.113.8' }, remoteAddress: balancer });
        expect(first.at(-1)).toBe(429);
        const second = await statuses(c, app, 1, { url: '/no-such-route', headers: { 'x-forwarded-for': '203.0.113.9' }, remoteAddress: balancer });
        expect(second).toEqual([404]);
      });

      const junk = ['<script>', "1.2.3.4'); drop table x;--", 'x'.repeat(300)];
      const junkCases = junk.map((value) => [value.length > 40 ? `of ${value.length} characters` : JSON.stringify(value), value]);

      test.each(junkCases)('X-Forwarded-For %s that is not an IP address is not recorded: the socket peer is the client', async (_name, forwarded) => {
        const app = await get().buildExtraApp({ config: { trustProxy: true } });
        expect(await ipRecorded(app, { 'x-forwarded-for': forwarded })).toBe(balancer);
      });

      test('junk before the address a trusted balancer appended: the balancer\'s word is kept', async () => {
        const app = await get().buildExtraApp({ config: { trustProxy: true } });
        expect(await ipRecorded(app, { 'x-forwarded-for': '<script>, 203.0.113.7' })).toBe('203.0.113.7');
      });

      test('junk X-Forwarded-For does not buy a fresh failed-authentication budget: the socket peer\'s is spent', async () => {
        const c = get();
        const app = await c.buildExtraApp({ config: { trustProxy: true, rateLimitMax: 1_000, authFailureLimitMax: AUTH_FAILURES } });
        const remoteAddress = freshAddress();
        const seen: number[] = [];
        for (const forwarded of [...junk, 'yet more junk']) {
          const res = await c.call({ method: 'GET', url: '/users', headers: { authorization: 'Bearer wrong-token', 'x-forwarded-for': forwarded }, remoteAddress }, { app });
          seen.push(res.statusCode);
        }
        expect(seen).toEqual([...Array<number>(AUTH_FAILURES).fill(401), 429]);
      });

      test('junk X-Forwarded-For does not buy a fresh general limit: each request counts against the socket peer', async () => {
        const c = get();
        const app = await c.buildExtraApp({ config: { trustProxy: true, rateLimitMax: RATE_LIMIT } });
        const remoteAddress = freshAddress();
        const seen: number[] = [];
        for (let i = 0; i <= RATE_LIMIT; i += 1) {
          const res = await c.call({ method: 'GET', url: '/no-such-route', headers: { 'x-forwarded-for': `junk-${i}` }, remoteAddress }, { app });
          seen.push(res.statusCode);
        }
        expect(seen).toEqual([...Array<number>(RATE_LIMIT).fill(404), 429]);
      });

      test('a hop count trusts that many hops: the address the last trusted proxy saw', async () => {
        const app = await get().buildExtraApp({ config: { trustProxy: 1 } });
        expect(await ipRecorded(app, { 'x-forwarded-for': '198.51.100.1, 203.0.113.20' })).toBe('203.0.113.20');
      });
    });
  },
);

describe('TRUST_PROXY and AUTH_FAILURE_LIMIT_MAX settings', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    ['10.0.0.1, 192.168.0.0/16,::1,fd00::/8', ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8']],
  ])('TRUST_PROXY=%p reads as %p', (raw, expected) => {
    expect(loadApiConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  test.each(['yes', '0', '11', '10.0.0.0/33', '10.0.0.1/8/1', 'balancer.internal', '10.0.0.1,,10.0.0.2', '::1/129'])(
    'TRUST_PROXY=%p is refused at start-up with a clear ApiConfigError',
    (raw) => {
      expect(() => loadApiConfig({ TRUST_PROXY: raw })).toThrow(ApiConfigError);
      expect(() => loadApiConfig({ TRUST_PROXY: raw })).toThrow(/^TRUST_PROXY /);
    },
  );

  test('AUTH_FAILURE_LIMIT_MAX defaults to 10 a minute and must be a positive whole number', () => {
    expect(loadApiConfig({}).authFailureLimitMax).toBe(10);
    expect(loadApiConfig({ AUTH_FAILURE_LIMIT_MAX: '3' }).authFailureLimitMax).toBe(3);
    expect(() => loadApiConfig({ AUTH_FAILURE_LIMIT_MAX: '0' })).toThrow(ApiConfigError);
  });
});

describe('LOG_LEVEL and REDIS_URL settings', () => {
  test.each([
    [undefined, 'info'],
    ['', 'info'],
    ['debug', 'debug'],
    [' warn ', 'warn'],
    ['silent', 'silent'],
  ])('LOG_LEVEL=%p reads as %p', (raw, expected) => {
    expect(loadApiConfig(raw === undefined ? {} : { LOG_LEVEL: raw }).logLevel).toBe(expected);
  });

  test.each(['verbose', 'INFO', 'warning'])('LOG_LEVEL=%p is refused at start-up, naming LOG_LEVEL and the levels', (raw) => {
    expect(() => loadApiConfig({ LOG_LEVEL: raw })).toThrow(ApiConfigError);
    expect(() => loadApiConfig({ LOG_LEVEL: raw })).toThrow(`LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent; "${raw}" is none of these.`);
  });

  test.each([
    [undefined, undefined],
    ['', undefined],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['rediss://:s3cret@cache.internal:6380/0', 'rediss://:s3cret@cache.internal:6380/0'],
  ])('REDIS_URL=%p reads as %p', (raw, expected) => {
    expect(loadApiConfig(raw === undefined ? {} : { REDIS_URL: raw }).redisUrl).toBe(expected);
  });

  test.each([
    ['http://x', 'REDIS_URL must be a redis:// or rediss:// URL (TLS); its scheme is http://.'],
    ['https://user:s3cret@cache:6379', 'REDIS_URL must be a redis:// or rediss:// URL (TLS); its scheme is https://.'],
    ['cache.internal:6379', 'REDIS_URL must be a redis:// or rediss:// URL (TLS); its scheme is cache.internal://.'],
    ['not a url', 'REDIS_URL is not a URL: set it to redis://host:6379 (or rediss:// for TLS), or unset it to count the rate limits in process memory.'],
  ])('REDIS_URL=%p is refused at start-up, naming REDIS_URL and never the password', (raw, message) => {
    expect(() => loadApiConfig({ REDIS_URL: raw })).toThrow(ApiConfigError);
    expect(() => loadApiConfig({ REDIS_URL: raw })).toThrow(message);
  });
});
