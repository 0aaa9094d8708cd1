import { adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { countRows, rowDifferences } from './support/row-counts';
import { runs } from './support/settings';

interface AuditRow {
  id: number;
  changeType: string;
  fieldName: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** The audit rows of one dbo.User or dbo.Company row, oldest first. */
async function auditTrail(c: ReliabilityContext, table: 'User' | 'Company', id: number): Promise<AuditRow[]> {
  return c.orm.em.getConnection('write').execute<AuditRow[]>(
    `select "${table}AuditID" as id, "ChangeType" as "changeType", "FieldName" as "fieldName", "OldValue" as "oldValue", "NewValue" as "newValue"
       from "audit"."${table}" where "${table}ID" = ? order by "${table}AuditID"`,
    [id],
  );
}

/**
 * Problems with the history of one column: every UPDATE row must start from the value the previous
 * one ended with (no lost update hidden behind two rows with the same old value), the first from
 * `initial`, and the last must end at `current`.
 */
function chainProblems(rows: readonly AuditRow[], field: string, initial: string, current: string): string[] {
  const updates = rows.filter((r) => r.changeType === 'UPDATE' && r.fieldName === field);
  const problems: string[] = [];
  let expected = initial;
  for (const row of updates) {
    if (row.oldValue !== expected) problems.push(`${field}: audit row ${row.id} changes ${JSON.stringify(row.oldValue)} → ${JSON.stringify(row.newValue)}, but the value was ${JSON.stringify(expected)}`);
    expected = row.newValue ?? '';
  }
  if (expected !== current) problems.push(`${field}: the trail ends at ${JSON.stringify(expected)}, the row holds ${JSON.stringify(current)}`);
  return problems;
}

function tally(statuses: readonly number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describeReliability('concurrency', (get) => {
  const CREATES = 50;
  const UPDATES = runs(20, 60);

  test(`${CREATES} concurrent creates of the same email: exactly one 201, the rest 409, one user row and one set of audit rows`, async () => {
    const c = get();
    const email = 'race.same.email@example.com';
    const before = await countRows(c.orm);
    const answers = await Promise.all(
      Array.from({ length: CREATES }, (_, i) => {
        const password = `race passphrase number ${i}`;
        c.secrets.add('password', password);
        // Same address in different spellings: the API normalises before the unique index decides.
        const spelled = i % 3 === 0 ? email.toUpperCase() : i % 3 === 1 ? ` ${email} ` : email;
        return c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: spelled, password, firstName: `Racer ${i}` } });
      }),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 201: 1, 409: CREATES - 1 });
    for (const a of answers.filter((r) => r.statusCode === 409)) expect(a.json()).toEqual({ error: 'A user with this email address already exists.', details: [] });
    const created = answers.find((a) => a.statusCode === 201)?.json<{ data: { id: number; firstName: string } }>().data;
    const after = await countRows(c.orm);
    const diff = rowDifferences(before, after);
    const users = await c.orm.em.getConnection('write').execute<{ n: number }[]>('select count(*)::int as n from "dbo"."User" where "Email" = ?', [email]);
    expect(users[0]?.n).toBe(1);
    const trail = await auditTrail(c, 'User', created?.id ?? 0);
    // One INSERT row per column the winning request set, nothing from the 49 that lost.
    expect(trail.every((r) => r.changeType === 'INSERT')).toBe(true);
    expect(trail.filter((r) => r.fieldName === 'FirstName').map((r) => r.newValue)).toEqual([created?.firstName]);
    expect(diff).toEqual({ 'dbo.User': 1, 'audit.User': trail.length });
    c.figures.rowsLeftBehind += Math.max(0, (users[0]?.n ?? 0) - 1);
  }, 120_000);

  test(`${CREATES} concurrent adds of the same member: one 201, the rest 409, one membership row`, async () => {
    const c = get();
    const user = (await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'member.race@example.com', password: 'member race passphrase' } })).json<{ data: { id: number } }>().data.id;
    const company = (await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Race Events' } })).json<{ data: { id: number } }>().data.id;
    const answers = await Promise.all(
      Array.from({ length: CREATES }, () => c.call({ method: 'POST', url: `/companies/${company}/users`, headers: adminAuth, payload: { userId: user, role: 'member', isDefaultCompany: true } })),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 201: 1, 409: CREATES - 1 });
    const rows = await c.orm.em.getConnection('write').execute<{ n: number; d: number }[]>(
      'select count(*)::int as n, sum(case when "IsDefaultCompany" then 1 else 0 end)::int as d from "dbo"."UserCompany" where "UserID" = ? and "CompanyID" = ?',
      [user, company],
    );
    expect(rows[0]).toEqual({ n: 1, d: 1 });
  }, 120_000);

  test('concurrent adds of one user to different companies as default company: exactly one default afterwards', async () => {
    const c = get();
    const user = (await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'default.race@example.com', password: 'default race passphrase' } })).json<{ data: { id: number } }>().data.id;
    const companies: number[] = [];
    for (let i = 0; i < 10; i++) {
      companies.push((await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: `Default Race ${i}` } })).json<{ data: { id: number } }>().data.id);
    }
    const answers = await Promise.all(
      companies.map((company) => c.call({ method: 'POST', url: `/companies/${company}/users`, headers: adminAuth, payload: { userId: user, role: 'member', isDefaultCompany: true } })),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 201: companies.length });
    const rows = await c.orm.em.getConnection('write').execute<{ n: number; d: number }[]>(
      'select count(*)::int as n, sum(case when "IsDefaultCompany" then 1 else 0 end)::int as d from "dbo"."UserCompany" where "UserID" = ?',
      [user],
    );
    expect(rows[0]).toEqual({ n: companies.length, d: 1 });
  }, 120_000);

  test(`${UPDATES} concurrent updates of one user leave a consistent row and a complete audit trail`, async () => {
    const c = get();
    const created = await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'update.race@example.com', password: 'update race passphrase', firstName: 'first-0', lastName: 'last-0' } });
    const id = created.json<{ data: { id: number } }>().data.id;
    const answers = await Promise.all(
      Array.from({ length: UPDATES }, (_, i) =>
        c.call({ method: 'PATCH', url: `/users/${id}`, headers: adminAuth, payload: { firstName: `first-${i + 1}`, lastName: `last-${i + 1}` } }),
      ),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 200: UPDATES });
    const row = (await c.call({ method: 'GET', url: `/users/${id}`, headers: adminAuth })).json<{ data: { firstName: string; lastName: string } }>().data;
    // Both columns come from the same request: no update was half applied or interleaved with another.
    expect(row.firstName.replace('first-', '')).toBe(row.lastName.replace('last-', ''));
    const trail = await auditTrail(c, 'User', id);
    expect([...chainProblems(trail, 'FirstName', 'first-0', row.firstName), ...chainProblems(trail, 'LastName', 'last-0', row.lastName)]).toEqual([]);
    expect(trail.filter((r) => r.changeType === 'UPDATE' && r.fieldName === 'FirstName')).toHaveLength(UPDATES);
  }, 120_000);

  test(`${UPDATES} concurrent updates of one company leave a consistent row and a complete audit trail`, async () => {
    const c = get();
    const created = await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'name-0', tradingName: 'trading-0' } });
    const id = created.json<{ data: { id: number } }>().data.id;
    const answers = await Promise.all(
      Array.from({ length: UPDATES }, (_, i) =>
        c.call({ method: 'PATCH', url: `/companies/${id}`, headers: adminAuth, payload: { companyName: `name-${i + 1}`, tradingName: `trading-${i + 1}`, gstRegistered: i % 2 === 0 } }),
      ),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 200: UPDATES });
    const row = (await c.call({ method: 'GET', url: `/companies/${id}`, headers: adminAuth })).json<{ data: { companyName: string; tradingName: string } }>().data;
    expect(row.companyName.replace('name-', '')).toBe(row.tradingName.replace('trading-', ''));
    const trail = await auditTrail(c, 'Company', id);
    expect([...chainProblems(trail, 'CompanyName', 'name-0', row.companyName), ...chainProblems(trail, 'TradingName', 'trading-0', row.tradingName)]).toEqual([]);
    expect(trail.filter((r) => r.changeType === 'UPDATE' && r.fieldName === 'CompanyName')).toHaveLength(UPDATES);
  }, 120_000);

  test('concurrent deletes and updates of one user: one 204, the others 204/404/200 — never a 5xx — and one DELETE audit row', async () => {
    const c = get();
    const created = await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'delete.race@example.com', password: 'delete race passphrase' } });
    const id = created.json<{ data: { id: number } }>().data.id;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? c.call({ method: 'DELETE', url: `/users/${id}`, headers: adminAuth })
          : c.call({ method: 'PATCH', url: `/users/${id}`, headers: adminAuth, payload: { roleTitle: `title ${i}` } }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    const trail = await auditTrail(c, 'User', id);
    expect(trail.filter((r) => r.changeType === 'DELETE')).toHaveLength(1);
    expect((await c.call({ method: 'GET', url: `/users/${id}`, headers: adminAuth })).statusCode).toBe(404);
  }, 120_000);
});
