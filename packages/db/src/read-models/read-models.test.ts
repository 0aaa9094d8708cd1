import { Company, JoinedVia, User, UserCompany, UserCompanyRole, UserCompanyStatus, UserStatus } from '@eventlead/models';
import type { EntityManager } from '@mikro-orm/knex';
import { describeEachDatabase } from '../testing';
import { readCompaniesPage, readCompanyDetail, readUserDetail, readUsersPage } from './index';

// What the ORM returns (find with populate, filters on), in the read models' shape.
type Loaded = Record<string, unknown> & { id: number };
const pick = (entity: object, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, (entity as Record<string, unknown>)[k] ?? null]));
const USER_KEYS = ['id', 'email', 'firstName', 'lastName', 'phone', 'roleTitle', 'isEmailVerified', 'createdDate', 'updatedDate'];
const COMPANY_KEYS = ['id', 'companyName', 'abn', 'acn', 'tradingName', 'gstRegistered', 'isActive', 'createdDate', 'updatedDate'];

async function ormUser(em: EntityManager, id: number): Promise<Loaded | undefined> {
  const user = await em.fork().findOne(User, id, { populate: ['status', 'userCompanies.company', 'userCompanies.role', 'userCompanies.status'] });
  if (user === null) return undefined;
  return {
    ...(pick(user, USER_KEYS) as Loaded),
    status: pick(user.status, ['id', 'code']),
    userCompanies: user.userCompanies
      .getItems()
      .map((m) => ({ id: m.id, isDefaultCompany: m.isDefaultCompany, company: pick(m.company, ['id', 'companyName']), role: pick(m.role, ['id', 'code', 'name']), status: pick(m.status, ['id', 'code']) }))
      .sort((a, b) => Number(a.company.id) - Number(b.company.id)),
  };
}

async function ormCompany(em: EntityManager, id: number): Promise<Loaded | undefined> {
  const company = await em.fork().findOne(Company, id, { populate: ['userCompanies.user', 'userCompanies.role', 'userCompanies.status'] });
  if (company === null) return undefined;
  return {
    ...(pick(company, COMPANY_KEYS) as Loaded),
    userCompanies: company.userCompanies
      .getItems()
      .map((m) => ({ id: m.id, isDefaultCompany: m.isDefaultCompany, user: pick(m.user, ['id', 'email', 'firstName', 'lastName']), role: pick(m.role, ['id', 'code', 'name']), status: pick(m.status, ['id', 'code']) }))
      .sort((a, b) => Number(a.user.id) - Number(b.user.id)),
  };
}

interface Fixture {
  userIds: number[];
  companyIds: number[];
}

/**
 * Every kind of soft-deleted row: a user, a membership, a company, a ref status (of a user and of a
 * membership), a ref role and a ref joined-via; and live rows around each of them.
 */
