import { parseDatabaseUrl, resolveDatabaseUrl, type DatabaseUrl } from './database-url';
import { errorChain, type ErrorLike } from './error-chain';
import { DatabaseError } from './errors';
import type { DatabaseEnv } from './pool-settings';
import { redactUrl } from './redact-url';

const hasCode = (errors: ErrorLike[], ...codes: string[]) => errors.some((e) => typeof e.code === 'string' && codes.includes(e.code));
const hasMessage = (errors: ErrorLike[], pattern: RegExp) => errors.some((e) => typeof e.message === 'string' && pattern.test(e.message));

const PRODUCT = { postgresql: 'PostgreSQL server', mssql: 'SQL Server' } as const;

/** `the PostgreSQL server at db.internal:5432`. */
function server(url: Exclude<DatabaseUrl, { dialect: 'pglite' }>): string {
  return `the ${PRODUCT[url.dialect]} at ${url.host}:${url.port ?? (url.dialect === 'mssql' ? 1433 : 5432)}`;
}

/** `the PostgreSQL server at db.internal:5432 (database eventlead, user app)`: never the password. */
function target(url: Exclude<DatabaseUrl, { dialect: 'pglite' }>): string {
  return `${server(url)} (database ${url.dbName}${url.user ? `, user ${url.user}` : ''})`;
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Options of {@link explainDatabaseFailure}. */
export interface ExplainOptions {
  /** Folder the workspace root is searched from, for the default `DATABASE_URL`. */
  readonly cwd?: string;
}

/**
 * Turns a failure to reach or use the configured database into one message for people: what happened,
 * which setting points there (`DATABASE_URL`), the target (host and database, never the password) and what
 * to do. The API's startup and the `eventlead-db` CLI print the same words. Errors it does not recognise
 * keep their own message (redacted).
 * @example
 * main().catch((err) => { console.error(explainDatabaseFailure(err)); process.exit(1); });
 */
export function explainDatabaseFailure(err: unknown, env: DatabaseEnv = process.env, options: ExplainOptions = {}): string {
  const fallback = redactUrl(err instanceof DatabaseError ? `${err.message} [${err.code}]` : err instanceof Error ? err.message : String(err));
  let url: DatabaseUrl;
  try {
    url = parseDatabaseUrl(resolveDatabaseUrl(env, options.cwd).url);
  } catch {
    return fallback;
  }
  if (url.dialect === 'pglite') {
    return fallback;
  }
  const errors = errorChain(err);
  const where = target(url);
  const setting = 'DATABASE_URL';
  if (hasCode(errors, 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ESOCKET')) {
    const reason = hasCode(errors, 'ENOTFOUND', 'EAI_AGAIN') ? 'the host name does not resolve' : hasCode(errors, 'ECONNREFUSED') ? 'the connection was refused' : 'the host cannot be reached';
    return `Cannot reach ${where}: ${reason}. Start the server, or set ${setting} to where it runs.`;
  }
  if (hasCode(errors, '28P01', '28000', 'ELOGIN') || hasMessage(errors, /SASL|password authentication failed|Login failed/i)) {
    const detail = hasMessage(errors, /client password must be a string/) ? ` ${setting} has no password, and the server asks for one.` : '';
    return `${capitalised(where)} refused the login: authentication failed.${detail} Check the user and password in ${setting}.`;
  }
  if (hasCode(errors, '3D000') || hasMessage(errors, /Cannot open database .* requested by the login/)) {
    return `The database ${url.dbName} does not exist on ${server(url)}. Create it (e.g. createdb ${url.dbName}), or fix the database name in ${setting}.`;
  }
  if (hasMessage(errors, /^timeout expired$|Connection terminated due to connection timeout|Timeout acquiring a connection|did not answer within/)) {
    const configured = env.DATABASE_CONNECT_TIMEOUT_MS?.trim();
    const waited = configured === undefined || configured === '' ? '10000' : configured;
    return (
      `${capitalised(where)} accepted the connection but did not answer within ${waited} ms (DATABASE_CONNECT_TIMEOUT_MS). ` +
      `Check that ${setting} points at a database server (not another service on that port) and that it is not overloaded.`
    );
  }
  if (hasMessage(errors, /^The server does not support SSL connections$/)) {
    return (
      `${capitalised(where)} does not accept encrypted (SSL) connections, and ${setting} asks for one (sslmode or ssl). ` +
      `Remove sslmode from ${setting} (or set sslmode=disable) for a server on a trusted network, or enable SSL on the server.`
    );
  }
  if (hasCode(errors, 'ECONNRESET', 'EPIPE') || hasMessage(errors, /^Connection terminated unexpectedly$/)) {
    const how = hasCode(errors, 'ECONNRESET', 'EPIPE') ? 'reset' : 'closed';
    return (
      `${capitalised(where)} accepted the connection, then ${how} it before answering. ` +
      `Check that ${setting} points at a database server (not another service on that port) and that the server accepts connections from this host (pg_hba.conf, a firewall or a proxy in between).`
    );
  }
  return fallback;
}
