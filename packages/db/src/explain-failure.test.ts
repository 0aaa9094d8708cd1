import { createServer, type Server, type Socket } from 'node:net';
import { Client as PgClient, DatabaseError as PgDatabaseError } from 'pg';
import type { AddressInfo } from 'node:net';
import { createOrmConfig } from './config';
import { explainDatabaseFailure } from './explain-failure';
import { migrateUp } from './migrations/migrate';
import { createORM } from './orm';
import { ping } from './ping';

const POSTGRES = process.env.TEST_POSTGRES_URL;
const describePostgres = POSTGRES ? describe : describe.skip;

/** What the API's startup (migrate) and the CLI (ping) get from the database at `url`. */
async function failures(url: string, env: Record<string, string> = {}): Promise<{ api: string; cli: string }> {
  const fullEnv = { DATABASE_URL: url, ...env };
  const attempt = async (fn: (orm: Awaited<ReturnType<typeof createORM>>) => Promise<unknown>) => {
    const orm = await createORM(createOrmConfig(fullEnv));
    try {
      await fn(orm);
      throw new Error('expected a failure');
    } catch (error) {
      return explainDatabaseFailure(error, fullEnv);
    } finally {
      await orm.close(true);
    }
  };
  return { api: await attempt(migrateUp), cli: await attempt((orm) => ping(orm, { timeoutMs: 20_000 })) };
}

describePostgres('connection failures name DATABASE_URL, the target and what to do (real PostgreSQL)', () => {
  jest.setTimeout(60_000);
  const server = new URL(POSTGRES ?? 'postgresql://x@127.0.0.1/x');

  test('a database that does not exist', async () => {
    const url = `postgresql://${server.username}@${server.host}/eventlead_missing_db`;
    const { api, cli } = await failures(url);
    expect(api).toBe(`The database eventlead_missing_db does not exist on the PostgreSQL server at ${server.hostname}:${server.port || 5432}. Create it (e.g. createdb eventlead_missing_db), or fix the database name in DATABASE_URL.`);
    expect(cli).toBe(api);
  });

  test('SSL asked of a server without it (sslmode=require)', async () => {
    const client = new PgClient({ connectionString: POSTGRES });
    await client.connect();
    const ssl = (await client.query<{ ssl: string }>('show ssl')).rows[0]?.ssl;
    await client.end();
    // This machine's server has SSL off; on one with SSL on there is no failure to explain.
    if (ssl !== 'off') return;
    const url = `postgresql://${server.username}:secret-pw@${server.host}/test?sslmode=require`;
    const { api, cli } = await failures(url);
    expect(api).toBe(
      `The PostgreSQL server at ${server.hostname}:${server.port || 5432} (database test, user ${server.username}) does not accept encrypted (SSL) connections, and DATABASE_URL asks for one (sslmode or ssl). ` +
        'Remove sslmode from DATABASE_URL (or set sslmode=disable) for a server on a trusted network, or enable SSL on the server.',
    );
    expect(cli).toBe(api);
    expect(api).not.toContain('secret-pw');
  });

  test('a port nothing listens on', async () => {
    const url = `postgresql://${server.username}:secret-pw@127.0.0.1:1/test`;
    const { api, cli } = await failures(url);
    expect(api).toBe(`Cannot reach the PostgreSQL server at 127.0.0.1:1 (database test, user ${server.username}): the connection was refused. Start the server, or set DATABASE_URL to where it runs.`);
    expect(cli).toBe(api);
    expect(api).not.toContain('secret-pw');
  });

  describe('a server that accepts and never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((socket) => {
        sockets.push(socket);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        silent.close(() => {
          resolve();
        });
      });
    });

    test('says how long it waited', async () => {
      const { port } = silent.address() as AddressInfo;
      const { api, cli } = await failures(`postgresql://app@127.0.0.1:${port}/eventlead`, { DATABASE_CONNECT_TIMEOUT_MS: '1500' });
      const expected = `The PostgreSQL server at 127.0.0.1:${port} (database eventlead, user app) accepted the connection but did not answer within 1500 ms (DATABASE_CONNECT_TIMEOUT_MS). Check that DATABASE_URL points at a database server (not another service on that port) and that it is not overloaded.`;
      expect(api).toBe(expected);
      expect(cli).toBe(expected);
    });
  });
});

describe('a server that accepts the connection and then drops it', () => {
  let server: Server;
  const accepted: Socket[] = [];
  let drop: (socket: Socket) => void = (socket) => socket.resetAndDestroy();
  beforeAll(async () => {
    server = createServer((socket) => {
      accepted.push(socket);
      socket.on('error', () => undefined);
      drop(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of accepted) socket.destroy();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  });

  test.each([
    ['resets', 'reset', (socket: Socket) => socket.resetAndDestroy()],
    ['closes', 'closed', (socket: Socket) => socket.end()],
  ] as const)('it %s the connection: says so, with the target and what to check', async (_label, how, dropping) => {
    drop = dropping;
    const { port } = server.address() as AddressInfo;
    const { api, cli } = await failures(`postgresql://app:secret-pw@127.0.0.1:${port}/eventlead`);
    const expected =
      `The PostgreSQL server at 127.0.0.1:${port} (database eventlead, user app) accepted the connection, then ${how} it before answering. ` +
      'Check that DATABASE_URL points at a database server (not another service on that port) and that the server accepts connections from this host (pg_hba.conf, a firewall or a proxy in between).';
    expect(api).toBe(expected);
    expect(cli).toBe(expected);
  });
});

describe('authentication failures (the server here trusts every login: real driver error objects)', () => {
  test.each([
    ['28P01 from the server', Object.assign(new PgDatabaseError('password authentication failed for user "app"', 0, 'error'), { code: '28P01', severity: 'FATAL' }), ''],
    ['no password while the server asks for one (node-postgres)', new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), ' DATABASE_URL has no password, and the server asks for one.'],
  ])('%s', (_, error, detail) => {
    const message = explainDatabaseFailure(error, { DATABASE_URL: 'postgresql://app:hunter2@db.internal:6543/eventlead' });
    expect(message).toBe(`The PostgreSQL server at db.internal:6543 (database eventlead, user app) refused the login: authentication failed.${detail} Check the user and password in DATABASE_URL.`);
  });
});