async function insertFixture(em: EntityManager): Promise<Fixture> {
  const row = (code: string, isDeleted = false) => ({ code, name: `${code} name`, sortOrder: 1, isActive: true, isDeleted });
  const active = em.create(UserStatus, row('live-status'));
  const goneStatus = em.create(UserStatus, row('gone-status', true));
  const owner = em.create(UserCompanyRole, row('live-role'));
  const goneRole = em.create(UserCompanyRole, row('gone-role', true));
  const member = em.create(UserCompanyStatus, row('live-member'));
  const goneMember = em.create(UserCompanyStatus, row('gone-member', true));
  const via = em.create(JoinedVia, row('live-via'));
  const goneVia = em.create(JoinedVia, row('gone-via', true));
  const user = (n: number, extra: Partial<User> = {}) =>
    em.create(User, { email: `u${n}@example.com`, passwordHash: 'x', firstName: n % 2 ? `First${n}` : null, lastName: `Last${n}`, status: active, isEmailVerified: n % 3 === 0, ...extra } as never);
  const company = (n: number, extra: Partial<Company> = {}) =>
    em.create(Company, { companyName: `Company ${n}`, abn: n % 2 ? `5100000000${n}`.slice(0, 11) : null, gstRegistered: n % 2 === 0, isActive: true, ...extra } as never);
  const users = [user(1), user(2), user(3, { isDeleted: true }), user(4, { status: goneStatus }), user(5), user(6, { phone: '0412345678', roleTitle: 'Boss' })];
  const companies = [company(1), company(2), company(3, { isDeleted: true }), company(4, { tradingName: 'Four', acn: '004028078' })];
  const link = (u: User, c: Company, extra: Partial<UserCompany> = {}) =>
    em.create(UserCompany, { user: u, company: c, role: owner, status: member, joinedVia: via, isDefaultCompany: false, ...extra } as never);
  const [u1, u2, u3, u4, u5, u6] = users as [User, User, User, User, User, User];
  const [c1, c2, c3, c4] = companies as [Company, Company, Company, Company];
  link(u1, c1, { isDefaultCompany: true });
  link(u1, c2);
  link(u1, c3); // deleted company
  link(u1, c4, { isDeleted: true }); // deleted membership
  link(u2, c1, { role: goneRole }); // deleted role
  link(u2, c2, { status: goneMember }); // deleted membership status
  link(u2, c4, { joinedVia: goneVia }); // deleted joined-via
  link(u3, c1); // deleted user
  link(u4, c1); // user whose status is deleted
  link(u5, c4, { isDefaultCompany: true });
  link(u6, c1);
  link(u6, c4);
  await em.flush();
  return { userIds: users.map((u) => u.id).concat(9_999), companyIds: companies.map((c) => c.id).concat(9_999) };
}

describeEachDatabase('read models', (getDb) => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await insertFixture(getDb().em());
  });

  test('the user detail is what the ORM returns with populate and filters on, for every user (live, deleted, hidden by its status, unknown)', async () => {
    const em = getDb().em();
    let found = 0;
    for (const id of fixture.userIds) {
      const expected = await ormUser(em, id);
      expect({ id, detail: await readUserDetail(em, id) }).toEqual({ id, detail: expected });
      if (expected !== undefined) found += 1;
    }
    // Not a comparison of two empty results: live users were found, with memberships.
    expect(found).toBe(4);
    expect((await readUserDetail(em, fixture.userIds[0] ?? 0))?.userCompanies).toHaveLength(2);
    // The second user's memberships point at a deleted role, membership status and joined-via row: all hidden.
    expect((await readUserDetail(em, fixture.userIds[1] ?? 0))?.userCompanies).toEqual([]);
  });

  test('the company detail is what the ORM returns with populate and filters on, for every company', async () => {
    const em = getDb().em();
    let members = 0;
    for (const id of fixture.companyIds) {
      const expected = await ormCompany(em, id);
      expect({ id, detail: await readCompanyDetail(em, id) }).toEqual({ id, detail: expected });
      members += (expected?.userCompanies as unknown[] | undefined)?.length ?? 0;
    }
    expect(members).toBeGreaterThan(3);
  });

  test.each([
    ['all by id', {}, { id: 'asc' }],
    ['all by email desc', {}, { email: 'desc', id: 'asc' }],
    ['by email', { email: 'u2@example.com' }, { id: 'asc' }],
    ['by status by last name', { status: { code: 'live-status' } }, { lastName: 'asc', id: 'asc' }],
    ['by deleted status', { status: { code: 'gone-status' } }, { id: 'asc' }],
    ['by name by created date', { $or: [{ firstName: { $ilike: '%first%' } }, { lastName: { $ilike: '%6%' } }] }, { createdDate: 'desc', id: 'asc' }],
  ] as const)('a users page (%s) is the findAndCount of the ORM', async (_label, where, orderBy) => {
    const em = getDb().em();
    for (const [limit, offset] of [[2, 0], [2, 2], [20, 0], [3, 30]] as const) {
      const [users, total] = await em.fork().findAndCount(User, where as never, { populate: ['status'], orderBy: orderBy as never, limit, offset });
      const expected = users.map((u) => ({ ...pick(u, USER_KEYS), status: pick(u.status, ['id', 'code']) }));
      expect(await readUsersPage(em, { where: where as never, orderBy: orderBy, limit, offset })).toEqual({ items: expected, total });
    }
  });

  test.each([
    ['all by name', {}, { companyName: 'asc', id: 'asc' }],
    ['by abn', { abn: '51000000001' }, { id: 'asc' }],
    ['by name by updated date', { companyName: { $ilike: '%pany 4%' } }, { updatedDate: 'desc', id: 'asc' }],
  ] as const)('a companies page (%s) is the findAndCount of the ORM', async (_label, where, orderBy) => {
    const em = getDb().em();
    for (const [limit, offset] of [[1, 0], [2, 1], [20, 0]] as const) {
      const [companies, total] = await em.fork().findAndCount(Company, where, { orderBy: orderBy as never, limit, offset });
      expect(await readCompaniesPage(em, { where: where, orderBy: orderBy, limit, offset })).toEqual({ items: companies.map((c) => pick(c, COMPANY_KEYS)), total });
    }
  });
}, { resetAfterEach: false });

