import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import pino from 'pino';
import type { DatabaseLogWriter } from '@eventlead/db';
import { secretFieldNames } from '@eventlead/models';
import { clientAddress } from './client-address';
import { logSafeError } from './log-safe-error';

/**
 * Paths pino blanks out wherever they appear in a log line: the headers that carry credentials, the
 * request fields that hold a password or a token, connection settings, and every secret of the
 * entities by property and column name (`secretFieldNames` of @eventlead/models: `passwordHash`,
 * the tokens' hashes).
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.connectionString',
  '*.clientUrl',
  ...secretFieldNames.map((name) => `*.${name}`),
];

/**
 * Logger options for Fastify: JSON in production, pretty in development, secrets redacted, errors
 * without the values of failed statements, and the request logged by path only (query strings can
 * carry emails and tokens).
 */
export function loggerOptions(level: string, pretty: boolean): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    serializers: {
      // Spread: pino wants a plain record. Fastify's type insists on a `stack` string; pino writes what
      // the serializer returns, and an error without a stack is better logged without the field.
      err: ((error: Error) => ({ ...logSafeError(error) })) as (error: Error) => { type: string; message: string; stack: string },
      req(request: FastifyRequest) {
        return {
          method: request.method,
          path: request.url.split('?', 1)[0],
          id: request.id,
          remoteAddress: clientAddress(request),
        };
      },
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
}

/**
 * The server's logger. In production: JSON to stdout through an asynchronous destination (lines are
 * buffered and written without blocking the event loop; pino flushes what is left when the process
 * exits, and {@link flushLogger} on shutdown). In development: pretty lines through pino-pretty.
 * @example const logger = createLogger(config.logLevel, !config.isProduction);
 */
export function createLogger(level: string, pretty: boolean): pino.Logger {
  const options = loggerOptions(level, pretty) as pino.LoggerOptions;
  return pretty ? pino(options) : pino(options, pino.destination({ dest: 1, sync: false }));
}

/**
 * The ORM's `logger` (`initORM({ logger: databaseLogWriter(logger) })`): MikroORM's lines (queries with
 * DATABASE_DEBUG) and knex's warnings (a connection dropped in an outage) become JSON lines of the
 * app's logger, at knex's level, instead of bare console lines beside them.
 */
export function databaseLogWriter(logger: pino.Logger): DatabaseLogWriter {
  const database = logger.child({ component: 'database' });
  return (message, level = 'info') => {
    database[level](message);
  };
}

/** Writes out whatever the logger still buffers (shutdown). */
export function flushLogger(logger: pino.Logger): Promise<void> {
  return new Promise((resolve) => {
    logger.flush(() => {
      resolve();
    });
  });
}
