import type { ConnectionOptions, Dictionary, LoggerNamespace, Options } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { entities } from '@eventlead/models';
import { AuditColumnsSubscriber } from './audit-columns';
import { auditTrailSubscriber } from './audit-trail/audit-trail-subscriber';
import { parseDatabaseUrl, resolveDatabaseUrl, type DatabaseUrl, type MsSqlDatabaseUrl, type PostgresDatabaseUrl } from './database-url';
import { DatabaseConfigError, NotFoundError } from './errors';
import { SolomonMsSqlDriver } from './naming/mssql-driver';
import { mapMsSqlBinding } from './naming/mssql-parameters';
import { SolomonNamingStrategy } from './naming/solomon-naming-strategy';
import { SolomonPGliteDriver, SolomonPostgreSqlDriver } from './naming/postgres-drivers';
import { readPoolSettings, type DatabaseEnv, type PoolSettings } from './pool-settings';
import { SoftDeleteSubscriber, softDeleteFilter, SOFT_DELETE_FILTER } from './soft-delete';
import { knexLog, knexLogTo, type DatabaseLogWriter, type KnexLog } from './knex-log';

/** MikroORM options as this package builds them: any of the SQL drivers. */
export type OrmOptions = Options<AbstractSqlDriver>;

/** Every logger namespace except `query-params`: parameters (emails, hashes, tokens) never reach a log. */
const SAFE_DEBUG: LoggerNamespace[] = ['query', 'schema', 'discovery', 'info', 'deprecated'];

function readDebug(env: DatabaseEnv): LoggerNamespace[] | false {
  const raw = env.DATABASE_DEBUG?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') {
    return false;
  }
  if (raw === 'true' || raw === '1') {
    return ['query', 'info'];
  }
  const names = raw.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(SAFE_DEBUG as string[]).includes(n));
  if (unknown.length > 0) {
    throw new DatabaseConfigError(
      'DATABASE_DEBUG',
      `DATABASE_DEBUG must be true, false or a list of ${SAFE_DEBUG.join(', ')} (got ${unknown.join(', ')}).`,
    );
  }
  return names as LoggerNamespace[];
}

/** `debug: true` would switch on `query-params` too; narrow any requested debug setting to safe namespaces. */
function safeDebug(debug: Options['debug']): LoggerNamespace[] | false {
  if (debug === true) {
    return SAFE_DEBUG;
  }
  if (Array.isArray(debug)) {
    return debug.filter((n) => n !== 'query-params');
  }
  return false;
}

/**
 * Pool options for a server database. The plain tarn options go through MikroORM's `pool`; the two
 * that only knex understands (`validate`, `maxConnectionLifetimeMillis`, knex >= 3.2) go through
 * `driverOptions.pool`, which MikroORM merges into the knex config unchanged.
 */
function serverPool(pool: PoolSettings, validate: ((connection: unknown) => boolean | Promise<boolean>) | undefined) {
  const knexPool: Dictionary = {};
  if (pool.maxLifetimeMs > 0) {
    knexPool.maxConnectionLifetimeMillis = pool.maxLifetimeMs;
    // Spread replacements over up to 10% of the lifetime so the whole pool does not reconnect at once.
    knexPool.maxConnectionLifetimeJitterMillis = Math.floor(pool.maxLifetimeMs / 10);
  }
  if (validate) {
    knexPool.validate = validate;
  }
  return {
    pool: {
      min: pool.min,
      max: pool.max,
      acquireTimeoutMillis: pool.acquireTimeoutMs,
      idleTimeoutMillis: pool.idleTimeoutMs,
      // Fail the waiting query on the first failed connect instead of retrying until acquire times out.
      propagateCreateError: true,
    },
    knexPool,
  };
}

interface PgClientLike {
  query(sql: string): Promise<unknown>;
}

/**
 * pool_pre_ping for node-postgres: a real `select 1` before a pooled connection is handed out, so a
 * connection the server closed (restart, failover, idle timeout) is replaced instead of failing the
 * request. Bounded by a timer so a black-holed socket cannot stall the checkout. A connection checked
 * out less than `idleMs` ago is handed out without the round trip (see `PoolSettings.validateIdleMs`).
 * @internal exported for its tests
 */
