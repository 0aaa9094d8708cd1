import { describeEachDatabase } from '@eventlead/db/testing';
import { hashToken } from '@eventlead/security';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { ADMIN_TOKEN, adminAuth } from '../app-harness';

describeEachDatabase('a method the path does not have: 405 with Allow; OPTIONS: 204 with Allow', (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ orm: getDb().orm, config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 3 } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  // Each request from an address of its own: the limit is 3 a minute.
  let address = 0;
  const inject = (method: string, url: string) => app.inject({ method: method as 'GET', url, headers: adminAuth, remoteAddress: `10.1.0.${++address}` });

  test.each([
    ['PUT', '/users/2', 'DELETE, GET, HEAD, PATCH'],
    ['PUT', '/users/not-an-id', 'DELETE, GET, HEAD, PATCH'],
    ['DELETE', '/users', 'GET, HEAD, POST'],
    ['PATCH', '/companies?page=2', 'GET, HEAD, POST'],
    ['GET', '/companies/1/users', 'POST'],
    ['HEAD', '/companies/1/users', 'POST'],
    ['POST', '/health', 'GET, HEAD'],
  ])('%s %s is a 405 in the error envelope, Allow: %s', async (method, url, allow) => {
    const res = await inject(method, url);
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe(allow);
    if (method !== 'HEAD') {
      expect(res.json()).toEqual({ error: `Method ${method} is not allowed on ${url.split('?')[0] ?? ''}; the methods allowed are ${allow}.`, details: [] });
    }
  });

  test.each([
    ['PUT', '/nothing'],
    ['GET', '/users/2/extra'],
    ['DELETE', '/companies/1/users/2'],
  ])('%s %s, a path no route has, stays a 404', async (method, url) => {
    const res = await inject(method, url);
    expect(res.statusCode).toBe(404);
    expect(res.headers).not.toHaveProperty('allow');
    expect(res.json()).toEqual({ error: `Route ${method} ${url} not found.`, details: [] });
  });

  test('HEAD on a GET route is answered by it, as before', async () => {
    const res = await inject('HEAD', '/ref/countries');
    expect(res.statusCode).toBe(200);
    expect(res.headers).not.toHaveProperty('allow');
  });

  test.each([
    ['/users', 'GET, HEAD, POST'],
    ['/users/2', 'DELETE, GET, HEAD, PATCH'],
    ['/users/2/', 'DELETE, GET, HEAD, PATCH'],
    ['/companies/1/users', 'POST'],
    ['/health', 'GET, HEAD'],
    ['/ref/countries?x=1', 'GET, HEAD'],
  ])('OPTIONS %s is a 204 with Allow: %s, and no body', async (url, allow) => {
    const res = await inject('OPTIONS', url);
    expect(res.statusCode).toBe(204);
    expect(res.headers.allow).toBe(allow);
    expect(res.body).toBe('');
    // No CORS is configured: this is no preflight answer.
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  test.each(['/nothing', '/users/2/extra'])('OPTIONS %s, a path no route has, stays a 404 in the error envelope', async (url) => {
    const res = await inject('OPTIONS', url);
    expect(res.statusCode).toBe(404);
    expect(res.headers).not.toHaveProperty('allow');
    expect(res.json()).toEqual({ error: `Route OPTIONS ${url} not found.`, details: [] });
  });

  test.each(['GET', 'HEAD'])('%s of a file missing under /docs/static/ (a route that answers not found itself) is a 404, not a 405', async (method) => {
    const res = await inject(method, '/docs/static/no-such-file.js');
    expect(res.statusCode).toBe(404);
    expect(res.headers).not.toHaveProperty('allow');
    if (method === 'GET') expect(res.json()).toEqual({ error: 'Route GET /docs/static/no-such-file.js not found.', details: [] });
  });

  test('a method the path does not have is a 405 with a trailing slash too', async () => {
    const res = await inject('DELETE', '/users/');
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
  });

  test('a 405 is counted against the rate limit like a 404', async () => {
    const remoteAddress = '10.2.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'PUT', url: '/users/2', headers: adminAuth, remoteAddress })).statusCode);
    expect(statuses).toEqual([405, 405, 405, 429]);
  });
  // No test writes (the rate limiter counts in memory): nothing to empty between them.
}, { resetAfterEach: false });
