import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

/** Options of {@link securityPlugin}. */
export interface SecurityPluginOptions {
  /** Requests per client per minute before 429. */
  rateLimitMax: number;
  /** Shared rate-limit store for replicas; in-process memory when absent. */
  redisUrl: string | undefined;
}

/**
 * Security headers (helmet) and rate limiting. With `redisUrl` the counters live in Redis so every
 * replica behind the load balancer enforces the same limit.
 */
export const securityPlugin = fp<SecurityPluginOptions>(
  async (app: FastifyInstance, options) => {
    await app.register(helmet, {
      // The API serves JSON; the only HTML is the Swagger UI at /docs, which needs its inline assets.
      contentSecurityPolicy: false,
    });
    const redis = options.redisUrl === undefined ? undefined : new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
    if (redis) app.addHook('onClose', async () => { await redis.quit(); });
    await app.register(rateLimit, {
      max: options.rateLimitMax,
      timeWindow: '1 minute',
      ...(redis ? { redis, nameSpace: 'eventlead-rate-limit:' } : {}),
      // Rate limiting must not take the API down when Redis blips.
      skipOnError: true,
    });
  },
  { name: 'eventlead-security', fastify: '5.x' },
);
