import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import pino from 'pino';

const INFO = pino.levels.values.info ?? 30;

/**
 * One log line per completed request, at `info`: method, path (never the query string, which can
 * carry emails and tokens), status, duration in milliseconds and the request id (`reqId`, bound by
 * Fastify's child logger). It replaces Fastify's own pair of lines ("incoming request" and "request
 * completed"), which `disableRequestLogging` turns off. Below `info` (`LOG_LEVEL=warn`) it costs one
 * level check per request.
 */
export const accessLogPlugin = fp(
  (app: FastifyInstance, _options: object, done: () => void) => {
    app.addHook('onResponse', (request, reply, hookDone) => {
      // `silent` (an app without a logger) and `warn` and above are not in the table's lower values.
      if ((pino.levels.values[request.log.level] ?? Number.POSITIVE_INFINITY) <= INFO) {
        const url = request.url;
        const query = url.indexOf('?');
        request.log.info(
          { method: request.method, path: query === -1 ? url : url.slice(0, query), statusCode: reply.statusCode, responseTime: reply.elapsedTime },
          'request completed',
        );
      }
      hookDone();
    });
    done();
  },
  { name: 'access-log', fastify: '5.x' },
);
