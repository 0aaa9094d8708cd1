import { ping } from '@eventlead/db';
import { baseResponse, toJsonSchema } from '@eventlead/schemas';
import type { FastifyPluginCallback } from 'fastify';
import { object, string } from 'yup';

const healthResponse = toJsonSchema(baseResponse(object({ status: string().required() })));

/**
 * `GET /health`: the process is alive (no database round trip).
 * `GET /health/ready`: the database answers a round trip within 2 s; 503 otherwise, recovering by
 * itself once the database is back (every call probes afresh).
 */
export const healthRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get(
    '/health',
    // No database: no per-request EntityManager. (`/health/ready` keeps one; `ping` needs none but runs through the ORM.)
    { config: { database: false }, schema: { tags: ['health'], summary: 'Process liveness', response: { 200: healthResponse } } },
    () => ({ success: true, message: 'ok', data: { status: 'ok' } }),
  );
  app.get(
    '/health/ready',
    { schema: { tags: ['health'], summary: 'Readiness: database round trip', response: { 200: healthResponse } } },
    async () => {
      await ping(app.orm, { timeoutMs: 2_000 });
      return { success: true, message: 'ready', data: { status: 'ready' } };
    },
  );
  done();
};
