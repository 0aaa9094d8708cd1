import { IncomingMessage, type ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import helmet from 'helmet';
import { clientAddress } from '../client-address';
import { clientKey, rateLimitExceeded, rateLimiters, type RateLimiters, type StoreHealth } from './rate-limit';
import { addSendStep, routeConfigOf } from './route-hooks';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Which security headers the route's answers carry: `'api'` (default) for JSON, `'document'` for
     * the HTML pages of the API reference.
     */
    securityHeaders?: 'api' | 'document';
  }
  interface FastifyInstance {
    /** Makes rate limiters over the app's rate-limit store (Redis when configured), e.g. the auth-failure budget. */
    rateLimiters: RateLimiters;
    /**
     * Counts `request` against its client's general limit and sets the `x-ratelimit-*` headers on
     * `reply`; `done` gets the 429 error once the client is over the limit. The `onRequest` hook of
     * every route calls it, and so does the answer to a URL the router refuses before any hook runs
     * (`answerFrameworkError`), so every answer counts.
     */
    countRequest(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void;
  }
}

/** Options of {@link securityPlugin}. */
export interface SecurityPluginOptions {
  /** Requests per client per minute before 429. */
  rateLimitMax: number;
  /** Shared rate-limit store for replicas; in-process memory when absent. */
  redisUrl: string | undefined;
}

/**
 * The headers a helmet middleware sets, read once: with static policies (no CSP nonces) they are the
 * same on every response. Applied with `reply.headers`, they reach Node with fastify's own headers in
 * one batch and are validated once, instead of through `res.setHeader` one by one on every request.
 */
function headersOf(middleware: ReturnType<typeof helmet>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    removeHeader(name: string) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the recorder mirrors res.removeHeader
      delete headers[name.toLowerCase()];
    },
  };
  // helmet (>= 8.1) throws a configuration error itself; `next` only says it is done.
  middleware(new IncomingMessage(new Socket()), recorder as unknown as ServerResponse, () => undefined);
  return Object.freeze(headers);
}

/**
 * The headers OWASP's REST Security Cheat Sheet lists for every API response (with `Content-Type`,
 * which the serialiser sets, and `Cache-Control: no-store`, set below): the rest of helmet's defaults
 * instruct browsers about HTML documents, which the JSON answers are not. Exported for the answers
 * Fastify sends before routing (`answerFrameworkError`), which no hook sees.
 */
export const API_HEADERS = headersOf(
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  }),
);

/** `Cache-Control` of every answer whose route does not set its own. */
export const NO_STORE = 'no-store';

/** {@link API_HEADERS} and `Cache-Control: no-store`, in that order: one `reply.headers` call per answer. */
const API_HEADERS_NO_STORE: Readonly<Record<string, string>> = Object.freeze({ ...API_HEADERS, 'cache-control': NO_STORE });

/** helmet's defaults for the Swagger UI pages, except the CSP: the docs plugin sets the pages' own (openapi.ts). */
const DOCUMENT_HEADERS = headersOf(helmet({ contentSecurityPolicy: false }));

/** How long the rate limiter's Redis client waits to connect. */
export const REDIS_CONNECT_TIMEOUT_MS = 2_000;
/** How long a rate-limit command waits for Redis before the request is counted in process memory. */
export const REDIS_COMMAND_TIMEOUT_MS = 250;

/**
 * Reports an outage of the rate limiter's Redis through the app's logger: one warning when commands
 * or the connection start failing, one line when Redis answers again (never the URL, which may hold
 * a password). Also the client's `error` listener, so ioredis prints no "Unhandled error event".
 */
function redisOutageReporter(app: FastifyInstance, redis: Redis): StoreHealth {
  const where = `${redis.options.host ?? 'localhost'}:${String(redis.options.port ?? 6379)}`;
  let down = false;
  const failed = (error: Error): void => {
    if (down) return;
    down = true;
    app.log.warn(
      { rateLimitStore: 'redis', err: { type: error.name, message: error.message } },
      `The rate-limit store (Redis at ${where}) is not answering: counting requests in this process until it is back, so each replica enforces the limits on its own. Check REDIS_URL and that Redis is running.`,
    );
  };
  const recovered = (): void => {
    if (!down) return;
    down = false;
    app.log.info({ rateLimitStore: 'redis' }, `The rate-limit store (Redis at ${where}) is answering again: the replicas share the limits again.`);
  };
  redis.on('error', failed);
  redis.on('ready', recovered);
  return { failed, recovered };
}

