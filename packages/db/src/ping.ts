import { DatabaseUnavailableError } from './errors';
import { mapDatabaseError } from './map-database-error';
import type { Orm } from './orm';

/** Options of {@link ping}. */
export interface PingOptions {
  /** Give up after this long (default 2000 ms). */
  readonly timeoutMs?: number;
}

/**
 * Readiness probe: one real round trip (`select 1`) on the primary connection. Resolves when the
 * database answered; rejects with {@link DatabaseUnavailableError} when it refused, failed or did not
 * answer within `timeoutMs`. Needs no request context.
 * @example
 * app.get('/health/ready', async () => { await ping(orm); return { status: 'ok' }; });
 */
export async function ping(orm: Orm, options: PingOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new DatabaseUnavailableError(`Database did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([orm.config.getDriver().getConnection('write').execute('select 1', [], 'get'), timeout]);
  } catch (err) {
    const mapped = mapDatabaseError(err);
    throw mapped instanceof DatabaseUnavailableError
      ? mapped
      : new DatabaseUnavailableError('Database ping failed', { cause: err });
  } finally {
    clearTimeout(timer);
  }
}
