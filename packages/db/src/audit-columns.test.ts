import { Person, testEntities } from '../test/fixtures/entities';
import { setActor } from './actor';
import { withRequestContext } from './context';
import { describeEachDatabase } from './testing';
import { transactional } from './transaction';

interface AuditRow {
  CreatedDate: Date | string | null;
  CreatedBy: number | string | null;
  UpdatedDate: Date | string | null;
  UpdatedBy: number | string | null;
}

describeEachDatabase(
  'audit columns',
  (getDb) => {
    async function row(email: string): Promise<AuditRow> {
      const rows = await getDb()
        .em()
        .getConnection()
        .execute<AuditRow[]>('select "CreatedDate", "CreatedBy", "UpdatedDate", "UpdatedBy" from "dbo"."Person" where "Email" = ?', [email]);
      if (!rows[0]) {
        throw new Error(`no row for ${email}`);
      }
      return rows[0];
    }
    const asNumber = (v: unknown) => (v == null ? v : Number(v));

    test('insert through the ORM stamps CreatedDate/UpdatedDate and the acting user', async () => {
      await withRequestContext(
        getDb().orm,
        async (em) => {
          em.create(Person, { email: 'new@example.com' });
          await em.flush();
        },
        { actorId: 7 },
      );
      const r = await row('new@example.com');
      expect(r.CreatedDate).not.toBeNull();
      expect(r.UpdatedDate).not.toBeNull();
      expect(asNumber(r.CreatedBy)).toBe(7);
      expect(asNumber(r.UpdatedBy)).toBe(7);
    });

    test('update stamps UpdatedBy with the new actor and keeps CreatedBy', async () => {
      const creator = getDb().em();
      setActor(creator, 1);
      const person = creator.create(Person, { email: 'edit@example.com' });
      await creator.flush();
      const before = await row('edit@example.com');

      const editor = getDb().em();
      setActor(editor, 2);
      const loaded = await editor.findOneOrFail(Person, person.id);
      loaded.loginCount = 5;
      await editor.flush();

      const after = await row('edit@example.com');
      expect(asNumber(after.CreatedBy)).toBe(1);
      expect(asNumber(after.UpdatedBy)).toBe(2);
      expect(new Date(after.UpdatedDate as string).getTime()).toBeGreaterThanOrEqual(new Date(before.UpdatedDate as string).getTime());
    });

    test('the actor reaches flushes inside transactional() (a fork of the fork)', async () => {
      await withRequestContext(
        getDb().orm,
        (em) =>
          transactional(em, async (tx) => {
            tx.create(Person, { email: 'tx@example.com' });
            await Promise.resolve();
          }),
        { actorId: 99 },
      );
      expect(asNumber((await row('tx@example.com')).CreatedBy)).toBe(99);
    });

    test('a change with nobody acting records UpdatedBy NULL, not the previous editor', async () => {
      const creator = getDb().em();
      setActor(creator, 3);
      const person = creator.create(Person, { email: 'system@example.com' });
      await creator.flush();

      const system = getDb().em();
      const loaded = await system.findOneOrFail(Person, person.id);
      loaded.loginCount = 1;
      await system.flush();
      expect((await row('system@example.com')).UpdatedBy).toBeNull();
    });

    test('rows written outside the unit of work get the database defaults', async () => {
      await getDb().em().insert(Person, { email: 'raw@example.com' });
      const r = await row('raw@example.com');
      expect(r.CreatedDate).not.toBeNull();
      expect(r.UpdatedDate).not.toBeNull();
      expect(r.CreatedBy).toBeNull();
    });
  },
  { overrides: { entities: testEntities } },
);