describeEachDatabase('read models on the wire', (getDb) => {
  test('run as named prepared statements on PostgreSQL, parameterised statements on PGlite', async () => {
    const em = getDb().em();
    const { userIds } = await insertFixture(em);
    await readUserDetail(em, userIds[0] ?? 0);
    await readUsersPage(em, { orderBy: { id: 'asc' }, limit: 20, offset: 0 });
    // One pooled connection: the statements were prepared on the connection this query runs on.
    const rows = await em.getConnection().execute<{ name: string }[]>('select name from pg_prepared_statements order by name');
    const names = rows.map((r) => r.name.replace(/_[0-9a-f]{16}$/, ''));
    expect(names).toEqual(getDb().kind === 'postgresql' ? ['user_detail', 'users_page_count', 'users_page_page'] : []);
  });

  test('send every value as a parameter: a value with a quote, ? and $1 matches itself and never appears in the text sent', async () => {
    const em = getDb().em();
    const { userIds } = await insertFixture(em);
    const lastName = "O'Brien ? $1 \\?";
    const tricky = em.fork();
    const status = await tricky.findOneOrFail(UserStatus, { code: 'live-status' });
    const user = tricky.create(User, { email: 'tricky@example.com', passwordHash: 'x', lastName, status } as never);
    await tricky.flush();
    // What knex hands to the driver (PGlite, node-postgres), from knex's own event on the ORM's client.
    const sent: { sql: string; bindings?: readonly unknown[] }[] = [];
    const knex = em.getConnection().getKnex();
    const listen = (query: { sql: string; bindings?: readonly unknown[] }) => sent.push(query);
    knex.on('query', listen);
    try {
      const request = { where: { lastName }, orderBy: { id: 'asc' }, limit: 20, offset: 0 } as const;
      const outside = await readUsersPage(em, request);
      const inside = await em.fork().transactional(async (tx) => ({ page: await readUsersPage(tx, request), detail: await readUserDetail(tx, userIds[0] ?? 0) }));
      for (const page of [outside, inside.page]) {
        expect(page).toEqual({ items: [expect.objectContaining({ id: user.id, lastName })], total: 1 });
      }
      expect(inside.detail?.id).toBe(userIds[0]);
    } finally {
      knex.off('query', listen);
    }
    const reads = sent.filter((query) => query.sql.includes('"e0"'));
    // PGlite: the reads outside and inside the transaction (page, count, then page, count, detail);
    // PostgreSQL: those inside it (outside, they are the named prepared statements of the test above).
    expect(reads).toHaveLength(getDb().kind === 'pglite' ? 5 : 3);
    for (const { sql, bindings = [] } of reads) {
      expect(sql).toMatch(/\$1\b/);
      expect(sql).not.toContain('Brien');
      expect(bindings.length).toBeGreaterThan(0);
    }
    expect(reads.filter((query) => query.bindings?.includes(lastName))).toHaveLength(getDb().kind === 'pglite' ? 4 : 2);
  });
}, { env: { DATABASE_POOL_MAX: '1' } });
