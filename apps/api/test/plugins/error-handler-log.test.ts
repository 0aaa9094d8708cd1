import { DatabaseUnavailableError } from '@eventlead/db';
import { describeEachDatabase } from '@eventlead/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app';
import { loggerOptions } from '../../src/logger';

// What the driver reports when the server refuses connections, kept as the typed error's cause.
function outage(): DatabaseUnavailableError {
  const driver = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  return new DatabaseUnavailableError('Database unavailable', { cause: driver });
}

describeEachDatabase('error handler: what a 503 and a 500 log', (getDb) => {
  const lines: Record<string, unknown>[] = [];
  let app: FastifyInstance;

  beforeAll(async () => {
    const logger = pino(loggerOptions('info', false) as pino.LoggerOptions, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    app = await buildApp({ orm: getDb().orm, logger });
    app.get('/t/outage', () => {
      throw outage();
    });
    app.get('/t/bug', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  test('a database outage: one WARN line with the type, code and message and the driver cause, without a stack', async () => {
    const res = await app.inject({ method: 'GET', url: '/t/outage', headers: { 'x-request-id': 'outage-1' } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: 'The service is temporarily unavailable; try again shortly.', details: [] });
    const logged = lines.filter((l) => l.reqId === 'outage-1' && l.msg !== 'request completed');
    expect(logged).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'service unavailable: the database cannot be reached',
        error: {
          type: 'DatabaseUnavailableError',
          code: 'DB_UNAVAILABLE',
          statusCode: 503,
          message: 'Database unavailable',
          cause: { type: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
        },
      }),
    ]);
    expect(JSON.stringify(logged)).not.toContain('"stack"');
  });

  test('an unexpected error keeps its stack', async () => {
    const res = await app.inject({ method: 'GET', url: '/t/bug', headers: { 'x-request-id': 'bug-1' } });
    expect(res.statusCode).toBe(500);
    const logged = lines.filter((l) => l.reqId === 'bug-1' && l.msg === 'unhandled error');
    expect(logged).toHaveLength(1);
    expect((logged[0]?.err as { stack?: string }).stack).toMatch(/TypeError: Cannot read properties/);
  });
});
