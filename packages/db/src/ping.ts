import type { Connection } from '@mikro-orm/core';
import { DatabaseUnavailableError } from './errors';
import { mapDatabaseError } from './map-database-error';
import type { Orm } from './orm';

/** Options of {@link ping}. */
export interface PingOptions {
  /** Give up on each connection after this long (default 2000 ms). */
  readonly timeoutMs?: number;
}

/** One connection {@link ping} could not get an answer from. */
export interface PingFailure {
  /** `primary`, or the replica's name (`replica-1` for the first `DATABASE_REPLICA_URLS` entry). */
  readonly connection: string;
  /**
   * Which setting points at it, in the operator's terms: `DATABASE_URL` or `DATABASE_REPLICA_URLS
   * entry 1`.
   */
  readonly setting: string;
  /** Host, port, database and user (never the password), for logs: `127.0.0.1:5999, database app, user api`. */
  readonly target: string;
  /** What went wrong: `did not answer within 2000 ms`, `is unavailable`, `failed the ping`. */
  readonly reason: string;
  /** The connection's own failure, with the driver's error as its `cause`. */
  readonly error: DatabaseUnavailableError;
}

/**
 * {@link ping} got no answer from one or more of the connections the ORM reads or writes through:
 * `failures` says which (the primary, a read replica) and why. Still a {@link DatabaseUnavailableError}
 * (503): whoever only cares that the database is unavailable need not know this class.
 */
export class DatabaseNotReadyError extends DatabaseUnavailableError {
  /** The connections that failed, the primary first, then the replicas in configuration order. */
  readonly failures: readonly PingFailure[];

  constructor(failures: readonly PingFailure[]) {
    super(failures.map((f) => `${label(f)} ${f.reason}`).join('; '), { cause: failures[0]?.error });
    this.name = 'DatabaseNotReadyError';
    this.failures = failures;
  }
}

/** `The primary database (DATABASE_URL)`, `Read replica replica-1 (DATABASE_REPLICA_URLS entry 1)`. */
function label(failure: Pick<PingFailure, 'connection' | 'setting'>): string {
  return failure.connection === 'primary' ? `The primary database (${failure.setting})` : `Read replica ${failure.connection} (${failure.setting})`;
}

/** What a replica entry of the ORM's configuration holds that names it (never the password). */
interface ReplicaOptions {
  readonly name?: string;
  readonly host?: string;
  readonly port?: number;
  readonly dbName?: string;
  readonly user?: string;
}

interface Probe {
  readonly connection: string;
  readonly setting: string;
  readonly target: string;
  readonly client: Connection;
}

function targetOf({ host, port, dbName, user }: ReplicaOptions): string {
  const where = host === undefined ? 'embedded' : `${host}${port === undefined ? '' : `:${port}`}`;
  return `${where}${dbName ? `, database ${dbName}` : ''}${user ? `, user ${user}` : ''}`;
}

/**
 * The connections the ORM reads or writes through: the primary, then each read replica. MikroORM
 * exposes a replica only through `getConnection('read')`, which picks one at random, so the list is
 * the driver's own (protected) `replicas`, in the order of the `replicas` option it was built from.
 */
function probesOf(orm: Orm): Probe[] {
  const driver = orm.config.getDriver();
  const primary: Probe = {
    connection: 'primary',
    setting: 'DATABASE_URL',
    target: targetOf({ host: orm.config.get('host'), port: orm.config.get('port'), dbName: orm.config.get('dbName'), user: orm.config.get('user') }),
    client: driver.getConnection('write'),
  };
  const connections = (driver as unknown as { readonly replicas?: readonly Connection[] }).replicas ?? [];
  const options = orm.config.get('replicas') ?? [];
  const replicas = connections.map((client, i): Probe => {
    const replica: ReplicaOptions = options[i] ?? {};
    return { connection: replica.name ?? `replica-${i + 1}`, setting: `DATABASE_REPLICA_URLS entry ${i + 1}`, target: targetOf({ dbName: orm.config.get('dbName'), ...replica }), client };
  });
  return [primary, ...replicas];
}

/** One `select 1` on `client` within `timeoutMs`; resolves to the failure, or undefined when it answered. */
async function probe({ client, ...named }: Probe, timeoutMs: number): Promise<PingFailure | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const outcome: unknown = await Promise.race([client.execute('select 1', [], 'get'), timeout]);
    if (outcome !== 'timeout') return undefined;
    const reason = `did not answer within ${timeoutMs} ms`;
    return { ...named, reason, error: new DatabaseUnavailableError(`Database did not answer within ${timeoutMs} ms`) };
  } catch (err) {
    const mapped = mapDatabaseError(err);
    const error = mapped instanceof DatabaseUnavailableError ? mapped : new DatabaseUnavailableError('Database ping failed', { cause: err });
    return { ...named, reason: mapped instanceof DatabaseUnavailableError ? 'is unavailable' : 'failed the ping', error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness probe: one real round trip (`select 1`) on every connection the ORM reads or writes
 * through, the primary and each read replica (`DATABASE_REPLICA_URLS`), at the same time. A replica
 * that does not answer fails the reads sent to it, so it fails readiness too. Resolves when every
 * connection answered; rejects with {@link DatabaseNotReadyError} (a {@link DatabaseUnavailableError},
 * 503) naming those that refused, failed or did not answer within `timeoutMs`. Needs no request context.
 * @example
 * app.get('/health/ready', async () => { await ping(orm); return { status: 'ok' }; });
 */
export async function ping(orm: Orm, options: PingOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const outcomes = await Promise.all(probesOf(orm).map((p) => probe(p, timeoutMs)));
  const failures = outcomes.filter((outcome): outcome is PingFailure => outcome !== undefined);
  if (failures.length > 0) {
    throw new DatabaseNotReadyError(failures);
  }
}