export function pgPrePing(timeoutMs: number, idleMs: number) {
  const lastCheckout = new WeakMap<object, number>();
  const ping = async (connection: unknown): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, timeoutMs);
    });
    try {
      const answered = (connection as PgClientLike).query('select 1').then(
        () => true,
        () => false,
      );
      return await Promise.race([answered, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  // A connection checked out within the window is answered without a promise (knex awaits either):
  // under load that is every checkout, so it saves one promise on each.
  return (connection: unknown): boolean | Promise<boolean> => {
    const now = performance.now();
    const previous = lastCheckout.get(connection as object);
    lastCheckout.set(connection as object, now);
    if (previous !== undefined && now - previous < idleMs) {
      return true;
    }
    return ping(connection);
  };
}

function pgConnection(url: PostgresDatabaseUrl, pool: PoolSettings): Dictionary {
  const connection: Dictionary = { connectionTimeoutMillis: pool.connectTimeoutMs };
  if (url.ssl !== undefined) {
    connection.ssl = url.ssl;
  }
  return connection;
}

function mssqlConnection(url: MsSqlDatabaseUrl, pool: PoolSettings): Dictionary {
  const options: Dictionary = {
    encrypt: url.encrypt,
    trustServerCertificate: url.trustServerCertificate,
    connectTimeout: pool.connectTimeoutMs,
    // The tedious type of each bound value (datetime2 for dates): knex reads it from here.
    mapBinding: mapMsSqlBinding,
  };
  if (url.instanceName !== undefined) {
    options.instanceName = url.instanceName;
  }
  return { options };
}

function serverFields(url: Exclude<DatabaseUrl, { dialect: 'pglite' }>): ConnectionOptions {
  return { host: url.host, port: url.port, user: url.user, password: url.password, dbName: url.dbName };
}

function connectionDriverOptions(url: Exclude<DatabaseUrl, { dialect: 'pglite' }>, pool: PoolSettings): Dictionary {
  return url.dialect === 'mssql' ? mssqlConnection(url, pool) : pgConnection(url, pool);
}

function readReplicas(env: DatabaseEnv, primary: DatabaseUrl, pool: PoolSettings, log: KnexLog): ConnectionOptions[] {
  const raw = env.DATABASE_REPLICA_URLS?.trim();
  if (!raw) {
    return [];
  }
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((text, i) => {
      const url = parseDatabaseUrl(text, { setting: 'DATABASE_REPLICA_URLS' });
      if (url.dialect === 'pglite' || url.dialect !== primary.dialect) {
        throw new DatabaseConfigError(
          'DATABASE_REPLICA_URLS',
          `DATABASE_REPLICA_URLS entry ${i + 1} must be a ${primary.dialect} server URL like DATABASE_URL (got ${url.dialect}).`,
        );
      }
      return { name: `replica-${i + 1}`, ...serverFields(url), driverOptions: { connection: connectionDriverOptions(url, pool), log } };
    });
}

function dialectOptions(url: DatabaseUrl, env: DatabaseEnv, log: KnexLog): Partial<OrmOptions> {
  if (url.dialect === 'pglite') {
    if (env.DATABASE_REPLICA_URLS?.trim()) {
      throw new DatabaseConfigError('DATABASE_REPLICA_URLS', 'DATABASE_REPLICA_URLS needs a server DATABASE_URL (postgresql:// or mssql://); unset it for pglite.');
    }
    return {
      driver: SolomonPGliteDriver,
      // PGlite's own database. The name only serves MikroORM's bookkeeping: the data folder is the database.
      dbName: 'postgres',
      // One in-process connection. It must never be recycled or reaped: closing it would throw away an
      // in-memory database, so pool lifetime/idle/validate settings do not apply here.
      pool: { min: 1, max: 1 },
      driverOptions: url.dataDir === undefined ? { log } : { connection: { filename: url.dataDir }, log },
    };
  }
  const pool = readPoolSettings(env);
  const validate = pool.validate && url.dialect === 'postgresql' ? pgPrePing(Math.min(pool.acquireTimeoutMs, 5_000), pool.validateIdleMs) : undefined;
  const { pool: tarn, knexPool } = serverPool(pool, validate);
  const replicas = readReplicas(env, url, pool, log);
  return {
    // SQL Server checks its connections itself before reuse (knex drops those whose socket closed);
    // a SELECT 1 pre-ping would need tedious' Request API and is left out.
    driver: url.dialect === 'mssql' ? SolomonMsSqlDriver : SolomonPostgreSqlDriver,
    ...serverFields(url),
    pool: tarn,
    driverOptions: { connection: connectionDriverOptions(url, pool), pool: knexPool, log },
    ...(replicas.length > 0 ? { replicas, preferReadReplicas: true } : {}),
  };
}

/**
 * Builds the MikroORM options for the app, the CLI, the tests and the benchmarks. The dialect comes
 * from `DATABASE_URL` (see {@link parseDatabaseUrl}); unset, it is an embedded PGlite database in
 * `<workspace root>/.data/pglite`. Pool, replica and debug settings come from the environment (see the
 * README's table); `overrides` win over everything (e.g. `{ entities: [...] }` in tests,
 * `{ connect: false }` to render DDL without a server).
 *
 * Always: the explicit `entities` array of `@eventlead/models`, Solomon naming, `forceUtcTimezone`,
 * `allowGlobalContext: false`, the soft-delete filter, the audit and soft-delete subscribers, typed
 * `NotFoundError`s whose messages omit the search condition, and no query parameters in logs; the
 * audit trail of dbo.User and dbo.Company (`auditTrailSubscriber`). A `logger` override (a
 * {@link DatabaseLogWriter}) receives knex's warnings as well as MikroORM's lines, uncoloured.
 * @throws {DatabaseConfigError} for an invalid URL or setting; messages never contain passwords.
 * @example
 * const orm = await MikroORM.init(createOrmConfig());
 * const orm = await MikroORM.init(createOrmConfig({ DATABASE_URL: 'pglite://memory' }, { entities: [Thing] }));
 */
export function createOrmConfig(env: DatabaseEnv = process.env, overrides: Partial<OrmOptions> = {}): OrmOptions {
  const url = parseDatabaseUrl(resolveDatabaseUrl(env).url);
  // A `logger` (the app's) takes knex's lines too, so nothing reaches the console around it.
  const writer: DatabaseLogWriter | undefined = overrides.logger;
  const base: OrmOptions = {
    ...dialectOptions(url, env, writer === undefined ? knexLog : knexLogTo(writer)),
    entities,
    namingStrategy: SolomonNamingStrategy,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // Entities are an explicit array of EntitySchemas: no folder scanning, no reflection, and no
    // metadata cache files (there is nothing for a cache to save with EntitySchema definitions).
    discovery: { requireEntitiesArray: true, disableDynamicFileAccess: true, inferDefaultValues: false },
    metadataCache: { enabled: false },
    // A missing database is a deployment error to report, not something to create behind the operator's back.
    ensureDatabase: false,
    filters: { [SOFT_DELETE_FILTER]: softDeleteFilter },
    // Order matters: soft delete turns deletes into updates; the audit trail then records the field
    // changes (a soft delete as DELETE) before audit columns stamp the updates, because that stamping
    // recomputes change sets and MikroORM then moves changed unique columns (Email) off the entity.
    subscribers: [new SoftDeleteSubscriber(), auditTrailSubscriber, new AuditColumnsSubscriber()],
    findOneOrFailHandler: (entityName: string) => new NotFoundError(entityName),
    findExactlyOneOrFailHandler: (entityName: string) => new NotFoundError(entityName),
    debug: readDebug(env),
    // MikroORM colours its lines by default, so escape codes ended up in log files and JSON lines:
    // colour only when it writes to a terminal itself. (MikroORM keeps this setting process-wide.)
    // isTTY is undefined when stdout is a file or a pipe, whatever its declared type says.
    colors: writer === undefined && (process.stdout.isTTY as boolean | undefined) === true,
  };
  const merged: OrmOptions = { ...base, ...overrides };
  merged.debug = safeDebug(merged.debug);
  return merged;
}
