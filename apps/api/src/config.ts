import { isIP } from 'node:net';
import pino from 'pino';

/** Settings of the HTTP process, read once from the environment. */
export interface ApiConfig {
  /** The address to listen on (`HOST`, default `0.0.0.0`: every interface). */
  host: string;
  /** The TCP port to listen on (`PORT`, default 3000; 0 picks a free one). */
  port: number;
  /** The pino log level (`LOG_LEVEL`: trace, debug, info, warn, error, fatal or silent; default `info`). */
  logLevel: string;
  /** `production` switches logs to JSON and forbids the development token. */
  isProduction: boolean;
  /** SHA-256 (hex) of the admin bearer token; without it the personal-data routes answer 401. */
  adminTokenSha256: string | undefined;
  /** Redis for the shared rate-limit store when the API runs as several replicas. */
  redisUrl: string | undefined;
  /** Requests per minute per client before 429 (every answer counts: 401, 404 and other 4xx too). */
  rateLimitMax: number;
  /**
   * Failed authentications per minute per client; once spent, that client's requests to protected
   * routes answer 429 whatever token they present, so a guesser cannot tell a right token by its answer.
   */
  authFailureLimitMax: number;
  /**
   * Fastify's `trustProxy`: which hops in front of the app are trusted to report the client address
   * (`X-Forwarded-For`), so the rate limiter and the request log's client address see the real client behind
   * a load balancer. `false` (default): the socket's peer is the client.
   */
  trustProxy: TrustProxy;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /**
   * Longest a request may take before it is answered 503 (Retry-After): a database that stops
   * answering must not leave requests hanging. Longer than the database's own connect and acquire
   * timeouts, so those answer first when they apply.
   */
  requestTimeoutMs: number;
  /**
   * Longest a graceful shutdown (SIGTERM/SIGINT) waits for in-flight requests and the request-log
   * flush before the process exits anyway (exit code 1).
   */
  shutdownGraceMs: number;
}

/**
 * `TRUST_PROXY` parsed: `false` (off), `true` (every hop: only when nothing but the balancer can reach
 * the app), a hop count, or the addresses/CIDR ranges of the trusted proxies.
 */
export type TrustProxy = boolean | number | readonly string[];

/** Thrown at start-up when an environment variable holds a value the API cannot use. */
export class ApiConfigError extends Error {
  /** A stable machine-readable code for logs. */
  readonly code = 'API_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ApiConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ApiConfigError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: unset, empty or `false` → off; `true` → every hop; a whole number → that many hops;
 * otherwise a comma-separated list of IP addresses and CIDR ranges.
 */
function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 10) throw new ApiConfigError('TRUST_PROXY as a hop count must be a whole number from 1 to 10.');
    return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrRange(entry));
  if (bad !== undefined) {
    throw new ApiConfigError(
      `TRUST_PROXY must be false, true, a hop count, or a comma-separated list of IP addresses and CIDR ranges; "${bad.slice(0, 60)}" is none of these.`,
    );
  }
  return entries;
}

/** The levels `LOG_LEVEL` may name: pino's own, and `silent`. */
const LOG_LEVELS: readonly string[] = [...Object.keys(pino.levels.values), 'silent'];

/** `LOG_LEVEL`, checked here so a typo is refused naming the variable, not by pino's own wording. */
function logLevel(env: NodeJS.ProcessEnv): string {
  const raw = env.LOG_LEVEL?.trim() ?? '';
  if (raw === '') return 'info';
  if (!LOG_LEVELS.includes(raw)) {
    throw new ApiConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; "${raw.slice(0, 40)}" is none of these.`);
  }
  return raw;
}

/**
 * `REDIS_URL`: unset or empty → none (the limits are counted in process memory); otherwise a
 * `redis://` or `rediss://` URL. The message names the scheme only: the URL may hold a password.
 */
function redisUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.REDIS_URL?.trim() ?? '';
  if (raw === '') return undefined;
  let scheme: string;
  try {
    scheme = new URL(raw).protocol;
  } catch {
    throw new ApiConfigError('REDIS_URL is not a URL: set it to redis://host:6379 (or rediss:// for TLS), or unset it to count the rate limits in process memory.');
  }
  if (scheme !== 'redis:' && scheme !== 'rediss:') {
    throw new ApiConfigError(`REDIS_URL must be a redis:// or rediss:// URL (TLS); its scheme is ${scheme.slice(0, 20)}//.`);
  }
  return raw;
}

/**
 * Reads the API's settings from the environment and fails fast on a value it cannot use.
 * @example loadApiConfig({ PORT: '8080' }).port // 8080
 */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const adminTokenSha256 = env.ADMIN_TOKEN_SHA256?.trim() ?? '';
  if (adminTokenSha256 !== '' && !SHA256_HEX.test(adminTokenSha256)) {
    throw new ApiConfigError('ADMIN_TOKEN_SHA256 must be the 64-character hex SHA-256 digest of the admin token.');
  }
  return {
    host: env.HOST ?? '0.0.0.0',
    port: integer(env, 'PORT', 3000, 0, 65_535),
    logLevel: logLevel(env),
    isProduction: env.NODE_ENV === 'production',
    adminTokenSha256: adminTokenSha256 === '' ? undefined : adminTokenSha256.toLowerCase(),
    redisUrl: redisUrl(env),
    rateLimitMax: integer(env, 'RATE_LIMIT_MAX', 1_000, 1, 1_000_000),
    authFailureLimitMax: integer(env, 'AUTH_FAILURE_LIMIT_MAX', 10, 1, 1_000_000),
    trustProxy: trustProxy(env),
    bodyLimit: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1_024, 104_857_600),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 100, 600_000),
  };
}
