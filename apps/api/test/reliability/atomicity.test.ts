import { DISABLED_PASSWORD_HASH, JOINED_VIA, transactional, USER_COMPANY_ROLE, USER_COMPANY_STATUS, USER_STATUS } from '@eventlead/db';
import { Company, JoinedVia, User, UserCompany, UserCompanyRole, UserCompanyStatus, UserStatus } from '@eventlead/models';
import type { EntityManager } from '@mikro-orm/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { requireRefByCode } from '../../src/routes/reference-data';
import { FaultSubscriber } from './support/fault-subscriber';
import { adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { countRows, rowDifferences, rowsChanged } from './support/row-counts';

const faults = new FaultSubscriber();

/**
 * Test-only route: one transaction that writes a user, a company and the membership linking them
 * (plus the audit rows of the first two), the multi-row write a sign-up will do.
 */
function signupRoute(app: FastifyInstance): void {
  // Admin-only like the real writes, so it acts as they do (the request-context plugin sets who acts).
  app.post<{ Body: { email: string; companyName: string } }>('/test/signup', { onRequest: app.requireAdmin }, async (request, reply) => {
    const { email, companyName } = request.body;
    await transactional(request.em, async (tx) => {
      const user = tx.create(User, { email, passwordHash: DISABLED_PASSWORD_HASH, status: await requireRefByCode(tx, UserStatus, USER_STATUS.active) });
      const company = tx.create(Company, { companyName });
      // Flushed first, so the user, the company and their audit rows are written before the link.
      await tx.flush();
      tx.create(UserCompany, {
        user,
        company,
        role: await requireRefByCode(tx, UserCompanyRole, USER_COMPANY_ROLE.owner),
        status: await requireRefByCode(tx, UserCompanyStatus, USER_COMPANY_STATUS.active),
        joinedVia: await requireRefByCode(tx, JoinedVia, JOINED_VIA.admin),
        isDefaultCompany: true,
      });
    });
    return reply.code(201).send({ success: true, message: 'ok', data: null });
  });
}

/** Rows of `table` the transaction that is failing can see (it wrote them; nobody else can). */
async function visibleRows(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows = await (em as unknown as { getConnection(): { execute<R>(q: string, p: unknown[], m: string, ctx: unknown): Promise<R> } })
    .getConnection()
    .execute<{ n: number }[]>(sql, params, 'all', em.getTransactionContext());
  return rows[0]?.n ?? 0;
}

/** Sends a request with a fault armed and checks that it failed cleanly and left nothing behind. */
async function expectNothingLeft(c: ReliabilityContext, send: () => Promise<LightMyRequestResponse>): Promise<void> {
  const before = await countRows(c.orm);
  const firedBefore = faults.fired;
  const res = await send();
  faults.disarm();
  expect(faults.fired).toBe(firedBefore + 1);
  c.figures.faultsInjected['subscriber throws mid-flush'] = (c.figures.faultsInjected['subscriber throws mid-flush'] ?? 0) + 1;
  expect(res.statusCode).toBe(500);
  expect(res.json()).toEqual({ error: 'Internal server error.', details: [] });
  const after = await countRows(c.orm);
  c.figures.rowsLeftBehind += rowsChanged(before, after);
  expect(rowDifferences(before, after)).toEqual({});
}

describeReliability(
  'atomicity',
  (get) => {
    beforeAll(() => {
      get().orm.em.getEventManager().registerSubscriber(faults);
    });

    test('sign-up transaction without a fault writes user, company, link and audit rows', async () => {
      const c = get();
      const before = await countRows(c.orm);
      const res = await c.call({ method: 'POST', url: '/test/signup', headers: adminAuth, payload: { email: 'whole@example.com', companyName: 'Whole Events' } });
      expect(res.statusCode).toBe(201);
      const diff = rowDifferences(before, await countRows(c.orm));
      expect(diff).toMatchObject({ 'dbo.User': 1, 'dbo.Company': 1, 'dbo.UserCompany': 1 });
      expect(diff['audit.User']).toBeGreaterThan(0);
      expect(diff['audit.Company']).toBeGreaterThan(0);
    });

    test('a fault after the user, company and their audit rows were written, while linking them, leaves nothing behind', async () => {
      const c = get();
      let seenInside = 0;
      faults.arm('afterCreate', 'UserCompany', async (args) => {
        // Proof that the fault hits the middle: inside the transaction the user and its audit rows exist.
        seenInside = await visibleRows(args.em, 'select count(*)::int as n from "audit"."User" a join "dbo"."User" u on u."UserID" = a."UserID" where u."Email" = ?', ['broken@example.com']);
      });
      await expectNothingLeft(c, () => c.call({ method: 'POST', url: '/test/signup', headers: adminAuth, payload: { email: 'broken@example.com', companyName: 'Broken Events' } }, { allow5xx: [500] }));
      expect(seenInside).toBeGreaterThan(0);
    });

    test('POST /users: a fault after the user row and its audit rows leaves neither', async () => {
      const c = get();
      faults.arm('afterCreate', 'User');
      await expectNothingLeft(c, () => c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'fault.user@example.com', password: 'fault user passphrase' } }, { allow5xx: [500] }));
      expect((await c.call({ method: 'GET', url: '/users?email=fault.user%40example.com', headers: adminAuth })).json<{ data: { total: number } }>().data.total).toBe(0);
    });

    test('POST /companies/:id/users as default company: a fault after the old default was cleared restores it', async () => {
      const c = get();
      const user = (await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'member.fault@example.com', password: 'member fault passphrase' } })).json<{ data: { id: number } }>().data.id;
      const first = (await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'First Default' } })).json<{ data: { id: number } }>().data.id;
      const second = (await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Second' } })).json<{ data: { id: number } }>().data.id;
      expect((await c.call({ method: 'POST', url: `/companies/${first}/users`, headers: adminAuth, payload: { userId: user, role: 'owner', isDefaultCompany: true } })).statusCode).toBe(201);
      faults.arm('afterCreate', 'UserCompany');
      await expectNothingLeft(c, () => c.call({ method: 'POST', url: `/companies/${second}/users`, headers: adminAuth, payload: { userId: user, role: 'member', isDefaultCompany: true } }, { allow5xx: [500] }));
      const detail = (await c.call({ method: 'GET', url: `/users/${user}`, headers: adminAuth })).json<{ data: { companies: { companyId: number; isDefaultCompany: boolean }[] } }>().data;
      expect(detail.companies).toEqual([expect.objectContaining({ companyId: first, isDefaultCompany: true })]);
    });

    test('DELETE /users/:id: a fault after the user was soft-deleted, while its memberships are, keeps user, memberships and audit trail as they were', async () => {
      const c = get();
      const user = (await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'delete.fault@example.com', password: 'delete fault passphrase' } })).json<{ data: { id: number } }>().data.id;
      const company = (await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Delete Fault' } })).json<{ data: { id: number } }>().data.id;
      await c.call({ method: 'POST', url: `/companies/${company}/users`, headers: adminAuth, payload: { userId: user, role: 'owner' } });
      faults.arm('afterUpdate', 'UserCompany');
      const deletedBefore = await c.orm.em.getConnection('write').execute<{ n: number }[]>('select count(*)::int as n from "dbo"."User" where "IsDeleted"');
      await expectNothingLeft(c, () => c.call({ method: 'DELETE', url: `/users/${user}`, headers: adminAuth }, { allow5xx: [500] }));
      const deletedAfter = await c.orm.em.getConnection('write').execute<{ n: number }[]>('select count(*)::int as n from "dbo"."User" where "IsDeleted"');
      expect(deletedAfter).toEqual(deletedBefore);
      const detail = await c.call({ method: 'GET', url: `/users/${user}`, headers: adminAuth });
      expect(detail.statusCode).toBe(200);
      expect(detail.json<{ data: { companies: unknown[] } }>().data.companies).toHaveLength(1);
    });

    test('PATCH /companies/:id: a fault in onFlush and one after the update changes nothing', async () => {
      const c = get();
      const company = (await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Patch Fault', tradingName: 'Before' } })).json<{ data: { id: number } }>().data.id;
      for (const point of ['onFlush', 'afterUpdate'] as const) {
        faults.arm(point, 'Company');
        await expectNothingLeft(c, () => c.call({ method: 'PATCH', url: `/companies/${company}`, headers: adminAuth, payload: { tradingName: `After ${point}` } }, { allow5xx: [500] }));
      }
      const detail = (await c.call({ method: 'GET', url: `/companies/${company}`, headers: adminAuth })).json<{ data: { tradingName: string } }>().data;
      expect(detail.tradingName).toBe('Before');
    });

    afterAll(() => {
      faults.disarm();
    });
  },
  { extraRoutes: signupRoute },
);
