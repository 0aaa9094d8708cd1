import { DatabaseNotReadyError, migrateUp, parseDatabaseUrl, ping, seedReferenceData, type Orm, type PingFailure, type ResolvedDatabaseUrl } from '@eventlead/db';
import type { FastifyBaseLogger } from 'fastify';

/** What {@link prepareDatabase} did. */
export interface DatabasePreparation {
  /** Names of the migrations it applied (none when the schema was up to date). */
  readonly migrated: readonly string[];
  /** Reference rows it inserted or changed (0 when the reference data was already in place). */
  readonly seeded: number;
}

/**
 * Names the database the API uses, for the start-up log: the product, the folder or the host, port,
 * database and user, and whether `DATABASE_URL` chose it. Never the password, and not in URL form (a
 * connection string in a log line is what the secret scans look for).
 * @example describeDatabase(resolveDatabaseUrl({ DATABASE_URL: 'postgresql://app:s3cret@db:5432/eventlead' })) // 'PostgreSQL database "eventlead" on db:5432 as app (DATABASE_URL)'
 */
export function describeDatabase({ url, fromEnv }: ResolvedDatabaseUrl): string {
  const parsed = parseDatabaseUrl(url);
  const source = fromEnv ? ' (DATABASE_URL)' : ' (DATABASE_URL is not set: the default)';
  if (parsed.dialect === 'pglite') {
    return `embedded PGlite ${parsed.dataDir === undefined ? 'in memory' : `in ${parsed.dataDir}`}${source}`;
  }
  const product = parsed.dialect === 'postgresql' ? 'PostgreSQL' : 'SQL Server';
  const port = parsed.port === undefined ? '' : `:${parsed.port}`;
  const user = parsed.user === undefined ? '' : ` as ${parsed.user}`;
  return `${product} database "${parsed.dbName}" on ${parsed.host}${port}${user}${source}`;
}

/** The start-up line saying what {@link prepareDatabase} did: migrated N, seeded, or nothing. */
export function describePreparation({ migrated, seeded }: DatabasePreparation): string {
  const parts = [
    migrated.length === 0 ? 'no migrations to apply' : `applied ${migrated.length} migration(s) (${migrated.join(', ')})`,
    seeded === 0 ? 'reference data already in place' : `seeded ${seeded} reference row(s)`,
  ];
  return `database ${migrated.length === 0 && seeded === 0 ? 'up to date' : 'prepared'}: ${parts.join('; ')}`;
}

/**
 * Brings the database up to date before the API serves: applies the committed migrations (all or
 * none) and writes the reference data (idempotent), exactly as `pnpm db:migrate && pnpm db:seed` do,
 * and logs what it did. The schema is never derived from the entities at start-up: that diff cannot be
 * reviewed, and on PostgreSQL it failed the second start of a database (it re-created a CHECK
 * constraint by an unquoted name that does not exist).
 */
export async function prepareDatabase(orm: Orm, logger: FastifyBaseLogger): Promise<DatabasePreparation> {
  const migrated = await migrateUp(orm);
  const counts = await seedReferenceData(orm);
  const seeded = Object.values(counts).reduce((sum, count) => sum + count.inserted + count.updated, 0);
  const preparation = { migrated, seeded };
  logger.info(describePreparation(preparation));
  return preparation;
}

/**
 * The start-up line for a read replica that did not answer: which entry of DATABASE_REPLICA_URLS, where
 * it points (never the password), what happens while it is down and what to do.
 */
export function describeReplicaFailure({ connection, setting, target, reason }: PingFailure): string {
  return (
    `Read replica ${connection} (${setting}: ${target}) ${reason}. The API starts anyway: reads sent to it fail with 503 ` +
    `and /health/ready answers 503 naming it until it answers. Start the replica, or remove it from DATABASE_REPLICA_URLS.`
  );
}

/**
 * Start-up's check of the read replicas (DATABASE_REPLICA_URLS), after {@link prepareDatabase} reached
 * the primary: one round trip on each ({@link ping}); every replica that did not answer is logged at
 * error level. A replica that is down does not fail the start: behind a load balancer, /health/ready
 * answers 503 meanwhile (so no traffic arrives) and turns 200 by itself once the replica is back,
 * whereas refusing to start would put every instance of a deployment into a restart loop for a
 * replica outage, and a replica blip during a rolling deploy would stop the deploy. The primary is
 * different: the migrations need it, so {@link prepareDatabase} fails the start without it.
 * @returns the replicas that did not answer (none when all did, or there are none)
 * @throws {DatabaseNotReadyError} when the primary itself did not answer
 */
export async function checkReplicas(orm: Orm, logger: FastifyBaseLogger, timeoutMs = 5_000): Promise<readonly PingFailure[]> {
  try {
    await ping(orm, { timeoutMs });
    return [];
  } catch (error) {
    if (!(error instanceof DatabaseNotReadyError) || error.failures.some((f) => f.connection === 'primary')) throw error;
    for (const failure of error.failures) {
      logger.error(describeReplicaFailure(failure));
    }
    return error.failures;
  }
}
