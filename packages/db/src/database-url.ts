import { isAbsolute, join, resolve } from 'node:path';
import { DatabaseConfigError } from './errors';
import type { DatabaseEnv } from './pool-settings';
import { redactMalformedUrl } from './redact-url';
import { findWorkspaceRoot } from './workspace-root';

/** The database products this layer speaks to; chosen by the URL scheme. */
export type DatabaseDialect = 'pglite' | 'postgresql' | 'mssql';

/** Embedded PostgreSQL (PGlite) in a folder, or in memory when `dataDir` is undefined. */
export interface PGliteDatabaseUrl {
  /** Which product; tells the union's members apart. */
  readonly dialect: 'pglite';
  /** Absolute data folder; `undefined` means an in-memory database that dies with the process. */
  readonly dataDir: string | undefined;
}

/** Fields shared by the server databases. */
export interface ServerDatabaseUrl {
  /** The server's host name or address. */
  readonly host: string;
  /** The TCP port; undefined for the driver's default (5432, 1433). */
  readonly port: number | undefined;
  /** The login; undefined when the URL names none. */
  readonly user: string | undefined;
  /** The password, decoded; undefined when the URL has none. Never log it. */
  readonly password: string | undefined;
  /** The database to connect to (the URL's path). */
  readonly dbName: string;
}

/** A PostgreSQL server (`postgresql://` or `postgres://`). */
export interface PostgresDatabaseUrl extends ServerDatabaseUrl {
  /** Which product; tells the union's members apart. */
  readonly dialect: 'postgresql';
  /** From `?sslmode=`/`?ssl=`: `false` off, `true` verified TLS, `{ rejectUnauthorized: false }` unverified. */
  readonly ssl: boolean | { readonly rejectUnauthorized: false } | undefined;
}

/** A SQL Server (`mssql://`), production's database. */
export interface MsSqlDatabaseUrl extends ServerDatabaseUrl {
  /** Which product; tells the union's members apart. */
  readonly dialect: 'mssql';
  /** TLS for the connection (`?encrypt=`, default true as Azure SQL requires it). */
  readonly encrypt: boolean;
  /** Accept a self-signed server certificate (`?trustServerCertificate=`, default false). */
  readonly trustServerCertificate: boolean;
  /** Named instance (`?instanceName=`); the SQL Browser service resolves its port. */
  readonly instanceName: string | undefined;
}

/** A parsed `DATABASE_URL`. */
export type DatabaseUrl = PGliteDatabaseUrl | PostgresDatabaseUrl | MsSqlDatabaseUrl;

const FORMS =
  'pglite://memory, pglite://<folder>, postgresql://user:password@host:5432/database or ' +
  'mssql://user:password@host:1433/database?encrypt=true';

/** Options of {@link parseDatabaseUrl}. */
export interface ParseDatabaseUrlOptions {
  /** Name of the setting the URL came from, used in error messages. Default `DATABASE_URL`. */
  readonly setting?: string;
  /** Folder relative `pglite://` paths resolve against. Default: the workspace root. */
  readonly baseDir?: string;
}

function fail(setting: string, problem: string, cause?: unknown): never {
  throw new DatabaseConfigError(setting, `${setting} ${problem}. Set ${setting} to ${FORMS}.`, cause === undefined ? undefined : { cause });
}

/** The schemes {@link parseDatabaseUrl} knows; the only part of a value without `://` safe to repeat. */
const KNOWN_SCHEMES = ['pglite', 'postgresql', 'postgres', 'mssql'];

/**
 * `(got postgresql://***@db/eventlead)`: the value with its user and password hidden, whatever its shape
 * (see {@link redactMalformedUrl}).
 */
function got(raw: string): string {
  return `(got ${redactMalformedUrl(raw) ?? 'a value not shown'})`;
}

/**
 * Why a value without `scheme://` is not a database URL, described without repeating it: whatever
 * follows the scheme may be a password (`postgresql:/app:s3cret@db/x`, `postgres//app:s3cret@db/x`).
 */
function notAUrl(text: string): string {
  const word = /^[a-z][a-z0-9+.-]*/i.exec(text)?.[0]?.toLowerCase();
  const start = word && KNOWN_SCHEMES.includes(word) ? `it starts with ${word} but not with ${word}:// (the colon and both slashes)` : 'it does not start with a scheme such as postgresql://';
  return `is not a database URL: ${start}; the value is not shown, as it may hold a password`;
}

/**
 * Decodes one percent-encoded part of the URL; a `%` not followed by two hex digits (`S3c%ZZret`) is
 * refused naming the part, without the value (it may be the password).
 */
function decodePart(setting: string, part: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch (cause) {
    return fail(
      setting,
      `has a malformed percent-escape in its ${part} (a % must be followed by two hex digits; the value is not shown). ` +
        `Percent-encode special characters of the user, password and database name, e.g. with encodeURIComponent: node -p "encodeURIComponent('p@ss%word')" gives p%40ss%25word`,
      cause,
    );
  }
}

function parseBoolean(setting: string, name: string, value: string | null, fallback: boolean): boolean {
  if (value === null || value === '') {
    return fallback;
  }
  switch (value.toLowerCase()) {
    case 'true':
    case '1':
    case 'yes':
      return true;
    case 'false':
    case '0':
    case 'no':
      return false;
    default:
      return fail(setting, `has ${name}=${value}, which is not true or false`);
  }
}

