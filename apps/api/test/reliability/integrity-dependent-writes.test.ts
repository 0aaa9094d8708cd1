import type { LightMyRequestResponse } from 'fastify';
import { adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { runs } from './support/settings';

interface MembershipRow {
  companyId: number;
  isDefault: boolean;
  isDeleted: boolean;
}

/** Every dbo.UserCompany row of a user, deleted or not, read outside the API. */
async function membershipsOf(c: ReliabilityContext, userId: number): Promise<MembershipRow[]> {
  const rows = await c.orm.em.getConnection('write').execute<{ companyId: number | string; isDefault: boolean; isDeleted: boolean }[]>(
    `select "CompanyID" as "companyId", "IsDefaultCompany" as "isDefault", "IsDeleted" as "isDeleted"
       from "dbo"."UserCompany" where "UserID" = ? order by "CompanyID"`,
    [userId],
  );
  return rows.map((r) => ({ companyId: Number(r.companyId), isDefault: r.isDefault, isDeleted: r.isDeleted }));
}

function idOf(res: LightMyRequestResponse): number {
  if (res.statusCode !== 201) throw new Error(`Expected a 201, got ${res.statusCode}: ${res.body}`);
  return res.json<{ data: { id: number } }>().data.id;
}

let serial = 0;

/** A user whose default company is a company of their own; both ids. */
async function userWithDefaultCompany(c: ReliabilityContext): Promise<{ userId: number; home: number }> {
  serial += 1;
  const password = `integrity passphrase ${serial}`;
  c.secrets.add('password', password);
  const userId = idOf(await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: `integrity.${serial}@example.com`, password } }));
  const home = idOf(await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: `Home ${serial}` } }));
  const added = await c.call({ method: 'POST', url: `/companies/${home}/users`, headers: adminAuth, payload: { userId, role: 'member', isDefaultCompany: true } });
  expect(added.statusCode).toBe(201);
  return { userId, home };
}

async function newCompany(c: ReliabilityContext, name: string): Promise<number> {
  return idOf(await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: name } }));
}

