import { DatabaseNotReadyError, ping } from '@eventlead/db';
import { baseResponse, toJsonSchema, type ErrorResponse } from '@eventlead/schemas';
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { object, string } from 'yup';
import { errorResponse } from './error-responses';

/**
 * Probes are for the load balancer and the orchestrator, which call them every few seconds per
 * replica: never rate limited (a throttled probe would take a healthy replica out of service), not
 * recorded in log.ApiRequest, and tolerant of whatever query the prober adds (cache busters).
 */
const PROBE = { rateLimit: false, requestLog: false, acceptsAnyQuery: true } as const;

const healthResponse = toJsonSchema(baseResponse(object({ status: string().required() })));

/**
 * `GET /health`: the process is alive (no database round trip).
 * `GET /health/ready`: every connection the API reads or writes through (the primary and each read
 * replica) answers a round trip within 2 s; 503 otherwise, naming those that did not (`replica-2
 * (DATABASE_REPLICA_URLS entry 2)`, never a host or password), and recovering by itself once they are
 * back (every call probes afresh).
 */
const registerHealthRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get(
    '/health',
    // No database: no per-request work and no deadline.
    { config: { ...PROBE, database: 'none' }, schema: { tags: ['health'], summary: 'Process liveness', response: { 200: healthResponse } } },
    () => ({ success: true, message: 'ok', data: { status: 'ok' } }),
  );
  app.get(
    '/health/ready',
    // `ping` runs on the ORM's own connection: a deadline but no unit of work.
    {
      config: { ...PROBE, database: 'connection' },
      schema: { tags: ['health'], summary: 'Readiness: a round trip on the primary and each read replica', response: { 200: healthResponse, 503: errorResponse } },
    },
    async (request, reply) => {
      try {
        await ping(app.orm, { timeoutMs: 2_000 });
      } catch (error) {
        // Anything else (a deadline, a bug) goes to the one error handler.
        if (!(error instanceof DatabaseNotReadyError)) throw error;
        // The probe's caller is an operator's load balancer: say which connection failed, so the
        // 503 points at the replica to fix. Where it runs (host, database) goes to the log only.
        request.log.warn({ failures: error.failures.map(({ connection, target, reason }) => ({ connection, target, reason })) }, 'not ready');
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ error: `Not ready: ${error.message}. Try again shortly.`, details: [] } satisfies ErrorResponse);
      }
      return { success: true, message: 'ready', data: { status: 'ready' } };
    },
  );
  done();
};

/**
 * {@link registerHealthRoutes}, named: fastify looks an unnamed plugin's name up in the module cache, key by key, on
 * every registration. Encapsulated, as a plain plugin is.
 */
export const healthRoutes = fp(registerHealthRoutes, { name: 'eventlead-health-routes', fastify: '5.x', encapsulate: true });
