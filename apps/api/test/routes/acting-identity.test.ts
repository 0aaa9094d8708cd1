import { SYSTEM_ACTOR_EMAIL } from '@eventlead/db';
import { Company, CompanyAudit, User, UserAudit } from '@eventlead/models';
import { adminAuth, describeApp } from '../app-harness';

// On a seeded database the admin token acts as the platform operator account: its UserID is what
// CreatedBy/UpdatedBy and the audit trail's ChangedBy record.
describeApp(
  'acting identity of admin writes',
  (get) => {
    async function operatorId(): Promise<number> {
      return (await get().db.em().findOneOrFail(User, { email: SYSTEM_ACTOR_EMAIL })).id;
    }

    test('POST and PATCH /users credit the operator in the row and in audit.User', async () => {
      const { app, db } = get();
      const created = await app.inject({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'actor@example.com', password: 'correct horse battery' } });
      expect(created.statusCode).toBe(201);
      const id = created.json<{ data: { id: number } }>().data.id;
      const patched = await app.inject({ method: 'PATCH', url: `/users/${id}`, headers: adminAuth, payload: { firstName: 'Ada' } });
      expect(patched.statusCode).toBe(200);

      const actor = await operatorId();
      const row = await db.em().findOneOrFail(User, id);
      expect(row).toMatchObject({ createdBy: actor, updatedBy: actor });
      const audit = await db.em().find(UserAudit, { userId: id }, { orderBy: { id: 'asc' } });
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.every((r) => r.changedBy === actor)).toBe(true);
      expect(audit.find((r) => r.fieldName === 'FirstName')).toMatchObject({ newValue: 'Ada' });
      // The password is recorded as set, never with its hash.
      expect(JSON.stringify(audit)).not.toMatch(/\$2[aby]\$/);
    });

    test('POST /companies credits the operator in the row and in audit.Company', async () => {
      const { app, db } = get();
      const res = await app.inject({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Acme Events', abn: '51 824 753 556' } });
      expect(res.statusCode).toBe(201);
      const id = res.json<{ data: { id: number } }>().data.id;
      const actor = await operatorId();
      expect(await db.em().findOneOrFail(Company, id)).toMatchObject({ createdBy: actor, abn: '51824753556' });
      const audit = await db.em().find(CompanyAudit, { companyId: id });
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.every((r) => r.changedBy === actor)).toBe(true);
    });
  },
  { database: { seed: true } },
);
