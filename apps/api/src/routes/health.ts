import { ping } from '@eventlead/db';
import { baseResponse, toJsonSchema } from '@eventlead/schemas';
import type { FastifyPluginCallback } from 'fastify';
import { object, string } from 'yup';

/**
 * Probes are for the load balancer and the orchestrator, which call them every few seconds per
 * replica: never rate limited (a throttled probe would take a healthy replica out of service) and
 * not recorded in log.ApiRequest.
 */
const PROBE = { rateLimit: false, requestLog: false } as const;

const healthResponse = toJsonSchema(baseResponse(object({ status: string().required() })));

/**
 * `GET /health`: the process is alive (no database round trip).
 * `GET /health/ready`: the database answers a round trip within 2 s; 503 otherwise, recovering by
 * itself once the database is back (every call probes afresh).
 */
export const healthRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get(
    '/health',
    // No database: no per-request work and no deadline.
    { config: { ...PROBE, database: 'none' }, schema: { tags: ['health'], summary: 'Process liveness', response: { 200: healthResponse } } },
    () => ({ success: true, message: 'ok', data: { status: 'ok' } }),
  );
  app.get(
    '/health/ready',
    // `ping` runs on the ORM's own connection: a deadline but no unit of work.
    { config: { ...PROBE, database: 'connection' }, schema: { tags: ['health'], summary: 'Readiness: database round trip', response: { 200: healthResponse } } },
    async () => {
      await ping(app.orm, { timeoutMs: 2_000 });
      return { success: true, message: 'ready', data: { status: 'ready' } };
    },
  );
  done();
};
