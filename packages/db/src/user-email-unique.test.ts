import { User, UserStatus } from '@eventlead/models';
import { UniqueConflictError } from './errors';
import { DISABLED_PASSWORD_HASH } from './seed/system-actor';
import { USER_STATUS } from './seed/reference-codes';
import { describeEachDatabase } from './testing';
import { transactional } from './transaction';

describeEachDatabase(
  'UQ_User_Email counts live users only',
  (getDb) => {
    async function createUser(email: string): Promise<User> {
      return transactional(getDb().em(), async (em) => {
        const status = await em.findOneOrFail(UserStatus, { code: USER_STATUS.active });
        return em.create(User, { email, passwordHash: DISABLED_PASSWORD_HASH, status });
      });
    }

    async function softDelete(user: User): Promise<void> {
      await transactional(getDb().em(), async (em) => {
        em.remove(await em.findOneOrFail(User, user.id));
      });
    }

    test('a soft-deleted user’s email can be used again', async () => {
      const first = await createUser('again@example.com');
      await softDelete(first);
      const second = await createUser('again@example.com');
      expect(second.id).not.toBe(first.id);
      // ... and again after the second one is deleted too: deleted rows never count.
      await softDelete(second);
      await expect(createUser('again@example.com')).resolves.toMatchObject({ email: 'again@example.com' });
    });

    test('two live users cannot share an email', async () => {
      await createUser('twice@example.com');
      await expect(createUser('twice@example.com')).rejects.toMatchObject({
        constructor: UniqueConflictError,
        constraint: 'UQ_User_Email',
      });
    });

    test('restoring a deleted user whose email was taken meanwhile conflicts', async () => {
      const first = await createUser('taken@example.com');
      await softDelete(first);
      await createUser('taken@example.com');
      const restore = transactional(getDb().em(), async (em) => {
        await em.nativeUpdate(User, { id: first.id }, { isDeleted: false }, { filters: { softDelete: false } });
      });
      await expect(restore).rejects.toBeInstanceOf(UniqueConflictError);
    });
  },
  { seed: true },
);
