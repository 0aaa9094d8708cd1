import { Company, Membership, testEntities, Person } from '../../test/fixtures/entities';
import { createTestDatabase, describeEachDatabase, testDatabaseKinds } from '.';

describe('testDatabaseKinds', () => {
  test.each([
    [{}, ['pglite']],
    [{ CI: 'false' }, ['pglite']],
    [{ TEST_POSTGRES_URL: 'postgresql://postgres@127.0.0.1:5432/test' }, ['pglite', 'postgresql']],
    [{ CI: 'true', TEST_POSTGRES_URL: 'postgresql://postgres@127.0.0.1:5432/test' }, ['pglite', 'postgresql']],
  ])('%p → %p', (env, kinds) => {
    expect(testDatabaseKinds(env)).toEqual(kinds);
  });

  test.each([[{ CI: 'true' }], [{ CI: '1' }], [{ CI: 'true', TEST_POSTGRES_URL: '  ' }]])(
    'in CI without TEST_POSTGRES_URL the run fails instead of skipping PostgreSQL: %p',
    (env) => {
      expect(() => testDatabaseKinds(env)).toThrow(/CI is set but TEST_POSTGRES_URL is not/);
    },
  );
});

describeEachDatabase(
  'isolation',
  (getDb) => {
    test('the suite name says which database runs', () => {
      expect(expect.getState().currentTestName).toMatch(new RegExp(`^\\[${getDb().kind}\\] isolation`));
    });

    test('a test leaves rows behind ...', async () => {
      const em = getDb().em();
      em.create(Person, { email: 'left@example.com' });
      await em.flush();
    });

    test('... and the next one starts empty', async () => {
      expect(await getDb().em().count(Person)).toBe(0);
    });

    test('reset() restarts the identity of a table that is empty again but handed out ids', async () => {
      const em = getDb().em();
      const first = em.create(Person, { email: 'gone@example.com' });
      await em.flush();
      await em.nativeDelete(Person, { id: first.id });
      expect(await em.count(Person)).toBe(0);
      await getDb().reset();
      const again = getDb().em();
      const second = again.create(Person, { email: 'again@example.com' });
      await again.flush();
      expect(second.id).toBe(first.id);
    });

    test('reset() empties a table whose rows keep their identity from an explicit id', async () => {
      const em = getDb().em();
      em.create(Company, { id: 42, name: 'Explicit' });
      await em.flush();
      await getDb().reset();
      expect(await getDb().em().count(Company)).toBe(0);
    });

    test('reset() empties tables joined by foreign keys and restarts their identities', async () => {
      const em = getDb().em();
      const person = em.create(Person, { email: 'member@example.com' });
      const company = em.create(Company, { name: 'Joined' });
      em.create(Membership, { person, company });
      await em.flush();
      await getDb().reset();
      const after = getDb().em();
      expect([await after.count(Person), await after.count(Company), await after.count(Membership)]).toEqual([0, 0, 0]);
      const again = after.create(Person, { email: 'member@example.com' });
      const againCompany = after.create(Company, { name: 'Joined' });
      after.create(Membership, { person: again, company: againCompany });
      await after.flush();
      expect([again.id, againCompany.id]).toEqual([person.id, company.id]);
    });

    test('each test file gets its own database', async () => {
      const other = await createTestDatabase(getDb().kind, { overrides: { entities: testEntities } });
      try {
        const em = getDb().em();
        em.create(Person, { email: 'mine@example.com' });
        await em.flush();
        expect(await other.em().count(Person)).toBe(0);
        if (getDb().kind === 'postgresql') {
          expect(other.databaseUrl).not.toBe(getDb().databaseUrl);
          expect(other.databaseUrl).toMatch(/\/eventlead_test_[0-9a-f]{12}$/);
        }
      } finally {
        await other.close();
      }
    });
  },
  { overrides: { entities: testEntities } },
);
