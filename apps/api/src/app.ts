import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type ApiConfig, loadApiConfig } from './config';
import { healthRoutes } from './routes/health';

/** What {@link buildApp} needs; everything has a default read from the environment. */
export interface BuildAppOptions {
  config?: Partial<ApiConfig>;
  /** Fastify's logger option (a pino instance or options); off unless given. */
  logger?: FastifyServerOptions['loggerInstance'] | boolean;
}

/**
 * Builds the application without listening: tests call `app.inject()`, `server.ts` listens.
 * @example const app = await buildApp(); const res = await app.inject('/health');
 */
export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const config: ApiConfig = { ...loadApiConfig(), ...options.config };
  const app = Fastify({
    logger: options.logger === undefined ? false : (options.logger as boolean),
    bodyLimit: config.bodyLimit,
  });
  await app.register(healthRoutes);
  return app;
}
