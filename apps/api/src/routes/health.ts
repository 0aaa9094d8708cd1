import type { FastifyPluginCallback } from 'fastify';

const healthResponse = {
  type: 'object',
  required: ['success', 'message', 'data'],
  properties: {
    success: { type: 'boolean' },
    message: { type: 'string' },
    data: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string' } },
    },
  },
} as const;

/** `GET /health`: the process is alive and serving (no database round trip). */
export const healthRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get(
    '/health',
    { schema: { tags: ['health'], summary: 'Process liveness', response: { 200: healthResponse } } },
    () => ({ success: true, message: 'ok', data: { status: 'ok' } }),
  );
  done();
};
