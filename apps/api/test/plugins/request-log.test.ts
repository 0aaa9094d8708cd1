import { ApiRequest, ApplicationError } from '@eventlead/models';
import { describeEachDatabase } from '@eventlead/db/testing';
import { buildApp } from '../../src/app';

describeEachDatabase('request log', (getDb) => {
  test('every answered request lands in log.ApiRequest, path without query string', async () => {
    const app = await buildApp({ orm: getDb().orm, requestLog: { flushIntervalMs: 60_000 } });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => app.inject({ method: 'GET', url: `/docs/json?email=someone${i}@example.com` })),
    );
    await app.inject({ method: 'GET', url: '/missing' });
    await app.requestLog.requests.flush();
    const rows = await getDb().em().find(ApiRequest, {}, { orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(26);
    expect(rows.filter((r) => r.path === '/docs/json' && r.statusCode === 200)).toHaveLength(25);
    expect(rows.at(-1)).toMatchObject({ path: '/missing', statusCode: 404, method: 'GET' });
    expect(rows.some((r) => r.path.includes('@'))).toBe(false);
    await app.close();
  });

  test('rows still buffered are written when the app closes', async () => {
    const app = await buildApp({ orm: getDb().orm, requestLog: { flushIntervalMs: 60_000 } });
    for (let i = 0; i < 7; i++) await app.inject({ method: 'GET', url: '/docs/json' });
    expect(app.requestLog.requests.pending).toBe(7);
    await app.close();
    expect(await getDb().em().count(ApiRequest, {})).toBe(7);
  });

  test('the health probes are not recorded', async () => {
    const app = await buildApp({ orm: getDb().orm, requestLog: { flushIntervalMs: 60_000 } });
    for (const url of ['/health', '/health/ready', '/health?x=1']) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
    expect(app.requestLog.requests.pending).toBe(0);
    await app.inject({ method: 'GET', url: '/docs/json' });
    expect(app.requestLog.requests.pending).toBe(1);
    await app.close();
  });

  test('a 5xx is recorded in log.ApplicationError and answered with a generic message', async () => {
    const app = await buildApp({ orm: getDb().orm, requestLog: { flushIntervalMs: 60_000 } });
    app.get('/boom', () => {
      throw new Error('secret internal detail');
    });
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Internal server error.', details: [] });
    expect(res.body).not.toContain('secret internal detail');
    await app.close();
    const errors = await getDb().em().find(ApplicationError, {});
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'secret internal detail', path: '/boom', errorType: 'Error' });
  });
});
