import { testEntities, Person } from '../test/fixtures/entities';
import { createOrmConfig } from './config';
import { DatabaseUnavailableError } from './errors';
import { createORM } from './orm';
import { DatabaseNotReadyError, ping } from './ping';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './testing';
import { transactional } from './transaction';

describeEachDatabase(
  'ping',
  (getDb) => {
    test('resolves after a real round trip', async () => {
      await expect(ping(getDb().orm)).resolves.toBeUndefined();
    });

    test('rejects with DatabaseUnavailableError when the database cannot answer in time', async () => {
      // Hold the pool's only connection in an open transaction: the probe cannot get one.
      const holder = getDb().em();
      await holder.begin();
      try {
        const probe = ping(getDb().orm, { timeoutMs: 50 });
        await expect(probe).rejects.toBeInstanceOf(DatabaseUnavailableError);
        await expect(probe).rejects.toMatchObject({ statusCode: 503, message: 'The primary database (DATABASE_URL) did not answer within 50 ms' });
      } finally {
        await holder.rollback();
      }
      await expect(ping(getDb().orm)).resolves.toBeUndefined();
    });
  },
  { overrides: { entities: testEntities }, env: { DATABASE_POOL_MAX: '1' } },
);

describe('an unreachable server (closed port 127.0.0.1:1)', () => {
  const url = 'postgresql://eventlead:hunter2@127.0.0.1:1/eventlead';

  test('ping and transactional fail with DatabaseUnavailableError, without the password', async () => {
    const orm = await createORM(createOrmConfig({ DATABASE_URL: url }, { entities: testEntities }));
    try {
      const probe = ping(orm, { timeoutMs: 5_000 });
      await expect(probe).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(probe).rejects.toMatchObject({ code: 'DB_UNAVAILABLE', statusCode: 503 });
      await expect(probe).rejects.not.toThrow(/hunter2/);

      const write = transactional(orm.em.fork(), async (tx) => {
        tx.create(Person, { email: 'x@example.com' });
        await Promise.resolve();
      });
      await expect(write).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await orm.close(true);
    }
  });
});

// DATABASE_REPLICA_URLS needs a server primary (the embedded database has no replicas): PostgreSQL only.
(process.env.TEST_POSTGRES_URL ? describe : describe.skip)('[postgresql] ping with read replicas', () => {
  // A replica may be the primary's own database; 127.0.0.1:1 is a closed port (connection refused).
  const closed = 'postgresql://eventlead:hunter2@127.0.0.1:1/eventlead';
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql', { overrides: { entities: testEntities } });
  });
  afterAll(async () => {
    await db?.close();
  });
  const withReplicas = (...replicas: string[]) =>
    createORM(createOrmConfig({ DATABASE_URL: db?.databaseUrl, DATABASE_REPLICA_URLS: replicas.join(',') }, { entities: testEntities }));

  test('resolves when the primary and every replica answer', async () => {
    const orm = await withReplicas(db?.databaseUrl ?? '', db?.databaseUrl ?? '');
    try {
      await expect(ping(orm)).resolves.toBeUndefined();
    } finally {
      await orm.close(true);
    }
  });

  test('rejects naming the replica that cannot be reached (never its password) while the primary answers', async () => {
    const orm = await withReplicas(db?.databaseUrl ?? '', closed);
    try {
      const failure = await ping(orm, { timeoutMs: 5_000 }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(DatabaseNotReadyError);
      expect(failure).toMatchObject({
        statusCode: 503,
        message: 'Read replica replica-2 (DATABASE_REPLICA_URLS entry 2) is unavailable',
        failures: [{ connection: 'replica-2', setting: 'DATABASE_REPLICA_URLS entry 2', target: '127.0.0.1:1, database eventlead, user eventlead', reason: 'is unavailable' }],
      });
      expect(JSON.stringify(failure)).not.toMatch(/hunter2/);
    } finally {
      await orm.close(true);
    }
  });
});
