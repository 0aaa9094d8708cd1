import { join } from 'node:path';
import { knexLog } from './knex-log';
import { createOrmConfig } from './config';
import { defaultDatabaseUrl, parseDatabaseUrl, resolveDatabaseUrl } from './database-url';
import { DatabaseConfigError } from './errors';
import { explainDatabaseFailure } from './explain-failure';
import { SolomonMsSqlDriver } from './naming/mssql-driver';
import { SolomonPGliteDriver, SolomonPostgreSqlDriver } from './naming/postgres-drivers';
import { SolomonNamingStrategy } from './naming/solomon-naming-strategy';
import { readPoolSettings } from './pool-settings';
import { redactUrl } from './redact-url';
import { findWorkspaceRoot } from './workspace-root';

const root = findWorkspaceRoot();

describe('parseDatabaseUrl', () => {
  test.each([
    ['pglite://memory', { dialect: 'pglite', dataDir: undefined }],
    ['pglite://:memory:', { dialect: 'pglite', dataDir: undefined }],
    ['pglite:///var/lib/eventlead', { dialect: 'pglite', dataDir: '/var/lib/eventlead' }],
    ['pglite://.data/dev', { dialect: 'pglite', dataDir: join(root, '.data/dev') }],
    // An @ or a : alone is a folder name like any other.
    ['pglite://.data/v2@home', { dialect: 'pglite', dataDir: join(root, '.data/v2@home') }],
    ['pglite://.data/a:b', { dialect: 'pglite', dataDir: join(root, '.data/a:b') }],
    [
      'postgresql://app:s3cret@db.internal:6543/eventlead',
      { dialect: 'postgresql', host: 'db.internal', port: 6543, user: 'app', password: 's3cret', dbName: 'eventlead', ssl: undefined },
    ],
    [
      'postgres://app@localhost/eventlead?sslmode=no-verify',
      { dialect: 'postgresql', host: 'localhost', port: undefined, user: 'app', password: undefined, dbName: 'eventlead', ssl: { rejectUnauthorized: false } },
    ],
    ['postgres://h/db?sslmode=require', { dialect: 'postgresql', ssl: true }],
    ['postgres://h/db?sslmode=disable', { dialect: 'postgresql', ssl: false }],
    [
      'mssql://sa:p%40ss@sql.example.com:1433/EventLead?encrypt=true&trustServerCertificate=false',
      {
        dialect: 'mssql',
        host: 'sql.example.com',
        port: 1433,
        user: 'sa',
        password: 'p@ss',
        dbName: 'EventLead',
        encrypt: true,
        trustServerCertificate: false,
        instanceName: undefined,
      },
    ],
    [
      'mssql://app:pw@sqlhost/EventLead?encrypt=false&trustServerCertificate=true&instanceName=SQLEXPRESS',
      { dialect: 'mssql', host: 'sqlhost', port: undefined, encrypt: false, trustServerCertificate: true, instanceName: 'SQLEXPRESS' },
    ],
    ['mssql://app:pw@sqlhost/EventLead', { dialect: 'mssql', encrypt: true, trustServerCertificate: false }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toMatchObject(expected);
  });

  test.each([
    ['mysql://root:hunter2@localhost/db', 'unsupported scheme mysql://'],
    ['not a url', 'is not a database URL'],
    ['pglite://', 'without a folder'],
    ['pglite://app:hunter2@db.internal/eventlead', 'looks like a user and password'],
    ['pglite://app:hunter2@/tmp/x', 'looks like a user and password'],
    ['postgresql://user:hunter2@/db', 'is not a valid URL'],
    ['postgresql:///db', 'has no host'],
    ['postgresql://user:hunter2@host', 'must name one database'],
    ['postgresql://user:hunter2@host:99999/db', 'is not a valid URL'],
    ['postgres://user:hunter2@host/db?sslmode=maybe', 'sslmode=maybe'],
    ['mssql://host/db', 'needs a user'],
    ['mssql://sa:hunter2@host/db?encrypt=perhaps', 'encrypt=perhaps'],
  ])('rejects %s with a DatabaseConfigError that hides the password', (url, problem) => {
    let caught: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DatabaseConfigError);
    const error = caught as DatabaseConfigError;
    expect(error.setting).toBe('DATABASE_URL');
    expect(error.message).toContain(problem);
    expect(error.message).toContain('Set DATABASE_URL to');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('a malformed database URL never shows its password', () => {
  const FORM = 'Set DATABASE_URL to pglite://memory, pglite://<folder>, postgresql://user:password@host:5432/database or mssql://';

  function refusal(env: Record<string, string>): DatabaseConfigError {
    let caught: unknown;
    try {
      createOrmConfig(env);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DatabaseConfigError);
    return caught as DatabaseConfigError;
  }

  test.each([
    ['postgresql:/postgres:S3cretPW@127.0.0.1/test', 'it starts with postgresql but not with postgresql:// (the colon and both slashes)'],
    ['postgres//postgres:S3cretPW@127.0.0.1/test', 'it starts with postgres but not with postgres://'],
    ['postgresql:postgres:S3cretPW@127.0.0.1/test', 'it starts with postgresql but not with postgresql://'],
    ['S3cretPW', 'it does not start with a scheme such as postgresql://'],
    ['postgresql://postgres:S3c/retPW@127.0.0.1/test', 'is not a valid URL (got postgresql://***@127.0.0.1/test)'],
    ['postgresql://postgres:S3cretPW', 'is not a valid URL (got postgresql://postgres:***)'],
    ['postgresql://postgres:12/S3cretPW@127.0.0.1/test', 'must name one database in its path (got postgresql://***@127.0.0.1/test)'],
  ])('DATABASE_URL=%s names the variable and the expected form, and hides the secret', (url, problem) => {
    const error = refusal({ DATABASE_URL: url });
    expect(error.setting).toBe('DATABASE_URL');
    expect(error.message).toMatch(/^DATABASE_URL /);
    expect(error.message).toContain(problem);
    expect(error.message).toContain(FORM);
    expect(error.message).not.toContain('S3c');
  });

  test('DATABASE_REPLICA_URLS: the same, naming that variable', () => {
    const error = refusal({ DATABASE_URL: 'postgresql://app@db/eventlead', DATABASE_REPLICA_URLS: 'postgresql://app@r1/eventlead,postgres//u:S3cretPW@h/db' });
    expect(error.setting).toBe('DATABASE_REPLICA_URLS');
    expect(error.message).toContain('DATABASE_REPLICA_URLS is not a database URL: it starts with postgres but not with postgres://');
    expect(error.message).toContain('Set DATABASE_REPLICA_URLS to');
    expect(error.message).not.toContain('S3c');
  });

  test.each([
    ['password', 'postgresql://postgres:S3c%ZZret@127.0.0.1/test'],
    ['user', 'postgresql://S3c%ZZret:pw@127.0.0.1/test'],
    ['database name', 'mssql://sa:pw@127.0.0.1/S3c%ZZret'],
    ['folder', 'pglite:///tmp/S3c%ZZret'],
  ])('a malformed percent-escape in the %s says which part, how to encode it, and hides the value', (part, url) => {
    const error = refusal({ DATABASE_URL: url });
    expect(error.setting).toBe('DATABASE_URL');
    expect(error.message).toContain(`DATABASE_URL has a malformed percent-escape in its ${part} (a % must be followed by two hex digits; the value is not shown).`);
    expect(error.message).toContain('encodeURIComponent');
    expect(error.message).toContain(FORM);
    expect(error.message).not.toContain('S3c');
    expect(error.message).not.toContain('URI malformed');
  });
});

describe('redactUrl', () => {
  test.each([
    ['postgresql://app:s3cret@db:5432/eventlead', 'postgresql://app:***@db:5432/eventlead'],
    ['mssql://sa:p%40ss@host/db?encrypt=true', 'mssql://sa:***@host/db?encrypt=true'],
    ['postgres://app@db/eventlead', 'postgres://app@db/eventlead'],
    ['failed: postgres://a:b@h/d and mssql://c:d@h/e', 'failed: postgres://a:***@h/d and mssql://c:***@h/e'],
    ['mssql://h/db?user=sa&password=hunter2&encrypt=true', 'mssql://h/db?user=sa&password=***&encrypt=true'],
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});

describe('readPoolSettings', () => {
  test('defaults', () => {
    expect(readPoolSettings({})).toEqual({
      min: 0,
      max: 10,
      acquireTimeoutMs: 10_000,
      idleTimeoutMs: 30_000,
      maxLifetimeMs: 3_600_000,
      validate: true,
      validateIdleMs: 1_000,
      connectTimeoutMs: 10_000,
    });
  });

  test('environment overrides', () => {
    expect(
      readPoolSettings({
        DATABASE_POOL_MIN: '2',
        DATABASE_POOL_MAX: '20',
        DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '500',
        DATABASE_POOL_IDLE_TIMEOUT_MS: '1000',
        DATABASE_POOL_MAX_LIFETIME_MS: '0',
        DATABASE_POOL_VALIDATE: 'false',
        DATABASE_POOL_VALIDATE_IDLE_MS: '0',
        DATABASE_CONNECT_TIMEOUT_MS: '250',
      }),
    ).toEqual({ min: 2, max: 20, acquireTimeoutMs: 500, idleTimeoutMs: 1000, maxLifetimeMs: 0, validate: false, validateIdleMs: 0, connectTimeoutMs: 250 });
  });

  test.each([
    [{ DATABASE_POOL_MAX: 'ten' }, 'DATABASE_POOL_MAX'],
    [{ DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX'],
    [{ DATABASE_POOL_MIN: '-1' }, 'DATABASE_POOL_MIN'],
    [{ DATABASE_POOL_MIN: '5', DATABASE_POOL_MAX: '2' }, 'DATABASE_POOL_MIN'],
    [{ DATABASE_POOL_VALIDATE: 'sometimes' }, 'DATABASE_POOL_VALIDATE'],
    [{ DATABASE_POOL_VALIDATE_IDLE_MS: '-5' }, 'DATABASE_POOL_VALIDATE_IDLE_MS'],
  ])('rejects %p', (env, setting) => {
    expect(() => readPoolSettings(env)).toThrow(expect.objectContaining({ setting }) as Error);
  });
});

describe('createOrmConfig', () => {
  test('defaults to embedded PGlite in <workspace root>/.data/pglite', () => {
    expect(defaultDatabaseUrl()).toBe(`pglite://${join(root, '.data', 'pglite')}`);
    const config = createOrmConfig({});
    expect(config.driver).toBe(SolomonPGliteDriver);
    expect(config.driverOptions).toEqual({ connection: { filename: join(root, '.data', 'pglite') }, log: knexLog });
  });

  test.each([[undefined], [''], ['   '], ['\t\n']])('DATABASE_URL %p means unset: the embedded default, for every reader', (value) => {
    const env = value === undefined ? {} : { DATABASE_URL: value };
    const fallback = { url: defaultDatabaseUrl(), fromEnv: false };
    expect(resolveDatabaseUrl(env)).toEqual(fallback);
    expect(createOrmConfig(env).driverOptions).toEqual(createOrmConfig({}).driverOptions);
    // The failure message of the embedded default keeps the error's own words (no server to name).
    expect(explainDatabaseFailure(new Error('boom'), env)).toBe('boom');
  });

  test('a set DATABASE_URL is used trimmed', () => {
    expect(resolveDatabaseUrl({ DATABASE_URL: '  pglite://memory \n' })).toEqual({ url: 'pglite://memory', fromEnv: true });
  });

  test('workspace root is the nearest folder with pnpm-workspace.yaml, from any package', () => {
    expect(findWorkspaceRoot(join(root, 'apps', 'api', 'src'))).toBe(root);
    expect(findWorkspaceRoot(join(root, 'packages', 'db'))).toBe(root);
  });

  test.each([
    ['pglite://memory', SolomonPGliteDriver],
    ['postgresql://app:pw@db/eventlead', SolomonPostgreSqlDriver],
    ['postgres://app:pw@db/eventlead', SolomonPostgreSqlDriver],
    ['mssql://sa:pw@sql/EventLead', SolomonMsSqlDriver],
  ])('%s picks its driver; the invariants hold for every dialect', (url, driver) => {
    const config = createOrmConfig({ DATABASE_URL: url });
    expect(config.driver).toBe(driver);
    expect(config.forceUtcTimezone).toBe(true);
    expect(config.allowGlobalContext).toBe(false);
    expect(config.namingStrategy).toBe(SolomonNamingStrategy);
    expect(config.debug).toBe(false);
    expect(config.discovery).toMatchObject({ requireEntitiesArray: true, disableDynamicFileAccess: true });
    expect(config.filters).toHaveProperty('softDelete');
    expect(Array.isArray(config.entities) && config.entities.length).toBeGreaterThan(0);
  });

  test('PGlite keeps its single connection: no pool settings from the environment', () => {
    const config = createOrmConfig({ DATABASE_URL: 'pglite://memory', DATABASE_POOL_MAX: '50', DATABASE_POOL_MIN: '0' });
    expect(config.pool).toEqual({ min: 1, max: 1 });
    expect(config.driverOptions).toEqual({ log: knexLog });
  });

  test('PostgreSQL: connection fields, tarn pool, and knex-only pool options (pre-ping, lifetime)', () => {
    const config = createOrmConfig({
      DATABASE_URL: 'postgresql://app:pw@db:6543/eventlead?sslmode=require',
      DATABASE_POOL_MAX: '7',
      DATABASE_POOL_MAX_LIFETIME_MS: '60000',
    });
    expect(config).toMatchObject({ host: 'db', port: 6543, user: 'app', password: 'pw', dbName: 'eventlead' });
    expect(config.pool).toEqual({ min: 0, max: 7, acquireTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, propagateCreateError: true });
    expect(config.driverOptions).toMatchObject({
      connection: { ssl: true, connectionTimeoutMillis: 10_000 },
      pool: { maxConnectionLifetimeMillis: 60_000, maxConnectionLifetimeJitterMillis: 6_000, validate: expect.any(Function) as unknown },
    });
  });

  test('SQL Server: encrypt, trustServerCertificate and named instance reach tedious', () => {
    const config = createOrmConfig({
      DATABASE_URL: 'mssql://app:pw@sqlhost/EventLead?encrypt=true&trustServerCertificate=true&instanceName=PROD',
      DATABASE_POOL_VALIDATE: 'true',
    });
    expect(config).toMatchObject({ host: 'sqlhost', user: 'app', dbName: 'EventLead' });
    expect(config.driverOptions).toMatchObject({
      connection: { options: { encrypt: true, trustServerCertificate: true, instanceName: 'PROD', connectTimeout: 10_000 } },
    });
    expect((config.driverOptions as { pool: object }).pool).not.toHaveProperty('validate');
  });

  test('read replicas from DATABASE_REPLICA_URLS', () => {
    const config = createOrmConfig({
      DATABASE_URL: 'postgresql://app:pw@primary/eventlead',
      DATABASE_REPLICA_URLS: 'postgresql://ro:pw1@replica1/eventlead, postgresql://ro:pw2@replica2:5433/eventlead',
    });
    expect(config.preferReadReplicas).toBe(true);
    expect(config.replicas).toEqual([
      expect.objectContaining({ name: 'replica-1', host: 'replica1', user: 'ro', password: 'pw1', dbName: 'eventlead' }),
      expect.objectContaining({ name: 'replica-2', host: 'replica2', port: 5433, password: 'pw2' }),
    ]);
  });

  test.each([
    [{ DATABASE_URL: 'pglite://memory', DATABASE_REPLICA_URLS: 'postgresql://a:b@h/d' }],
    [{ DATABASE_URL: 'postgresql://a:b@h/d', DATABASE_REPLICA_URLS: 'mssql://a:hunter2@h/d' }],
    [{ DATABASE_URL: 'postgresql://a:b@h/d', DATABASE_REPLICA_URLS: 'postgresql://a:hunter2@/d' }],
  ])('rejects unusable replicas %p', (env) => {
    expect(() => createOrmConfig(env)).toThrow(DatabaseConfigError);
    expect(() => createOrmConfig(env)).toThrow(expect.objectContaining({ setting: 'DATABASE_REPLICA_URLS' }) as Error);
    expect(() => createOrmConfig(env)).not.toThrow(/hunter2/);
  });

  test('debug never includes query parameters', () => {
    expect(createOrmConfig({ DATABASE_URL: 'pglite://memory', DATABASE_DEBUG: 'true' }).debug).toEqual(['query', 'info']);
    expect(createOrmConfig({ DATABASE_URL: 'pglite://memory' }, { debug: true }).debug).not.toContain('query-params');
    expect(createOrmConfig({ DATABASE_URL: 'pglite://memory' }, { debug: ['query', 'query-params'] }).debug).toEqual(['query']);
    expect(() => createOrmConfig({ DATABASE_URL: 'pglite://memory', DATABASE_DEBUG: 'query-params' })).toThrow(DatabaseConfigError);
  });

  test('overrides win', () => {
    const config = createOrmConfig({ DATABASE_URL: 'pglite://memory' }, { entities: [], connect: false });
    expect(config.entities).toEqual([]);
    expect(config.connect).toBe(false);
  });
});
