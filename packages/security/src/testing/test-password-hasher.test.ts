import { MIN_BCRYPT_COST, PasswordHasher } from '../password-hasher';
import { TEST_BCRYPT_COST, TestPasswordHasher } from './index';

describe('TestPasswordHasher (@eventlead/security/testing)', () => {
  const hasher = new TestPasswordHasher();

  afterAll(async () => {
    await hasher.close();
  });

  test('hashes with real bcrypt at cost 4, and the hash verifies', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$2b\$04\$[./A-Za-z0-9]{53}$/);
    expect(TEST_BCRYPT_COST).toBe(4);
    await expect(hasher.verify('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(hasher.verify('wrong horse battery staple', hash)).resolves.toBe(false);
  });

  test('its hashes verify with the production hasher, which wants them rehashed', async () => {
    const hash = await hasher.hash('p4ssw0rd-for-tests');
    const production = new PasswordHasher({ cost: MIN_BCRYPT_COST });
    try {
      await expect(production.verify('p4ssw0rd-for-tests', hash)).resolves.toBe(true);
      expect(production.needsRehash(hash)).toBe(true);
    } finally {
      await production.close();
    }
  });

  test('the production hasher still refuses cost 4; the test hasher accepts 4 to 31 and refuses 3', () => {
    expect(() => new PasswordHasher({ cost: TEST_BCRYPT_COST })).toThrow('bcrypt cost must be an integer from 10 to 31, got 4');
    expect(new TestPasswordHasher({ cost: 10 }).cost).toBe(10);
    expect(() => new TestPasswordHasher({ cost: 3 })).toThrow('bcrypt cost must be an integer from 4 to 31, got 3');
  });

  test('passes the other options through (concurrency, queue)', async () => {
    const limited = new TestPasswordHasher({ maxConcurrency: 1, maxQueue: 1 });
    try {
      expect(limited.stats()).toMatchObject({ maxConcurrency: 1, maxQueue: 1 });
    } finally {
      await limited.close();
    }
  });
});
