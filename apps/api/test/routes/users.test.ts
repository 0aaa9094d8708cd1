import { includeDeleted } from '@eventlead/db';
import { Company, User, UserCompany, UserCompanyRole, UserCompanyStatus, JoinedVia } from '@eventlead/models';
import { hashToken, verifyPassword } from '@eventlead/security';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import { ADMIN_TOKEN, adminAuth, describeApp } from '../app-harness';
import { expectNoSecrets, insertReferenceRows } from './ref-fixtures';

interface ErrorJson {
  error: string;
  details: { field: string; message: string }[];
}

const newUser = { email: ' Jane.Doe@Example.COM ', password: 'correct horse battery', firstName: 'Jane', lastName: 'Doe', phone: '0491 570 156', roleTitle: 'Director' };
// How a page or pageSize that is not plain digits is told to be written.
const PLAIN_DIGITS = 'Write it in plain digits, without leading zeros, a sign, a decimal point or an exponent.';

describeApp('/users', (get) => {
  const responses: LightMyRequestResponse[] = [];
  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = adminAuth) {
    const res = await get().app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    responses.push(res);
    return res;
  }
  async function createUser(body: object = newUser): Promise<number> {
    const res = await call('POST', '/users', body);
    expect(res.statusCode).toBe(201);
    return res.json<{ data: { id: number } }>().data.id;
  }
  function fields(res: LightMyRequestResponse): string[] {
    return res.json<ErrorJson>().details.map((d) => d.field);
  }

  beforeEach(async () => {
    await insertReferenceRows(get().db);
  });
  afterEach(() => {
    for (const res of responses.splice(0)) expectNoSecrets(res.body);
  });

  describe('authentication', () => {
    test.each([
      ['GET', '/users'],
      ['GET', '/users/1'],
      ['POST', '/users'],
      ['PATCH', '/users/1'],
      ['DELETE', '/users/1'],
    ] as const)('%s %s is a 401 without a token and with a wrong one', async (method, url) => {
      const headerSets: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token' }];
      for (const headers of headerSets) {
        const res = await call(method, url, method === 'POST' || method === 'PATCH' ? {} : undefined, headers);
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ error: 'A valid bearer token is required.', details: [] });
      }
    });
  });

  describe('POST /users', () => {
    test('an app built without a password hasher stores cost-12 bcrypt hashes (the suites hash at cost 4, with the test hasher)', async () => {
      const app = await buildApp({ orm: get().db.orm, config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 100_000 } });
      try {
        const res = await app.inject({ method: 'POST', url: '/users', headers: adminAuth, payload: newUser });
        responses.push(res);
        expect(res.statusCode).toBe(201);
        const row = await get().db.em().findOneOrFail(User, { email: 'jane.doe@example.com' });
        expect(row.passwordHash).toMatch(/^\$2b\$12\$/);
        expect(await verifyPassword('correct horse battery', row.passwordHash)).toBe(true);
      } finally {
        await app.close();
      }
    });

    test('creates an active user with a normalised email and phone and a bcrypt hash, credited to the actor', async () => {
      const res = await call('POST', '/users', newUser);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        success: true,
        message: 'User created.',
        data: {
          id: expect.any(Number) as number,
          email: 'jane.doe@example.com',
          firstName: 'Jane',
          lastName: 'Doe',
          phone: '+61491570156',
          roleTitle: 'Director',
          status: 'active',
          isEmailVerified: false,
          createdDate: expect.any(String) as string,
          updatedDate: expect.any(String) as string,
          companies: [],
        },
      });
      const row = await get().db.em().findOneOrFail(User, { email: 'jane.doe@example.com' });
      expect(await verifyPassword('correct horse battery', row.passwordHash)).toBe(true);
      // No system actor exists yet: CreatedBy/UpdatedBy are recorded as "nobody" (NULL), not left to chance.
      expect(row.createdBy ?? null).toBeNull();
      expect(row.createdDate).toBeInstanceOf(Date);
    });

    test('a duplicate email (any case) is a 409 with a clear message', async () => {
      await createUser();
      const res = await call('POST', '/users', { ...newUser, email: 'JANE.DOE@example.com' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ error: 'A user with this email address already exists.', details: [] });
    });

    test('a bad body is a 400 with a detail per field', async () => {
      const res = await call('POST', '/users', { email: 'not-an-email', password: 'short', phone: '+1 212 555 0100', isAdmin: true });
      expect(res.statusCode).toBe(400);
      expect(fields(res).sort()).toEqual(['email', 'isAdmin', 'password', 'phone']);
      expect(res.json<ErrorJson>().details.find((d) => d.field === 'isAdmin')?.message).toBe(
        'isAdmin is not accepted; the fields accepted are email, password, firstName, lastName, phone, roleTitle.',
      );
    });

    test.each([
      ['a lone high surrogate', '\\ud800'],
      ['a lone low surrogate', 'Jo\\udc00e'],
      ['a reversed pair', '\\ude00\\ud83d'],
    ])('a firstName with %s is a 400 like NUL, and nothing is stored', async (_label, escaped) => {
      // Sent as the JSON escape the client wrote: the raw body is not well-formed Unicode, yet valid JSON.
      const payload = `{"email":"lone@example.com","password":"correct horse battery","firstName":"${escaped}","lastName":"Smith\\u0000"}`;
      const res = await get().app.inject({ method: 'POST', url: '/users', headers: { ...adminAuth, 'content-type': 'application/json' }, payload });
      responses.push(res);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: 'The request is not valid.',
        details: expect.arrayContaining([
          { field: 'firstName', message: 'firstName must be well-formed Unicode: it contains a lone surrogate (a \\ud800–\\udfff escape without its pair).' },
          { field: 'lastName', message: 'lastName must not contain the NUL character.' },
        ]) as unknown,
      });
      expect(res.json<ErrorJson>().details).toHaveLength(2);
      expect(await get().db.em().count(User, { email: 'lone@example.com' })).toBe(0);
    });

    test('a surrogate pair (an emoji) is accepted and read back as sent', async () => {
      const id = await createUser({ ...newUser, firstName: 'Jane \ud83c\udf89' });
      const res = await call('GET', `/users/${id}`);
      expect(res.json<{ data: { firstName: string } }>().data.firstName).toBe('Jane 🎉');
    });

    test('missing required fields are named', async () => {
      const res = await call('POST', '/users', {});
      expect(res.statusCode).toBe(400);
      expect(fields(res).sort()).toEqual(['email', 'password']);
    });
  });

  describe('GET /users/:id', () => {
    test('answers the user with their companies and roles', async () => {
      const id = await createUser();
      const em = get().db.em();
      const company = em.create(Company, { companyName: 'Acme Events' });
      em.create(UserCompany, {
        user: em.getReference(User, id),
        company,
        role: await em.findOneOrFail(UserCompanyRole, { code: 'owner' }),
        status: await em.findOneOrFail(UserCompanyStatus, { code: 'active' }),
        joinedVia: await em.findOneOrFail(JoinedVia, { code: 'admin' }),
        isDefaultCompany: true,
      });
      await em.flush();
      const res = await call('GET', `/users/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        success: true,
        data: {
          id,
          email: 'jane.doe@example.com',
          companies: [{ companyId: company.id, companyName: 'Acme Events', role: { code: 'owner', name: 'Owner' }, status: 'active', isDefaultCompany: true }],
        },
      });
    });

    test('an unknown id is a 404; a malformed id is a 400', async () => {
      const missing = await call('GET', '/users/999999');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ error: 'User was not found.', details: [] });
      const bad = await call('GET', '/users/abc');
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toEqual(['params.id']);
      const zero = await call('GET', '/users/0');
      expect(zero.statusCode).toBe(400);
      const huge = await call('GET', '/users/9007199254740992');
      expect(huge.statusCode).toBe(400);
      expect(huge.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'params.id', message: 'id is too large: the largest id is 9007199254740991.' }] });
      const largest = await call('GET', '/users/9007199254740991');
      expect(largest.statusCode).toBe(404);
    });
  });

  describe('GET /users', () => {
    beforeEach(async () => {
      await createUser({ email: 'b@example.com', password: 'long enough 1', firstName: 'Bob', lastName: 'Stone' });
      await createUser({ email: 'a@example.com', password: 'long enough 2', firstName: 'Alice', lastName: 'Brown' });
      await createUser({ email: 'c@example.com', password: 'long enough 3', firstName: 'Carol', lastName: 'Bobbins' });
    });

    test('pages with a total, sorted by a whitelisted column', async () => {
      const res = await call('GET', '/users?page=2&pageSize=2&sortBy=email&sortOrder=asc');
      expect(res.statusCode).toBe(200);
      const body = res.json<{ success: boolean; data: { items: { email: string }[]; total: number; page: number; pageSize: number } }>();
      expect(body.success).toBe(true);
      expect(body.data).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(body.data.items.map((u) => u.email)).toEqual(['c@example.com']);
      const desc = await call('GET', '/users?sortBy=firstName&sortOrder=desc');
      expect(desc.json<{ data: { items: { firstName: string }[] } }>().data.items.map((u) => u.firstName)).toEqual(['Carol', 'Bob', 'Alice']);
    });

    test('a trailing slash is ignored: /users/ is the list (it was a 400 about an id), /users/:id/ the user', async () => {
      const plain = await call('GET', '/users?sortBy=email&pageSize=2');
      const slash = await call('GET', '/users/?sortBy=email&pageSize=2');
      expect(slash.statusCode).toBe(200);
      expect(slash.json()).toEqual(plain.json());
      const id = plain.json<{ data: { items: { id: number }[] } }>().data.items[0]?.id ?? 0;
      const one = await call('GET', `/users/${id}/`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual((await call('GET', `/users/${id}`)).json());
    });

    test('filters by exact normalised email, by name (first or last, case-insensitive) and by status', async () => {
      const byEmail = await call('GET', '/users?email=%20A@Example.com');
      expect(byEmail.json<{ data: { items: { email: string }[] } }>().data.items.map((u) => u.email)).toEqual(['a@example.com']);
      const byName = await call('GET', '/users?name=BOB&sortBy=email');
      expect(byName.json<{ data: { items: { email: string }[]; total: number } }>().data).toMatchObject({ total: 2, items: [{ email: 'b@example.com' }, { email: 'c@example.com' }] });
      const wildcard = await call('GET', '/users?name=%25');
      expect(wildcard.json<{ data: { total: number } }>().data.total).toBe(0);
      const suspended = await call('GET', '/users?status=suspended');
      expect(suspended.json<{ data: { total: number } }>().data.total).toBe(0);
      const active = await call('GET', '/users?status=active');
      expect(active.json<{ data: { total: number } }>().data.total).toBe(3);
    });

    test('a blank status is no filter; percent-encoded text that is well-formed is read as before', async () => {
      const blank = await call('GET', '/users?status=');
      expect(blank.json<{ data: { total: number } }>().data.total).toBe(3);
      const encoded = await call('GET', '/users?status=%61ctive&name=Bo%62');
      expect(encoded.statusCode).toBe(200);
      expect(encoded.json<{ data: { total: number } }>().data.total).toBe(2);
    });
  });

  // The query refusals of the list, without the three users above: a refused query reads nothing.
  describe('GET /users', () => {
    test.each([
      ['pageSize=101', 'querystring.pageSize'],
      ['page=0', 'querystring.page'],
      ['sortBy=passwordHash', 'querystring.sortBy'],
      ['sortOrder=up', 'querystring.sortOrder'],
      ['email=nope', 'querystring.email'],
      ['foo=1', 'querystring.foo'],
      ['status=foo', 'querystring.status'],
      ['name=%ZZ', 'querystring.name'],
    ])('?%s is a 400 naming %s', async (query, field) => {
      const res = await call('GET', `/users?${query}`);
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual([field]);
    });

    test.each([
      ['page=-1', 'querystring.page', `page must be a whole number from 1 to 90071992547409. ${PLAIN_DIGITS}`],
      ['page=+1', 'querystring.page', `page must be a whole number from 1 to 90071992547409. ${PLAIN_DIGITS}`],
      ['pageSize=020', 'querystring.pageSize', `pageSize must be a whole number from 1 to 100. ${PLAIN_DIGITS}`],
      ['pageSize=2e1', 'querystring.pageSize', `pageSize must be a whole number from 1 to 100. ${PLAIN_DIGITS}`],
      ['page=1&page=2', 'querystring.page', 'page must be given only once.'],
      ['pageSize=0', 'querystring.pageSize', 'pageSize must be a whole number from 1 to 100.'],
      ['pageSize=500', 'querystring.pageSize', 'pageSize must be a whole number from 1 to 100.'],
      ['foo=1', 'querystring.foo', 'foo is not accepted; the parameters accepted are page, pageSize, sortBy, sortOrder, email, name, status.'],
      ['status=foo', 'querystring.status', 'status is not a known user status; the known ones are pending_verification, active, locked, suspended, deactivated.'],
      ['name=%ZZ', 'querystring.name', 'name is not valid percent-encoding: % must be followed by two hexadecimal digits that together spell UTF-8.'],
      ['name=%FF', 'querystring.name', 'name is not valid percent-encoding: % must be followed by two hexadecimal digits that together spell UTF-8.'],
      ['name=%ED%A0%80', 'querystring.name', 'name is not valid percent-encoding: % must be followed by two hexadecimal digits that together spell UTF-8.'],
      ['sortBy=email&n%ZZame=x', 'querystring.n%ZZame', 'n%ZZame is not valid percent-encoding: % must be followed by two hexadecimal digits that together spell UTF-8.'],
    ])('?%s is a 400 on %s saying what is allowed', async (query, field, message) => {
      const res = await call('GET', `/users?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'The request is not valid.', details: [{ field, message }] });
    });
  });

  describe('PATCH /users/:id', () => {
    test('updates only the given fields, rehashes a new password and changes the status', async () => {
      const id = await createUser();
      const before = await get().db.em().findOneOrFail(User, id);
      const res = await call('PATCH', `/users/${id}`, { firstName: 'Janet', phone: '(02) 5550 1234', status: 'suspended', password: 'a brand new secret' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ success: true, data: { id, firstName: 'Janet', lastName: 'Doe', phone: '+61255501234', status: 'suspended', companies: [] } });
      const after = await get().db.em().findOneOrFail(User, id);
      expect(after.passwordHash).not.toBe(before.passwordHash);
      expect(await verifyPassword('a brand new secret', after.passwordHash)).toBe(true);
      expect(after.updatedDate.getTime()).toBeGreaterThanOrEqual(before.updatedDate.getTime());
      expect(after.updatedBy ?? null).toBeNull();
    });

    test('an unknown status is a 400 on that field; unknown fields and read-only fields are 400s', async () => {
      const id = await createUser();
      const status = await call('PATCH', `/users/${id}`, { status: 'emperor' });
      expect(status.statusCode).toBe(400);
      expect(status.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'status', message: 'status is not a known user status; the known ones are active, suspended.' }] });
      const email = await call('PATCH', `/users/${id}`, { email: 'x@example.com', isDeleted: false });
      expect(email.statusCode).toBe(400);
      expect(email.json()).toEqual({
        error: 'The request is not valid.',
        details: [
          { field: 'email', message: 'email cannot be changed: a user keeps the email address they were created with.' },
          { field: 'isDeleted', message: 'isDeleted is not accepted; the fields accepted are firstName, lastName, phone, roleTitle, status, password.' },
        ],
      });
    });

    test('an unknown id is a 404', async () => {
      const res = await call('PATCH', '/users/424242', { firstName: 'X' });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('DELETE /users/:id', () => {
    test('soft-deletes the user: 204, then 404 and gone from the list, the row kept as deleted', async () => {
      const id = await createUser();
      const res = await call('DELETE', `/users/${id}`);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
      expect((await call('GET', `/users/${id}`)).statusCode).toBe(404);
      expect((await call('PATCH', `/users/${id}`, { firstName: 'Back' })).statusCode).toBe(404);
      expect((await call('DELETE', `/users/${id}`)).statusCode).toBe(404);
      expect((await call('GET', '/users')).json<{ data: { total: number } }>().data.total).toBe(0);
      const row = await get().db.em().findOneOrFail(User, id, includeDeleted());
      expect(row.isDeleted).toBe(true);
      expect(row.deletedDate).toBeInstanceOf(Date);
    });
  });
});
