import { normalizeIP } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { createRequire } from 'node:module';

/** What a store answers for a key: the count in its current window and the milliseconds left in it. */
interface StoreAnswer {
  current: number;
  ttl: number;
}
type StoreCallback = (error: Error | null, answer?: StoreAnswer | null) => void;

/** The store interface of @fastify/rate-limit (its `LocalStore` and `RedisStore`), with `read`. */
interface RateLimitStore {
  incr(key: string, callback: StoreCallback, timeWindow: number, max: number): void;
  read(key: string, callback: StoreCallback, timeWindow: number, max: number): void;
}
type LocalStoreCtor = new (continueExceeding: boolean, exponentialBackoff: boolean) => RateLimitStore;
type RedisStoreCtor = new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, nameSpace: string) => RateLimitStore;

// The package's own stores (the package has no `exports` map; its types do not declare them).
const fromPackage = createRequire(require.resolve('@fastify/rate-limit'));

/** How long the limiters count in process memory after a Redis command failed, before asking Redis again. */
export const REDIS_RETRY_MS = 2_000;

/**
 * Answers the count of a key in its current window (after counting, for `hit`) and the milliseconds
 * left in that window.
 */
export type LimitCallback = (count: number, ttlMs: number) => void;

/** A fixed-window counter per key in a rate-limit store: counts and reads without promises. */
export interface RateLimiter {
  /** Requests per key per window. */
  readonly max: number;
  /** Counts one request of `key`. */
  hit(key: string, callback: LimitCallback): void;
  /** Reads the count of `key` without counting. */
  peek(key: string, callback: LimitCallback): void;
}

/** Where the counters of a {@link RateLimiters} live. */
export interface RateLimitStoreOptions {
  /** A Redis client shared by every replica; in-process memory when absent. */
  redis?: Redis | undefined;
  /** Prefix of the counters' keys in Redis. */
  nameSpace: string;
  /**
   * Told when a Redis command fails (the limiters then count in this process instead) and when Redis
   * answers again after a failure: the caller reports the outage once, not per request.
   */
  storeHealth?: StoreHealth | undefined;
}

/** What the limiters tell about their Redis store. */
export interface StoreHealth {
  /** A command failed: the limiters count in process memory for a while. */
  failed(error: Error): void;
  /** A command succeeded after a failure. */
  recovered(): void;
}

/** Makes limiters over one store (each with counters of its own), and says how long a window is. */
export interface RateLimiters {
  /** A limiter of `max` per `windowMs`. */
  create(max: number, windowMs: number): RateLimiter;
}

/**
 * Rate limiters on @fastify/rate-limit's stores (`LocalStore`: an LRU in process memory; `RedisStore`:
 * an atomic Lua script in the Redis every replica shares), called with callbacks instead of through
 * the package's request handler. The handler costs a request two `async` functions and a promise per
 * limiter call, key generation through `isIPv6`, and a new `request.routeOptions` object (for
 * `groupId`); with the in-memory store a request now goes through its limits synchronously.
 *
 * Every limiter has a store of its own on the same `nameSpace`: its Redis keys are `nameSpace` + the
 * key it is given, so a limiter's keys carry a prefix of the caller's choosing (the failed-authentication
 * budget's `auth-failure:`; the general limit's keys are bare client addresses). The package's `child()`
 * is not used: it prefixes route-limit keys with the route's method and URL, which these limiters do
 * not have (it wrote `undefinedundefined-`).
 *
 * When a Redis command fails (Redis down, unreachable, or slower than the client's command timeout)
 * the request is counted in a store of this process instead, so the limits still hold, per replica,
 * and nothing is let through uncounted. For {@link REDIS_RETRY_MS} after a failure the limiters do not
 * ask Redis at all (a stalled Redis would otherwise cost every request the command timeout); then the
 * next request tries it again.
 */
export function rateLimiters({ redis, nameSpace, storeHealth }: RateLimitStoreOptions): RateLimiters {
  const LocalStore = fromPackage('./store/LocalStore') as LocalStoreCtor;
  const RedisStore = redis === undefined ? undefined : (fromPackage('./store/RedisStore') as RedisStoreCtor);
  // While Date.now() is below this, Redis is not asked (it failed a moment ago).
  let redisDownUntil = 0;
  return {
    create(max, windowMs) {
      const store = redis === undefined || RedisStore === undefined ? new LocalStore(false, false) : new RedisStore(false, false, redis, nameSpace);
      // Only with Redis: where this limiter counts while Redis fails.
      const fallback = redis === undefined ? undefined : new LocalStore(false, false);
      const counted = (callback: LimitCallback): StoreCallback => (_error, answer) => {
        callback(answer?.current ?? 0, answer?.ttl ?? 0);
      };
      const call = (method: 'incr' | 'read', key: string, callback: LimitCallback): void => {
        if (fallback !== undefined && redisDownUntil !== 0 && Date.now() < redisDownUntil) {
          fallback[method](key, counted(callback), windowMs, max);
          return;
        }
        store[method](
          key,
          (error, answer) => {
            if (error === null && answer !== undefined && answer !== null) {
              if (redisDownUntil !== 0) {
                redisDownUntil = 0;
                storeHealth?.recovered();
              }
              callback(answer.current, answer.ttl);
              return;
            }
            if (fallback === undefined) {
              callback(0, 0);
              return;
            }
            redisDownUntil = Date.now() + REDIS_RETRY_MS;
            storeHealth?.failed(error ?? new Error('Redis answered nothing'));
            fallback[method](key, counted(callback), windowMs, max);
          },
          windowMs,
          max,
        );
      };
      return {
        max,
        hit: (key, callback) => {
          call('incr', key, callback);
        },
        peek: (key, callback) => {
          call('read', key, callback);
        },
      };
    },
  };
}

/**
 * The limiter key of a client address, as @fastify/rate-limit's default key generator makes it: an
 * IPv6 address stands for its /64, an IPv4-mapped one for the IPv4 address. An address without a
 * colon is not IPv6 and is kept as it is (lower-cased, as the package does), without `isIPv6`.
 */
export function clientKey(ip: string): string {
  return ip.includes(':') ? normalizeIP(ip, 64) : ip.toLowerCase();
}

/** @fastify/rate-limit's wording of a wait (`format` of @lukeed/ms, long form). */
function waitText(ms: number): string {
  const units: readonly [number, string][] = [
    [31_557_600_000, 'year'],
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  const unit = units.find(([size]) => ms >= size);
  if (unit === undefined) return `${ms} ms`;
  const count = Math.round(ms / unit[0]);
  return `${count} ${unit[1]}${count === 1 ? '' : 's'}`;
}

/** The error a request over the general limit is answered with (429), worded as @fastify/rate-limit words it. */
export function rateLimitExceeded(resetSeconds: number): Error & { statusCode: 429 } {
  return Object.assign(new Error(`Rate limit exceeded, retry in ${waitText(resetSeconds * 1000)}`), { statusCode: 429 as const });
}