function parseServer(setting: string, url: URL, raw: string): ServerDatabaseUrl {
  const host = decodePart(setting, 'host', url.hostname).replace(/^\[(.*)\]$/, '$1');
  if (!host) {
    fail(setting, `has no host ${got(raw)}`);
  }
  let port: number | undefined;
  if (url.port) {
    port = Number(url.port);
  }
  const dbName = decodePart(setting, 'database name', url.pathname.replace(/^\//, ''));
  if (!dbName || dbName.includes('/')) {
    fail(setting, `must name one database in its path ${got(raw)}`);
  }
  return {
    host,
    port,
    user: url.username ? decodePart(setting, 'user', url.username) : undefined,
    password: url.password ? decodePart(setting, 'password', url.password) : undefined,
    dbName,
  };
}

function parsePostgresSsl(setting: string, params: URLSearchParams): PostgresDatabaseUrl['ssl'] {
  const mode = params.get('sslmode');
  if (mode !== null) {
    switch (mode) {
      case 'disable':
        return false;
      case 'no-verify':
        return { rejectUnauthorized: false };
      case 'require':
      case 'verify-ca':
      case 'verify-full':
        return true;
      default:
        return fail(setting, `has sslmode=${mode}; use disable, no-verify, require, verify-ca or verify-full`);
    }
  }
  const ssl = params.get('ssl');
  return ssl === null ? undefined : parseBoolean(setting, 'ssl', ssl, false);
}

function parsePGlite(setting: string, raw: string, baseDir: string | undefined): PGliteDatabaseUrl {
  const rest = decodePart(setting, 'folder', raw.slice('pglite://'.length)).trim();
  if (rest === 'memory' || rest === ':memory:') {
    return { dialect: 'pglite', dataDir: undefined };
  }
  if (!rest) {
    fail(setting, 'is pglite:// without a folder (use pglite://memory for an in-memory database)');
  }
  // `pglite://user:password@host/db`: a server URL given the embedded scheme. Taken as a folder, it
  // would be created and named in the start-up log, password and all.
  if (/^[^/\\]*:[^/\\]*@/.test(rest)) {
    fail(
      setting,
      'is pglite:// with what looks like a user and password (user:password@host): an embedded database has no server and no login. ' +
        'Use pglite://<folder> for the embedded database, or postgresql://user:password@host:5432/database for a server',
    );
  }
  return { dialect: 'pglite', dataDir: isAbsolute(rest) ? rest : resolve(baseDir ?? findWorkspaceRoot(), rest) };
}

/**
 * Parses a database URL into its dialect and connection fields. The scheme picks the dialect:
 * `pglite://memory` or `pglite://<folder>` (relative folders resolve against the workspace root),
 * `postgresql://` / `postgres://`, and `mssql://user:pass@host[:port]/db?encrypt=true&trustServerCertificate=false&instanceName=X`.
 * @throws {DatabaseConfigError} when the URL is malformed; the message never contains the password.
 * @example
 * parseDatabaseUrl('postgres://app:pw@db/eventlead') // { dialect: 'postgresql', host: 'db', dbName: 'eventlead', ... }
 */
export function parseDatabaseUrl(raw: string, options: ParseDatabaseUrlOptions = {}): DatabaseUrl {
  const setting = options.setting ?? 'DATABASE_URL';
  const text = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'pglite') {
    return parsePGlite(setting, text, options.baseDir);
  }
  if (scheme !== 'postgresql' && scheme !== 'postgres' && scheme !== 'mssql') {
    return fail(setting, scheme ? `has the unsupported scheme ${scheme}://` : notAUrl(text));
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    return fail(setting, `is not a valid URL ${got(text)}`, cause);
  }
  const server = parseServer(setting, url, text);
  if (scheme === 'mssql') {
    if (!server.user) {
      fail(setting, `needs a user for SQL Server ${got(text)}`);
    }
    const instanceName = url.searchParams.get('instanceName') ?? undefined;
    return {
      dialect: 'mssql',
      ...server,
      encrypt: parseBoolean(setting, 'encrypt', url.searchParams.get('encrypt'), true),
      trustServerCertificate: parseBoolean(setting, 'trustServerCertificate', url.searchParams.get('trustServerCertificate'), false),
      instanceName: instanceName === '' ? undefined : instanceName,
    };
  }
  return { dialect: 'postgresql', ...server, ssl: parsePostgresSsl(setting, url.searchParams) };
}

/** The embedded default when `DATABASE_URL` is unset: `<workspace root>/.data/pglite`. */
export function defaultDatabaseUrl(cwd: string = process.cwd()): string {
  return `pglite://${join(findWorkspaceRoot(cwd), '.data', 'pglite')}`;
}

/** The database a process uses, as {@link resolveDatabaseUrl} finds it. */
export interface ResolvedDatabaseUrl {
  /** `DATABASE_URL` trimmed, or {@link defaultDatabaseUrl} when it is unset. */
  readonly url: string;
  /** Whether `DATABASE_URL` chose it (false: the default). */
  readonly fromEnv: boolean;
}

/**
 * The one reading of `DATABASE_URL`, shared by the ORM config, the CLI, failure messages and the API's
 * start-up: its value trimmed; unset, empty or only white space all mean "unset", that is the embedded
 * default ({@link defaultDatabaseUrl}, found from `cwd`). The URL is not parsed here (see {@link parseDatabaseUrl}).
 * @example
 * resolveDatabaseUrl({ DATABASE_URL: ' ' }) // { url: 'pglite://<workspace root>/.data/pglite', fromEnv: false }
 */
export function resolveDatabaseUrl(env: DatabaseEnv = process.env, cwd?: string): ResolvedDatabaseUrl {
  const raw = env.DATABASE_URL?.trim() ?? '';
  return raw === '' ? { url: defaultDatabaseUrl(cwd), fromEnv: false } : { url: raw, fromEnv: true };
}
