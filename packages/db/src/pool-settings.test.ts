import { Client } from 'pg';
import { Person, testEntities } from '../test/fixtures/entities';
import { createOrmConfig, pgPrePing } from './config';
import { createORM, type Orm } from './orm';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing';

/**
 * What the pool settings really do on a PostgreSQL server (PGlite has one in-process connection and
 * no pool to tune). Runs when TEST_POSTGRES_URL is set; in CI its absence fails the run instead.
 */
const describePostgres = testDatabaseKinds().includes('postgresql') ? describe : describe.skip;

interface TarnPool {
  min: number;
  max: number;
  acquireTimeoutMillis: number;
  idleTimeoutMillis: number;
}

function tarnPool(orm: Orm): TarnPool {
  const knex = orm.config.getDriver().getConnection('write').getKnex() as unknown as { client: { pool: TarnPool } };
  return knex.client.pool;
}

async function backendPid(orm: Orm): Promise<number> {
  const rows = await orm.config.getDriver().getConnection('write').execute<{ pid: number }[]>('select pg_backend_pid() as pid');
  return Number(rows[0]?.pid);
}

describePostgres('[postgresql] connection pool', () => {
  let db: TestDatabase;
  const orms: Orm[] = [];

  async function open(env: Record<string, string>): Promise<Orm> {
    const orm = await createORM(createOrmConfig({ DATABASE_URL: db.databaseUrl, ...env }, { entities: testEntities }));
    orms.push(orm);
    return orm;
  }

  beforeAll(async () => {
    db = await createTestDatabase('postgresql', { overrides: { entities: testEntities } });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(orms.map((orm) => orm.close(true)));
    await db.close();
  }, 60_000);

  test('pool sizes and timeouts from the environment reach the knex/tarn pool', async () => {
    const orm = await open({
      DATABASE_POOL_MIN: '1',
      DATABASE_POOL_MAX: '3',
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '1234',
      DATABASE_POOL_IDLE_TIMEOUT_MS: '4321',
    });
    expect(tarnPool(orm)).toMatchObject({ min: 1, max: 3, acquireTimeoutMillis: 1234, idleTimeoutMillis: 4321 });
  });

  test('without a lifetime limit a connection is reused', async () => {
    const orm = await open({ DATABASE_POOL_MAX: '1' });
    expect(await backendPid(orm)).toBe(await backendPid(orm));
  });

  test('DATABASE_POOL_MAX_LIFETIME_MS recycles connections (pool_recycle)', async () => {
    const orm = await open({ DATABASE_POOL_MAX: '1', DATABASE_POOL_MAX_LIFETIME_MS: '1' });
    const first = await backendPid(orm);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await backendPid(orm)).not.toBe(first);
  });

  // Within the idle window nothing is sent before the checkout: the connection is dropped once its
  // socket's end event has been handled, which takes a moment after pg_terminate_backend returns.
  test.each([
    ['pinged on every checkout', '0', 0],
    ['checked out again within the idle window, once the socket closed', '60000', 200],
  ])('a connection the server terminated is replaced (%s)', async (_case, validateIdleMs, settleMs) => {
    const orm = await open({ DATABASE_POOL_MAX: '1', DATABASE_POOL_VALIDATE_IDLE_MS: validateIdleMs });
    const email = `before-${validateIdleMs}@example.com`;
    const em = orm.em.fork();
    em.create(Person, { email });
    await em.flush();
    const doomed = await backendPid(orm);

    // knex warns "Connection Error: ..." when it disposes of the dead connection: expected here, so it
    // is kept out of the test output and checked instead.
    const warnings: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((line: unknown) => {
      warnings.push(String(line));
    });
    try {
      const admin = new Client({ connectionString: db.databaseUrl });
      await admin.connect();
      try {
        await admin.query('select pg_terminate_backend($1)', [doomed]);
      } finally {
        await admin.end();
      }
      await new Promise((resolve) => setTimeout(resolve, settleMs));

      expect(await orm.em.fork().count(Person, { email })).toBe(1);
      expect(await backendPid(orm)).not.toBe(doomed);
    } finally {
      warn.mockRestore();
    }
    expect(warnings.filter((line) => !line.startsWith('Connection Error: '))).toEqual([]);
  });

  test('pre-ping: a round trip only for a connection idle longer than the window, false for a dead one', async () => {
    const client = new Client({ connectionString: db.databaseUrl });
    await client.connect();
    const pings = jest.spyOn(client, 'query');
    const validate = pgPrePing(5_000, 50);
    try {
      expect(await validate(client)).toBe(true);
      expect(pings).toHaveBeenCalledTimes(1);
      expect(await validate(client)).toBe(true);
      expect(pings).toHaveBeenCalledTimes(1);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await validate(client)).toBe(true);
      expect(pings).toHaveBeenCalledTimes(2);
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await validate(client)).toBe(false);
    expect(await pgPrePing(5_000, 0)(client)).toBe(false);
  });

  test('read replicas serve reads; writes and transactions go to the primary', async () => {
    const replica = await createTestDatabase('postgresql', { overrides: { entities: testEntities } });
    try {
      const orm = await open({ DATABASE_REPLICA_URLS: replica.databaseUrl ?? '' });
      const writer = orm.em.fork();
      writer.create(Person, { email: 'primary@example.com' });
      await writer.flush();

      // The replica is a separate, empty database here, so where a read went is visible.
      const where = { email: 'primary@example.com' };
      expect(await orm.em.fork().count(Person, where)).toBe(0);
      const inTransaction = await orm.em.fork().transactional((tx) => tx.count(Person, where));
      expect(inTransaction).toBe(1);
    } finally {
      await replica.close();
    }
  });
});