/** Resolves when `redis` is ready, has failed once, or the connect timeout has passed. */
function connectedOrFailed(redis: Redis): Promise<void> {
  return new Promise((resolve) => {
    const settle = (): void => {
      clearTimeout(timer);
      redis.off('ready', settle);
      redis.off('error', settle);
      resolve();
    };
    const timer = setTimeout(settle, REDIS_CONNECT_TIMEOUT_MS);
    redis.once('ready', settle);
    redis.once('error', settle);
  });
}

/**
 * Security headers (helmet's, computed once per policy and applied in `onSend`, so error answers
 * carry them too) and rate limiting of every request (401s, 404s and other 4xx included), per client
 * address (`request.ip`: the real client behind a balancer when `TRUST_PROXY` says which hops to
 * trust). With `redisUrl` the counters live in Redis so every replica behind the load balancer
 * enforces the same limit. Routes opt out of the limit with `config: { rateLimit: false }` (the health
 * probes: a load balancer must never be throttled into taking a healthy replica out).
 */
export const securityPlugin = fp<SecurityPluginOptions>(
  async (app: FastifyInstance, options) => {
    addSendStep(app, (_request, reply, config) => {
      if (config.securityHeaders === 'document') {
        void reply.headers(DOCUMENT_HEADERS);
      } else {
        // Personal data must not sit in browser or proxy caches; routes that are cacheable say so.
        void reply.headers(reply.hasHeader('cache-control') ? API_HEADERS : API_HEADERS_NO_STORE);
      }
    });
    // Loaded only when configured: a single replica never pays for the Redis client at start-up.
    const redis = options.redisUrl === undefined
      ? undefined
      : new (await import('ioredis')).Redis(options.redisUrl, {
          lazyConnect: false,
          // A command fails at once while there is no connection, and within REDIS_COMMAND_TIMEOUT_MS
          // when Redis stalls, instead of waiting in a queue: the limiter then counts in this process.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
          commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
        });
    const outage = redis === undefined ? undefined : redisOutageReporter(app, redis);
    if (redis) {
      // Commands are not queued, so the first requests would be counted in this process alone: wait
      // (at most the connect timeout) for Redis to be ready or to fail (then the warning is logged).
      await connectedOrFailed(redis);
      // Closed at once, connected or not (QUIT would fail without a connection and leave the client
      // reconnecting, keeping the process alive); the counters are already in Redis.
      app.addHook('onClose', (_instance, done) => {
        redis.disconnect();
        done();
      });
    }
    const limiters = rateLimiters({ redis, nameSpace: 'eventlead-rate-limit:', storeHealth: outage });
    app.decorate('rateLimiters', limiters);
    // Per-route limits (the package's `config.rateLimit` object) are not supported: only `false`.
    app.addHook('onRoute', (route) => {
      const own: unknown = route.config?.rateLimit;
      if (own !== undefined && own !== false) {
        throw new TypeError(`${String(route.method)} ${route.url}: config.rateLimit may only be false (exempt from the limit).`);
      }
    });
    const limit = limiters.create(options.rateLimitMax, 60_000);
    const max = limit.max;
    const countRequest = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
      limit.hit(clientKey(clientAddress(request) ?? 'unknown'), (count, ttlMs) => {
        const resetSeconds = Math.ceil(ttlMs / 1000);
        if (count <= max) {
          void reply.header('x-ratelimit-limit', max).header('x-ratelimit-remaining', max - count).header('x-ratelimit-reset', resetSeconds);
          done();
          return;
        }
        void reply.header('x-ratelimit-limit', max).header('x-ratelimit-remaining', 0).header('x-ratelimit-reset', resetSeconds).header('retry-after', resetSeconds);
        done(rateLimitExceeded(resetSeconds));
      });
    };
    app.decorate('countRequest', countRequest);
    // An instance-level hook runs before every route-level one and for the not-found handler too, so
    // every request counts, whatever it is answered (a request refused by `requireAdmin` with 401, or
    // one without a route, 404). Only the health probes are exempt. A URL the router cannot read is
    // answered before any hook: `answerFrameworkError` counts it through `app.countRequest`.
    // Not an async function: an exempt request (a probe) goes on synchronously, and so does a counted
    // one with the in-memory store; with Redis it continues when Redis has answered.
    app.addHook('onRequest', function countEveryRequest(request, reply, done) {
      if (routeConfigOf(request).rateLimit === false) {
        done();
        return;
      }
      countRequest(request, reply, done);
    });
  },
  { name: 'eventlead-security', fastify: '5.x' },
);
