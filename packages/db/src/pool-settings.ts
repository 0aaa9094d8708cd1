import { DatabaseConfigError } from './errors';

/** Environment as read by this package: only string values matter. */
export type DatabaseEnv = Readonly<Record<string, string | undefined>>;

/**
 * Connection pool settings for the server databases (PostgreSQL, SQL Server). PGlite is a single
 * in-process connection and ignores them.
 */
export interface PoolSettings {
  /** Connections kept open when idle (`DATABASE_POOL_MIN`, default 0 so idle connections can close). */
  readonly min: number;
  /** Upper bound of open connections (`DATABASE_POOL_MAX`, default 10). */
  readonly max: number;
  /** How long a query waits for a free connection before failing (`DATABASE_POOL_ACQUIRE_TIMEOUT_MS`, default 10 000). */
  readonly acquireTimeoutMs: number;
  /** Idle time after which a connection above `min` is closed (`DATABASE_POOL_IDLE_TIMEOUT_MS`, default 30 000). */
  readonly idleTimeoutMs: number;
  /** Connections older than this are replaced on checkout, like SQLAlchemy's pool_recycle (`DATABASE_POOL_MAX_LIFETIME_MS`, default 3 600 000; 0 disables). */
  readonly maxLifetimeMs: number;
  /** Round-trip `select 1` before handing out a pooled connection, like pool_pre_ping (`DATABASE_POOL_VALIDATE`, default true). */
  readonly validate: boolean;
  /**
   * Pre-ping only a connection whose last checkout is at least this long ago
   * (`DATABASE_POOL_VALIDATE_IDLE_MS`, default 1 000; 0 pings on every checkout). A connection in
   * steady use proves itself with every query, and a socket the server closed is dropped on checkout
   * anyway (knex marks it on the socket's error/end event); the ping is for connections that died
   * silently while idle (a failover, a NAT or firewall timeout). HikariCP's `aliveBypassWindowMs`.
   */
  readonly validateIdleMs: number;
  /** Time allowed to open a new connection (`DATABASE_CONNECT_TIMEOUT_MS`, default 10 000). */
  readonly connectTimeoutMs: number;
}

/** The defaults used when the environment does not override them. */
export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  min: 0,
  max: 10,
  acquireTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  maxLifetimeMs: 3_600_000,
  validate: true,
  validateIdleMs: 1_000,
  connectTimeoutMs: 10_000,
};

function readInt(env: DatabaseEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new DatabaseConfigError(name, `${name} must be a whole number >= ${min} (got "${raw}"); unset it to use ${fallback}.`);
  }
  return value;
}

function readBoolean(env: DatabaseEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (['true', '1', 'yes', 'on'].includes(raw)) {
    return true;
  }
  if (['false', '0', 'no', 'off'].includes(raw)) {
    return false;
  }
  throw new DatabaseConfigError(name, `${name} must be true or false (got "${raw}").`);
}

/**
 * Reads the pool settings from the environment, falling back to {@link DEFAULT_POOL_SETTINGS}.
 * @throws {DatabaseConfigError} on a non-numeric value or `DATABASE_POOL_MIN` above `DATABASE_POOL_MAX`.
 */
export function readPoolSettings(env: DatabaseEnv): PoolSettings {
  const d = DEFAULT_POOL_SETTINGS;
  const settings: PoolSettings = {
    min: readInt(env, 'DATABASE_POOL_MIN', d.min, 0),
    max: readInt(env, 'DATABASE_POOL_MAX', d.max, 1),
    acquireTimeoutMs: readInt(env, 'DATABASE_POOL_ACQUIRE_TIMEOUT_MS', d.acquireTimeoutMs, 1),
    idleTimeoutMs: readInt(env, 'DATABASE_POOL_IDLE_TIMEOUT_MS', d.idleTimeoutMs, 1),
    maxLifetimeMs: readInt(env, 'DATABASE_POOL_MAX_LIFETIME_MS', d.maxLifetimeMs, 0),
    validate: readBoolean(env, 'DATABASE_POOL_VALIDATE', d.validate),
    validateIdleMs: readInt(env, 'DATABASE_POOL_VALIDATE_IDLE_MS', d.validateIdleMs, 0),
    connectTimeoutMs: readInt(env, 'DATABASE_CONNECT_TIMEOUT_MS', d.connectTimeoutMs, 1),
  };
  if (settings.min > settings.max) {
    throw new DatabaseConfigError(
      'DATABASE_POOL_MIN',
      `DATABASE_POOL_MIN (${settings.min}) must not exceed DATABASE_POOL_MAX (${settings.max}).`,
    );
  }
  return settings;
}


