import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR_EMAIL } from '@eventlead/db';
import { Company, CompanyAudit, User, UserAudit } from '@eventlead/models';
import { hashToken } from '@eventlead/security';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { ADMIN_TOKEN, adminAuth, describeApp, testPasswordHasher } from '../app-harness';

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

    test('every audit row of a request carries its request id, client address and user agent', async () => {
      const { app, db } = get();
      const headers = { ...adminAuth, 'x-request-id': 'audit-context-1', 'user-agent': 'acting-identity-test/1.0', 'x-forwarded-for': '203.0.113.7' };
      const res = await app.inject({ method: 'POST', url: '/companies', headers, payload: { companyName: 'Context Events' } });
      expect(res.statusCode).toBe(201);
      expect(res.headers['x-request-id']).toBe('audit-context-1');
      const id = res.json<{ data: { id: number } }>().data.id;
      const patched = await app.inject({ method: 'PATCH', url: `/companies/${id}`, headers: { ...adminAuth, 'x-request-id': 'audit-context-2', 'user-agent': 'x'.repeat(600) }, payload: { tradingName: 'Context' } });
      expect(patched.statusCode).toBe(200);

      const actor = await operatorId();
      expect(await db.em().findOneOrFail(Company, id)).toMatchObject({ createdBy: actor, updatedBy: actor });
      const audit = await db.em().find(CompanyAudit, { companyId: id }, { orderBy: { id: 'asc' } });
      const inserts = audit.filter((r) => r.changeType === 'INSERT');
      const updates = audit.filter((r) => r.changeType === 'UPDATE');
      expect(inserts.length).toBeGreaterThan(0);
      // Without TRUST_PROXY the socket's peer is the client: X-Forwarded-For is not believed.
      for (const row of inserts) expect(row).toMatchObject({ requestId: 'audit-context-1', ipAddress: '127.0.0.1', userAgent: 'acting-identity-test/1.0', changedBy: actor });
      // A User-Agent longer than the column is cut to fit instead of failing the write.
      expect(updates).toEqual([expect.objectContaining({ fieldName: 'TradingName', requestId: 'audit-context-2', ipAddress: '127.0.0.1', userAgent: 'x'.repeat(500), changedBy: actor })]);
    });

    test('behind a trusted proxy the audit rows record the address it reports', async () => {
      const { db } = get();
      const app = await buildApp({ orm: db.orm, passwordHasher: testPasswordHasher, config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 100_000, trustProxy: 1 } });
      try {
        const headers = { ...adminAuth, 'x-request-id': 'audit-context-3', 'user-agent': 'behind-proxy/2.0', 'x-forwarded-for': '203.0.113.7' };
        const res = await app.inject({ method: 'POST', url: '/users', headers, payload: { email: 'proxied@example.com', password: 'correct horse battery' } });
        expect(res.statusCode).toBe(201);
        const id = res.json<{ data: { id: number } }>().data.id;
        const actor = await operatorId();
        expect(await db.em().findOneOrFail(User, id)).toMatchObject({ createdBy: actor, updatedBy: actor });
        const audit = await db.em().find(UserAudit, { userId: id });
        expect(audit.length).toBeGreaterThan(0);
        for (const row of audit) expect(row).toMatchObject({ requestId: 'audit-context-3', ipAddress: '203.0.113.7', userAgent: 'behind-proxy/2.0', changedBy: actor });
      } finally {
        await app.close();
      }
    });

    // One app trusting every proxy (trustProxy: true) serves the three cases below.
    let trusting: FastifyInstance | undefined;
    afterAll(async () => {
      await trusting?.close();
    });

    test.each([['<script>'], ["1.2.3.4'); drop table x;--"], ['x'.repeat(300)]])(
      'behind a trusted proxy, an X-Forwarded-For that is not an IP address is not recorded: the socket peer is (%#)',
      async (forwarded) => {
        const { db } = get();
        trusting ??= await buildApp({ orm: db.orm, passwordHasher: testPasswordHasher, config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 100_000, trustProxy: true } });
        const email = `junk-${randomUUID()}@example.com`;
        const res = await trusting.inject({ method: 'POST', url: '/users', headers: { ...adminAuth, 'x-forwarded-for': forwarded }, payload: { email, password: 'correct horse battery' } });
        expect(res.statusCode).toBe(201);
        const audit = await db.em().find(UserAudit, { userId: res.json<{ data: { id: number } }>().data.id });
        expect(audit.length).toBeGreaterThan(0);
        for (const row of audit) expect(row.ipAddress).toBe('127.0.0.1');
      },
    );
  },
  // Every test writes rows of its own (distinct emails and companies) and reads back only those: one
  // seeded database serves them all, without emptying and seeding it again after each.
  { database: { seed: true, resetAfterEach: false } },
);
