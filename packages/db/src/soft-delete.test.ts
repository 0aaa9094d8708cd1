import { Company, LoginEvent, Membership, Person, testEntities } from '../test/fixtures/entities';
import { setActor } from './actor';
import { includeDeleted } from './soft-delete';
import { describeEachDatabase } from './testing';

interface Row {
  IsDeleted: boolean;
  DeletedDate: Date | string | null;
  DeletedBy: number | string | null;
}

describeEachDatabase(
  'soft delete',
  (getDb) => {
    async function rawPerson(id: number): Promise<Row | undefined> {
      const rows = await getDb()
        .em()
        .getConnection()
        .execute<Row[]>('select "IsDeleted", "DeletedDate", "DeletedBy" from "dbo"."Person" where "PersonID" = ?', [id]);
      return rows[0];
    }

    test('em.remove + flush keeps the row, marks it deleted by the acting user, and hides it', async () => {
      const em = getDb().em();
      setActor(em, 42);
      const person = em.create(Person, { email: 'gone@example.com' });
      await em.flush();

      em.remove(person);
      await em.flush();

      expect(await rawPerson(person.id)).toMatchObject({ IsDeleted: true, DeletedBy: expect.anything() as unknown });
      const row = await rawPerson(person.id);
      expect(Number(row?.DeletedBy)).toBe(42);
      expect(row?.DeletedDate).not.toBeNull();

      // Hidden from every read of a fresh unit of work ...
      const reader = getDb().em();
      expect(await reader.findOne(Person, person.id)).toBeNull();
      expect(await reader.count(Person)).toBe(0);
      expect(await reader.find(Person, { email: 'gone@example.com' })).toEqual([]);
      // ... and from the fork that deleted it (no stale identity-map hit).
      expect(await em.findOne(Person, person.id)).toBeNull();
    });

    test('includeDeleted() and { filters: { softDelete: false } } show soft-deleted rows', async () => {
      const em = getDb().em();
      const person = em.create(Person, { email: 'kept@example.com' });
      await em.flush();
      em.remove(person);
      await em.flush();

      const reader = getDb().em();
      const found = await reader.findOne(Person, person.id, includeDeleted());
      expect(found).toMatchObject({ email: 'kept@example.com', isDeleted: true });
      expect(await getDb().em().count(Person, {}, { filters: { softDelete: false } })).toBe(1);
    });

    test('a second flush after a soft delete writes nothing more', async () => {
      const em = getDb().em();
      const person = em.create(Person, { email: 'once@example.com' });
      await em.flush();
      em.remove(person);
      await em.flush();
      const first = await rawPerson(person.id);
      await em.flush();
      expect(await rawPerson(person.id)).toEqual(first);
    });

    test('entities without IsDeleted are really deleted', async () => {
      const em = getDb().em();
      const event = em.create(LoginEvent, { email: 'x@example.com' });
      await em.flush();
      em.remove(event);
      await em.flush();
      const rows = await getDb()
        .em()
        .getConnection()
        .execute<unknown[]>('select 1 from "log"."LoginEvent" where "LoginEventID" = ?', [event.id]);
      expect(rows).toHaveLength(0);
    });

    describe('relations: a soft-deleted row is hidden as a relation target too', () => {
      async function seed() {
        const em = getDb().em();
        const person = em.create(Person, { email: 'live@example.com' });
        const live = em.create(Company, { name: 'Live Pty Ltd' });
        const gone = em.create(Company, { name: 'Gone Pty Ltd' });
        em.create(Membership, { person, company: live, isDefault: true });
        em.create(Membership, { person, company: gone });
        await em.flush();
        em.remove(gone);
        await em.flush();
        return { personId: person.id, goneId: gone.id };
      }

      test('the live person stays visible; its memberships list only live companies', async () => {
        const { personId } = await seed();
        const em = getDb().em();
        const person = await em.findOneOrFail(Person, personId, { populate: ['memberships.company'] });
        expect(person.memberships.getItems().map((m) => m.company.name)).toEqual(['Live Pty Ltd']);
      });

      test('a membership pointing at a soft-deleted company is hidden with it (joined filter)', async () => {
        const { goneId } = await seed();
        const em = getDb().em();
        expect(await em.find(Membership, { company: goneId })).toEqual([]);
        expect(await em.count(Membership)).toBe(1);
      });

      test('includeDeleted() brings both back', async () => {
        const { personId } = await seed();
        const em = getDb().em();
        const person = await em.findOneOrFail(Person, personId, { ...includeDeleted(), populate: ['memberships.company'] });
        expect(person.memberships.getItems().map((m) => m.company.name).sort()).toEqual(['Gone Pty Ltd', 'Live Pty Ltd']);
      });
    });
  },
  { overrides: { entities: testEntities } },
);
