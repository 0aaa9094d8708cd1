import { testEntities, Person } from '../test/fixtures/entities';
import { createOrmConfig } from './config';
import { DatabaseUnavailableError } from './errors';
import { createORM } from './orm';
import { ping } from './ping';
import { describeEachDatabase } from './testing';
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
        await expect(probe).rejects.toMatchObject({ statusCode: 503, message: 'Database did not answer within 50 ms' });
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
