import { Company, Membership, Person, testEntities } from '../test/fixtures/entities';
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
  },
  { overrides: { entities: testEntities } },
);
