import pino from 'pino';
import { loggerOptions } from './logger';

function logged(write: (logger: pino.Logger) => void): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(loggerOptions('info', false) as pino.LoggerOptions, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  write(logger);
  return lines;
}

describe('the logger redacts secrets (the scalars of a line go out as they are)', () => {
  test('every wildcard path, under any top-level key, in lines and in child bindings', () => {
    const secret = { password: 'secret-1', passwordHash: 'secret-2', PasswordHash: 'secret-3', token: 'secret-4', tokenHash: 'secret-5', TokenHash: 'secret-6', connectionString: 'secret-7', clientUrl: 'secret-8' };
    const [line, child] = logged((logger) => {
      logger.info({ body: { ...secret, email: 'kept' }, user: secret, n: 3, ok: true, text: 'say "hi"\n', nothing: null }, 'm');
      logger.child({ reqId: 'r-1', config: secret }).info('c');
    });
    const censored = Object.fromEntries(Object.keys(secret).map((key) => [key, '[redacted]']));
    expect(line).toMatchObject({ body: { ...censored, email: 'kept' }, user: censored, n: 3, ok: true, text: 'say "hi"\n', nothing: null, msg: 'm' });
    expect(child).toMatchObject({ reqId: 'r-1', config: censored, msg: 'c' });
    expect(JSON.stringify([line, child])).not.toContain('secret-');
  });

  test('the headers that carry credentials', () => {
    const [line] = logged((logger) => {
      // `req` goes through the request serializer, which keeps no headers; the paths hold for any other logger of these options.
      logger.child({}, { serializers: { req: (value: unknown) => value } }).info({
        req: { headers: { authorization: 'Bearer secret-1', cookie: 'secret-2', 'x-api-key': 'secret-3', accept: 'json' } },
        res: { headers: { 'set-cookie': 'secret-4' } },
      });
    });
    expect(line).toMatchObject({
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]', 'x-api-key': '[redacted]', accept: 'json' } },
      res: { headers: { 'set-cookie': '[redacted]' } },
    });
  });
});

describe('errors in log lines', () => {
  test('an error-shaped object without a stack (the Redis outage warning) gets no empty stack field', () => {
    const [line] = logged((logger) => {
      logger.warn({ rateLimitStore: 'redis', err: { type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:6379' } }, 'Redis is not answering');
    });
    expect(line?.err).toEqual({ type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:6379' });
  });

  test('an error keeps its stack', () => {
    const [line] = logged((logger) => {
      logger.error({ err: new TypeError('broken') }, 'failed');
    });
    expect(line?.err).toMatchObject({ type: 'TypeError', message: 'broken', stack: expect.stringContaining('TypeError: broken') as unknown });
  });
});
