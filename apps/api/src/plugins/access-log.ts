import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import pino from 'pino';

const INFO = pino.levels.values.info ?? 30;
const DEBUG = pino.levels.values.debug ?? 20;
const levelOf = (level: string): number => pino.levels.values[level] ?? Number.POSITIVE_INFINITY;

/**
 * One log line per completed request, at `info`: method, path (never the query string, which can
 * carry emails and tokens), status, duration in milliseconds and the request id (`reqId`, bound by
 * Fastify's child logger). It replaces Fastify's own pair of lines ("incoming request" and "request
 * completed"), which `disableRequestLogging` turns off. At a level above `info` when the app starts
 * (`LOG_LEVEL=warn`) it adds no hook and costs nothing. At `debug` (or `trace`) when the app starts, an "incoming request" line
 * (method, path, reqId) is written as well when a request arrives, for following requests in flight.
 */
export const accessLogPlugin = fp(
  (app: FastifyInstance, _options: object, done: () => void) => {
    // Decided once: at info and above the hook is not there at all.
    if (levelOf(app.log.level) <= DEBUG) {
      app.addHook('onRequest', (request, _reply, hookDone) => {
        request.log.debug({ method: request.method, path: request.url.split('?', 1)[0] }, 'incoming request');
        hookDone();
      });
    }
    // `silent` (an app without a logger), `warn` and above: nothing to write, and no `onResponse` hook
    // (fastify then skips the stage on every response). Decided once, as the debug line is; the
    // request's own logger is checked too, in case its level differs from the app's.
    if (levelOf(app.log.level) <= INFO) {
      app.addHook('onResponse', (request, reply, hookDone) => {
        if (levelOf(request.log.level) <= INFO) {
          const url = request.url;
          const query = url.indexOf('?');
          request.log.info(
            { method: request.method, path: query === -1 ? url : url.slice(0, query), statusCode: reply.statusCode, responseTime: reply.elapsedTime },
            'request completed',
          );
        }
        hookDone();
      });
    }
    done();
  },
  { name: 'access-log', fastify: '5.x' },
);
