import { Client } from 'pg';
import { Company, Membership, Person, testEntities } from '../test/fixtures/entities';
import { deadlineOf, DeadlineExceededError, setDeadline } from './deadline';
import { ForeignKeyError, NotFoundError, UniqueConflictError } from './errors';
import { mapDatabaseError } from './map-database-error';
import { describeEachDatabase } from './testing';
import { transactional } from './transaction';

describeEachDatabase(
  'transactions and typed errors',
  (getDb) => {
    test('commits everything together', async () => {
      await transactional(getDb().em(), async (tx) => {
        const person = tx.create(Person, { email: 'a@example.com' });
        const company = tx.create(Company, { name: 'A Pty Ltd' });
        tx.create(Membership, { person, company });
        await Promise.resolve();
      });
      const em = getDb().em();
      expect(await em.count(Person)).toBe(1);
      expect(await em.count(Membership)).toBe(1);
    });

    test('a thrown error leaves nothing behind, even rows already flushed inside', async () => {
      await expect(
        transactional(getDb().em(), async (tx) => {
          tx.create(Person, { email: 'b@example.com' });
          await tx.flush();
          tx.create(Company, { name: 'B Pty Ltd' });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const em = getDb().em();
      expect(await em.count(Person)).toBe(0);
      expect(await em.count(Company)).toBe(0);
    });

    test('nested calls join the outer transaction: an inner failure rolls back the outer work', async () => {
      await expect(
        transactional(getDb().em(), async (outer) => {
          outer.create(Person, { email: 'outer@example.com' });
          await outer.flush();
          await transactional(outer, async (inner) => {
            expect(inner).toBe(outer);
            inner.create(Company, { name: 'Inner Pty Ltd' });
            await inner.flush();
            throw new Error('inner failed');
          });
        }),
      ).rejects.toThrow('inner failed');
      expect(await getDb().em().count(Person)).toBe(0);
      expect(await getDb().em().count(Company)).toBe(0);
    });

    test('a duplicate key surfaces as UniqueConflictError with the constraint name, and no values', async () => {
      await transactional(getDb().em(), async (tx) => {
        tx.create(Person, { email: 'dup@example.com' });
        await Promise.resolve();
      });
      const attempt = transactional(getDb().em(), async (tx) => {
        tx.create(Person, { email: 'dup@example.com' });
        await Promise.resolve();
      });
      await expect(attempt).rejects.toBeInstanceOf(UniqueConflictError);
      await attempt.catch((err: unknown) => {
        const error = err as UniqueConflictError;
        expect(error.statusCode).toBe(409);
        expect(error.code).toBe('DB_UNIQUE_CONFLICT');
        expect(error.constraint).toBe('UQ_Person_Email');
        expect(error.message).toBe('Unique constraint UQ_Person_Email violated');
        expect(error.message).not.toContain('dup@example.com');
      });
    });

    test('a dangling foreign key maps to ForeignKeyError', async () => {
      // A bare em.insert() is outside transactional(), so the caller maps the error itself.
      let mapped: unknown;
      try {
        await getDb().em().insert(Membership, { person: 999, company: 999 });
      } catch (err) {
        mapped = mapDatabaseError(err);
      }
      expect(mapped).toBeInstanceOf(ForeignKeyError);
      expect(mapped).toMatchObject({
        statusCode: 409,
        constraint: expect.stringMatching(/^FK_Membership_/) as unknown,
      });
    });

    test('findOneOrFail misses raise NotFoundError naming only the entity', async () => {
      const attempt = getDb().em().findOneOrFail(Person, { email: 'secret@example.com' });
      await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
      await expect(attempt).rejects.toMatchObject({ statusCode: 404, message: 'Person not found' });
    });

    test('a transaction whose deadline fires while it runs is rolled back, never committed', async () => {
      const controller = new AbortController();
      const attempt = transactional(
        getDb().em(),
        async (tx) => {
          tx.create(Person, { email: 'late@example.com' });
          await tx.flush();
          controller.abort();
        },
        { deadline: { signal: controller.signal, expiresAt: Date.now() + 60_000 } },
      );
      await expect(attempt).rejects.toBeInstanceOf(DeadlineExceededError);
      await expect(attempt).rejects.toMatchObject({ statusCode: 503, code: 'DB_DEADLINE_EXCEEDED' });
      expect(await getDb().em().count(Person, { email: 'late@example.com' })).toBe(0);
    });

    test('the deadline set on a unit of work reaches transactional on it and its forks without being passed; a passed one starts nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      const em = getDb().em();
      const deadline = { signal: controller.signal, expiresAt: Date.now() + 60_000 };
      setDeadline(em, deadline);
      // A fork made afterwards carries the same deadline, its signal the caller's own (not a copy).
      const fork = em.fork({ clear: false });
      expect(deadlineOf(fork)).toBe(deadline);
      expect(deadlineOf(fork)?.signal).toBe(controller.signal);
      for (const target of [em, fork]) {
        const attempt = transactional(target, async (tx) => {
          tx.create(Person, { email: 'never@example.com' });
          await Promise.resolve();
        });
        await expect(attempt).rejects.toBeInstanceOf(DeadlineExceededError);
      }
      expect(await getDb().em().count(Person, { email: 'never@example.com' })).toBe(0);
      // The global EntityManager and other units of work have none.
      expect(deadlineOf(getDb().em())).toBeUndefined();
    });

    test('before its deadline, a transaction commits as usual (nested calls join it)', async () => {
      const em = getDb().em();
      setDeadline(em, { signal: new AbortController().signal, expiresAt: Date.now() + 60_000 });
      await transactional(em, async (tx) => {
        tx.create(Person, { email: 'intime@example.com' });
        await transactional(tx, async (inner) => {
          inner.create(Company, { name: 'In Time Pty Ltd' });
          await Promise.resolve();
        });
      });
      expect(await getDb().em().count(Person, { email: 'intime@example.com' })).toBe(1);
    });

    test('PostgreSQL: a write blocked by another connection\'s lock is cancelled by the server at the deadline', async () => {
      const db = getDb();
      if (db.kind !== 'postgresql' || db.databaseUrl === undefined) return; // PGlite has one connection: nothing can hold a lock
      const locker = new Client({ connectionString: db.databaseUrl });
      await locker.connect();
      try {
        await locker.query('begin');
        await locker.query('lock table "dbo"."Person" in access exclusive mode');
        const started = Date.now();
        const attempt = transactional(
          db.em(),
          async (tx) => {
            tx.create(Person, { email: 'blocked@example.com' });
            await Promise.resolve();
          },
          { deadline: { signal: new AbortController().signal, expiresAt: Date.now() + 500 } },
        );
        await expect(attempt).rejects.toBeInstanceOf(DeadlineExceededError);
        expect(Date.now() - started).toBeLessThan(5_000);
        await locker.query('rollback');
        expect(await db.em().count(Person, { email: 'blocked@example.com' })).toBe(0);
      } finally {
        await locker.end();
      }
    });
  },
  { overrides: { entities: testEntities } },
);
