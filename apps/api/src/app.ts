import type { Orm } from '@eventlead/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { type ApiConfig, loadApiConfig } from './config';
import { authPlugin } from './plugins/auth';
import { errorHandlerPlugin } from './plugins/error-handler';
import { openApiPlugin } from './plugins/openapi';
import { ormPlugin } from './plugins/orm';
import { type RequestLogPluginOptions, requestLogPlugin } from './plugins/request-log';
import { securityPlugin } from './plugins/security';
import { validationPlugin } from './plugins/validation';
import { companyRoutes } from './routes/companies';
import { healthRoutes } from './routes/health';
import { refRoutes } from './routes/ref';
import { userRoutes } from './routes/users';

/** What {@link buildApp} needs. */
export interface BuildAppOptions {
  /** The ORM the app's unit of work runs on (the caller owns it and closes it). */
  orm: Orm;
  /** Settings; defaults come from the environment. */
  config?: Partial<ApiConfig>;
  /** A pino logger; without one the app does not log. */
  logger?: FastifyBaseLogger;
  /** Tuning of the log.ApiRequest / log.ApplicationError writers. */
  requestLog?: RequestLogPluginOptions;
}

// A caller's request id is kept only when it is short and plain; anything else gets a fresh UUID.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the application without listening: tests call `app.inject()`, `server.ts` listens.
 * Load order: external plugins → app plugins (validation, orm, auth) → routes.
 * @example const app = await buildApp({ orm }); const res = await app.inject('/health');
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config: ApiConfig = { ...loadApiConfig(), ...options.config };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: config.bodyLimit,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  });
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin, { rateLimitMax: config.rateLimitMax, redisUrl: config.redisUrl });
  await app.register(openApiPlugin);
  await app.register(validationPlugin);
  await app.register(ormPlugin, { orm: options.orm });
  await app.register(requestLogPlugin, options.requestLog ?? {});
  await app.register(authPlugin, { adminTokenSha256: config.adminTokenSha256 });

  await app.register(healthRoutes);
  await app.register(refRoutes);
  await app.register(userRoutes);
  await app.register(companyRoutes);
  return app;
}