/** Waits `ms` milliseconds, so that the rounds try several interleavings of the two requests. */
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describeReliability('integrity of dependent writes', (get) => {
  const ROUNDS = runs(20, 60);

  test(`${ROUNDS} rounds of POST /companies/:id/users racing DELETE /companies/:id: no live membership of a deleted company, no change without a 2xx`, async () => {
    const c = get();
    const problems: string[] = [];
    const adds: Record<number, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const { userId, home } = await userWithDefaultCompany(c);
      const target = await newCompany(c, `Doomed ${round}`);
      const [add, del] = await Promise.all([
        c.call({ method: 'POST', url: `/companies/${target}/users`, headers: adminAuth, payload: { userId, role: 'member', isDefaultCompany: true } }),
        pause(round).then(() => c.call({ method: 'DELETE', url: `/companies/${target}`, headers: adminAuth })),
      ]);
      adds[add.statusCode] = (adds[add.statusCode] ?? 0) + 1;
      const rows = await membershipsOf(c, userId);
      const onTarget = rows.find((r) => r.companyId === target);
      const atHome = rows.find((r) => r.companyId === home);
      const where = `round ${round} (add ${add.statusCode}, delete ${del.statusCode})`;
      if (del.statusCode !== 204) problems.push(`${where}: the delete did not answer 204`);
      if (onTarget !== undefined && !onTarget.isDeleted) problems.push(`${where}: a live membership of the deleted company`);
      if (add.statusCode === 201) {
        // It took full effect before the delete: the new default moved away from home, then went with the company.
        if (onTarget === undefined) problems.push(`${where}: answered 201 but wrote no membership`);
        if (atHome?.isDefault !== false) problems.push(`${where}: answered 201 but home is still the default`);
      } else {
        if (add.statusCode !== 404) problems.push(`${where}: the add answered ${add.statusCode}, not 201 or 404`);
        if (onTarget !== undefined) problems.push(`${where}: answered ${add.statusCode} but wrote a membership`);
        if (atHome?.isDefault !== true) problems.push(`${where}: answered ${add.statusCode} but home lost its default flag`);
        if (onTarget !== undefined || atHome?.isDefault !== true) c.figures.rowsLeftBehind += 1;
      }
    }
    expect({ problems, fiveHundreds: c.figures.unexpected5xx }).toEqual({ problems: [], fiveHundreds: 0 });
    // Both outcomes are legal; the tally only shows which interleavings the rounds reached.
    expect(Object.keys(adds).every((s) => s === '201' || s === '404')).toBe(true);
  }, 180_000);

  test(`${ROUNDS} rounds of POST /companies/:id/users racing DELETE /users/:id: a 201 or a 404 that changed nothing, never a 5xx`, async () => {
    const c = get();
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { userId, home } = await userWithDefaultCompany(c);
      const target = await newCompany(c, `Kept ${round}`);
      const [add, del] = await Promise.all([
        c.call({ method: 'POST', url: `/companies/${target}/users`, headers: adminAuth, payload: { userId, role: 'member', isDefaultCompany: true } }),
        pause(round % 4).then(() => c.call({ method: 'DELETE', url: `/users/${userId}`, headers: adminAuth })),
      ]);
      const rows = await membershipsOf(c, userId);
      const onTarget = rows.find((r) => r.companyId === target);
      const atHome = rows.find((r) => r.companyId === home);
      const where = `round ${round} (add ${add.statusCode}, delete ${del.statusCode})`;
      if (del.statusCode !== 204) problems.push(`${where}: the delete did not answer 204`);
      // The user is gone, so every membership of theirs must be gone with them.
      for (const r of rows) if (!r.isDeleted) problems.push(`${where}: a live membership (company ${r.companyId}) of the deleted user`);
      if (add.statusCode === 201) {
        if (onTarget === undefined) problems.push(`${where}: answered 201 but wrote no membership`);
      } else {
        if (add.statusCode !== 404) problems.push(`${where}: the add answered ${add.statusCode}, not 201 or 404`);
        if (onTarget !== undefined) problems.push(`${where}: answered ${add.statusCode} but wrote a membership`);
        if (atHome?.isDefault !== true) problems.push(`${where}: answered ${add.statusCode} but home lost its default flag`);
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);

  test(`${ROUNDS} rounds of PATCH racing DELETE of one user and of one company: a PATCH that answers 404 changed nothing`, async () => {
    const c = get();
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      serial += 1;
      const password = `patch race passphrase ${serial}`;
      c.secrets.add('password', password);
      const userId = idOf(await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: `patch.race.${serial}@example.com`, password } }));
      const companyId = await newCompany(c, `Patched ${round}`);
      const [patchUser, delUser, patchCompany, delCompany] = await Promise.all([
        c.call({ method: 'PATCH', url: `/users/${userId}`, headers: adminAuth, payload: { roleTitle: `title ${round}` } }),
        pause(round % 4).then(() => c.call({ method: 'DELETE', url: `/users/${userId}`, headers: adminAuth })),
        c.call({ method: 'PATCH', url: `/companies/${companyId}`, headers: adminAuth, payload: { tradingName: `trading ${round}` } }),
        pause(round % 4).then(() => c.call({ method: 'DELETE', url: `/companies/${companyId}`, headers: adminAuth })),
      ]);
      const where = `round ${round} (user PATCH ${patchUser.statusCode}, company PATCH ${patchCompany.statusCode})`;
      if (delUser.statusCode !== 204 || delCompany.statusCode !== 204) problems.push(`${where}: a delete did not answer 204`);
      for (const [what, res] of [['user', patchUser], ['company', patchCompany]] as const) {
        if (res.statusCode !== 200 && res.statusCode !== 404) problems.push(`${where}: the ${what} PATCH answered ${res.statusCode}`);
      }
      // The rows are soft-deleted, so what each PATCH left in them can still be read.
      const userTitle = await c.orm.em.getConnection('write').execute<{ t: string | null }[]>('select "RoleTitle" as t from "dbo"."User" where "UserID" = ?', [userId]);
      const tradingName = await c.orm.em.getConnection('write').execute<{ t: string | null }[]>('select "TradingName" as t from "dbo"."Company" where "CompanyID" = ?', [companyId]);
      if (patchUser.statusCode === 404 && userTitle[0]?.t !== null) problems.push(`${where}: the user PATCH answered 404 but changed the row`);
      if (patchUser.statusCode === 200 && userTitle[0]?.t !== `title ${round}`) problems.push(`${where}: the user PATCH answered 200 but did not change the row`);
      if (patchCompany.statusCode === 404 && tradingName[0]?.t !== null) problems.push(`${where}: the company PATCH answered 404 but changed the row`);
      if (patchCompany.statusCode === 200 && tradingName[0]?.t !== `trading ${round}`) problems.push(`${where}: the company PATCH answered 200 but did not change the row`);
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
