import { describeEachDatabase } from '@eventlead/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';

/** OWASP REST Security Cheat Sheet: the headers every API response carries. */
const API_HEADERS = {
  'content-security-policy': "default-src 'none';frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

describeEachDatabase('security plugin', (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ orm: getDb().orm, config: { rateLimitMax: 3 } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  test.each([
    ['a JSON answer', '/health', 200],
    ['a 404', '/nope', 404],
    ['a 401', '/users', 401],
    ['a URL the router cannot read (answered before routing)', '/users/%E0%A4%A', 400],
  ])('%s carries the API security headers and no-store', async (_name, url, status) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    expect(res.headers).toMatchObject({ ...API_HEADERS, 'cache-control': 'no-store' });
    expect(res.headers).not.toHaveProperty('x-dns-prefetch-control');
  });

  test('a route that sets its own Cache-Control keeps it', async () => {
    // An address of its own: the three counted answers above (the URL the router refused too) spent the default one's limit of 3.
    const res = await app.inject({ method: 'GET', url: '/ref/user-statuses', remoteAddress: '10.0.0.5' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).not.toBe('no-store');
    expect(res.headers).toMatchObject(API_HEADERS);
  });

  test('the API reference pages get helmet\'s document headers and a CSP without inline scripts', async () => {
    // An address of its own: every answer above (401 and 404 too) counted against the default one's limit of 3.
    const res = await app.inject({ method: 'GET', url: '/docs', remoteAddress: '10.0.0.3' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers).toMatchObject({ 'x-frame-options': 'SAMEORIGIN', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    // The policy itself is the docs plugin's (test/routes/docs.test.ts).
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  test('the health probes are never rate limited; other routes are', async () => {
    for (let i = 0; i < 6; i++) {
      expect((await app.inject({ method: 'GET', url: '/health', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/health/ready', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.inject({ method: 'GET', url: '/docs/json', remoteAddress: '10.0.0.2' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  test('a counted answer carries the x-ratelimit headers; a refused one Retry-After and the limiter\'s message', async () => {
    const remoteAddress = '10.0.0.4';
    const seen: Awaited<ReturnType<FastifyInstance['inject']>>[] = [];
    for (let i = 0; i < 4; i++) seen.push(await app.inject({ method: 'GET', url: '/nope', remoteAddress }));
    expect(seen.map((res) => [res.statusCode, res.headers['x-ratelimit-limit'], res.headers['x-ratelimit-remaining']])).toEqual([
      [404, '3', '2'],
      [404, '3', '1'],
      [404, '3', '0'],
      [429, '3', '0'],
    ]);
    for (const res of seen) expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    const refused = seen[3];
    expect(Number(refused?.headers['retry-after'])).toBe(Number(refused?.headers['x-ratelimit-reset']));
    expect(refused?.json<{ error: string }>().error).toMatch(/^Rate limit exceeded, retry in (1 minute|\d+ seconds?)$/);
    expect(seen[0]?.headers).not.toHaveProperty('retry-after');
  });

  test('the addresses of one IPv6 /64 share a budget; an IPv4-mapped address is its IPv4 one', async () => {
    const statuses: number[] = [];
    for (const remoteAddress of ['2001:db8:1:2::1', '2001:db8:1:2::ffff', '2001:DB8:1:2:abcd::9', '2001:db8:1:3::1']) {
      statuses.push((await app.inject({ method: 'GET', url: '/nope', remoteAddress })).statusCode);
    }
    expect(statuses).toEqual([404, 404, 404, 404]);
    expect((await app.inject({ method: 'GET', url: '/nope', remoteAddress: '2001:db8:1:2::2' })).statusCode).toBe(429);
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/nope', remoteAddress: '10.0.0.5' });
    expect((await app.inject({ method: 'GET', url: '/nope', remoteAddress: '::ffff:10.0.0.5' })).statusCode).toBe(429);
  });

  test('a route may only opt out of the limit (config.rateLimit: false), not set limits of its own', async () => {
    const other = await buildApp({ orm: getDb().orm });
    try {
      expect(() => other.get('/own-limit', { config: { rateLimit: { max: 1 } } }, () => ({}))).toThrow('GET /own-limit: config.rateLimit may only be false');
    } finally {
      await other.close();
    }
  });
  // The tests only read (the rate limiter counts in memory): one seeded database serves them all.
}, { seed: true, resetAfterEach: false });
