import { describeEachDatabase } from '@eventlead/db/testing';
import { hashToken } from '@eventlead/security';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app';
import { loggerOptions } from '../../src/logger';
import { ADMIN_TOKEN, adminAuth } from '../app-harness';

describeEachDatabase('access log', (getDb) => {
  const lines: Record<string, unknown>[] = [];
  let app: FastifyInstance;
  const build = async (level: string) => {
    const logger = pino(loggerOptions(level, false) as pino.LoggerOptions, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    app = await buildApp({ orm: getDb().orm, logger, config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 100_000 } });
    await app.ready();
  };
  afterEach(async () => {
    await app.close();
    lines.length = 0;
  });

  test('at info: one line per completed request, with method, path without the query, status, duration and request id', async () => {
    await build('info');
    await app.inject({ method: 'GET', url: '/health?token=s3cret-value', headers: { 'x-request-id': 'req-1' } });
    // A query the route accepts (a route that declares none refuses any with a 400).
    await app.inject({ method: 'GET', url: '/users?email=jane@example.com', headers: { ...adminAuth, 'x-request-id': 'req-2' } });
    const requestLines = lines.filter((l) => typeof l.reqId === 'string');
    expect(requestLines.map((l) => [l.msg, l.reqId, l.method, l.path, l.statusCode])).toEqual([
      ['request completed', 'req-1', 'GET', '/health', 200],
      ['request completed', 'req-2', 'GET', '/users', 200],
    ]);
    for (const line of requestLines) expect(typeof line.responseTime).toBe('number');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('s3cret-value');
    expect(text).not.toContain('jane@example.com');
    expect(text).not.toContain(ADMIN_TOKEN);
  });

  test('at debug: a line when the request arrives as well', async () => {
    await build('debug');
    await app.inject({ method: 'GET', url: '/health?x=1', headers: { 'x-request-id': 'req-3' } });
    expect(lines.filter((l) => l.reqId === 'req-3').map((l) => [l.msg, l.path])).toEqual([
      ['incoming request', '/health'],
      ['request completed', '/health'],
    ]);
  });

  test('at warn: no line for a successful request', async () => {
    await build('warn');
    await app.inject({ method: 'GET', url: '/health' });
    expect(lines).toEqual([]);
  });
});
