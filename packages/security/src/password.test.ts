import {
  defaultPasswordHasher,
  hashPassword,
  needsRehash,
  passwordHashingStats,
  verifyPassword,
} from './password';
import { PasswordHasher } from './password-hasher';

describe('module-level password functions (default hasher)', () => {
  test('hash at cost 12 by default, as $2b$12$..., and verify', async () => {
    expect(defaultPasswordHasher.cost).toBe(12);
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$2b\$12\$[./A-Za-z0-9]{53}$/);
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('Correct horse battery staple', hash)).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  test('a hash made at cost 10 needs rehashing under the default policy', async () => {
    const cheap = await new PasswordHasher({ cost: 10 }).hash('correct horse battery staple');
    expect(needsRehash(cheap)).toBe(true);
  });

  test('stats report the default hasher, idle between calls', () => {
    expect(passwordHashingStats()).toEqual(defaultPasswordHasher.stats());
    expect(passwordHashingStats()).toMatchObject({ active: 0, queued: 0 });
  });
});
