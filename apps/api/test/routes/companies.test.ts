import { includeDeleted } from '@eventlead/db';
import { Company, UserCompany } from '@eventlead/models';
import type { LightMyRequestResponse } from 'fastify';
import { adminAuth, describeApp } from '../app-harness';
import { expectNoSecrets, insertReferenceRows } from './ref-fixtures';

interface ErrorJson {
  error: string;
  details: { field: string; message: string }[];
}

// 51 824 753 556 is the ABR's published example ABN; 004 028 077 a valid ACN.
const acme = { companyName: 'Acme Events Pty Ltd', abn: '51 824 753 556', acn: '004 028 077', tradingName: 'Acme', gstRegistered: true };

describeApp('/companies', (get) => {
  const responses: LightMyRequestResponse[] = [];
  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = adminAuth) {
    const res = await get().app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    responses.push(res);
    return res;
  }
  async function create(url: string, body: object): Promise<number> {
    const res = await call('POST', url, body);
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

  test.each([
    ['GET', '/companies'],
    ['GET', '/companies/1'],
    ['POST', '/companies'],
    ['PATCH', '/companies/1'],
    ['DELETE', '/companies/1'],
    ['POST', '/companies/1/users'],
  ] as const)('%s %s is a 401 without a token and with a wrong one', async (method, url) => {
    const headerSets: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token' }];
    for (const headers of headerSets) {
      const res = await call(method, url, method === 'POST' || method === 'PATCH' ? {} : undefined, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'A valid bearer token is required.', details: [] });
    }
  });

  test('POST creates a company with normalised ABN/ACN; GET reads it back', async () => {
    const res = await call('POST', '/companies', acme);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      success: true,
      message: 'Company created.',
      data: {
        id: expect.any(Number) as number,
        companyName: 'Acme Events Pty Ltd',
        abn: '51824753556',
        acn: '004028077',
        tradingName: 'Acme',
        gstRegistered: true,
        isActive: true,
        createdDate: expect.any(String) as string,
        updatedDate: expect.any(String) as string,
        users: [],
      },
    });
    const id = res.json<{ data: { id: number } }>().data.id;
    const read = await call('GET', `/companies/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ success: true, data: { id, abn: '51824753556', users: [] } });
    const row = await get().db.em().findOneOrFail(Company, id);
    expect(row.createdBy ?? null).toBeNull();
  });

  test('POST with a bad ABN checksum, a bad ACN, no name and an unknown field is a 400 per field', async () => {
    const res = await call('POST', '/companies', { abn: '51 824 753 557', acn: '004 028 078', isDeleted: true });
    expect(res.statusCode).toBe(400);
    expect(fields(res).sort()).toEqual(['abn', 'acn', 'companyName', 'isDeleted']);
    expect(res.json<ErrorJson>().details.find((d) => d.field === 'abn')?.message).toMatch(/check digits/);
    expect(res.json<ErrorJson>().details.find((d) => d.field === 'isDeleted')?.message).toBe(
      'isDeleted is not accepted; the fields accepted are companyName, abn, acn, tradingName, gstRegistered, isActive.',
    );
  });

  test.each([
    ['BEL', 'Acme\u0007 Events', 'companyName must not contain control characters (found U+0007); only tab, line feed and carriage return are allowed: remove it.'],
    [
      'a right-to-left override',
      'Acme \u202Eevents',
      'companyName must not contain bidirectional text control characters (found U+202E, one of U+202A–U+202E and U+2066–U+2069), which make text display differently from what it is: remove it.',
    ],
    ['a C1 control', 'Acme\u0085Events', 'companyName must not contain control characters (found U+0085); only tab, line feed and carriage return are allowed: remove it.'],
    ['a line separator', 'Acme\u2028Events', 'companyName must not contain line or paragraph separators (found U+2028, one of U+2028 and U+2029): remove it, or use a line feed for a line break.'],
    ['a zero-width space', 'Ac\u200Bme Events', 'companyName must not contain invisible characters (found U+200B, one of U+200B, U+2060 and U+FEFF), which make text look like other text: remove it.'],
    [
      'a zero-width joiner between Latin letters',
      'Ac\u200Dme Events',
      'companyName must not contain a zero-width joiner or non-joiner (found U+200D) at the start or end, next to an ASCII character or next to another joiner; it is allowed only inside emoji sequences and inside words of scripts that use it: remove it.',
    ],
  ])('POST with %s in companyName is a 400 naming the character, and nothing is stored', async (_label, companyName, message) => {
    const res = await call('POST', '/companies', { companyName });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'companyName', message }] });
    expect(await get().db.em().count(Company, { companyName }, includeDeleted())).toBe(0);
  });

  test('POST without companyName says it is required; with a blank one, that it must not be empty; nothing is stored', async () => {
    const missing = await call('POST', '/companies', { tradingName: 'Nameless' });
    expect(missing.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'companyName', message: 'companyName is required.' }] });
    const nulled = await call('POST', '/companies', { companyName: null });
    expect(nulled.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'companyName', message: 'companyName is required.' }] });
    const blank = await call('POST', '/companies', { companyName: ' \t ' });
    expect(blank.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'companyName', message: 'companyName must not be empty.' }] });
    expect(await get().db.em().count(Company, {}, includeDeleted())).toBe(0);
  });

  test('POST with an emoji joined by U+200D and a Persian word with U+200C in companyName stores them as sent', async () => {
    const companyName = 'Family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 Zoë';
    const res = await call('POST', '/companies', { companyName });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ data: { companyName: string } }>().data.companyName).toBe(companyName);
  });

  test('GET lists with a total, filters by name and ABN, and refuses bad queries', async () => {
    await create('/companies', acme);
    await create('/companies', { companyName: 'Bravo Venues' });
    await create('/companies', { companyName: 'Charlie acme Hire' });
    const page = await call('GET', '/companies?sortBy=companyName&sortOrder=desc&pageSize=2');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ success: true, data: { total: 3, page: 1, pageSize: 2, items: [{ companyName: 'Charlie acme Hire' }, { companyName: 'Bravo Venues' }] } });
    const byName = await call('GET', '/companies?name=ACME&sortBy=id');
    expect(byName.json<{ data: { items: { companyName: string }[] } }>().data.items.map((c) => c.companyName)).toEqual(['Acme Events Pty Ltd', 'Charlie acme Hire']);
    const byAbn = await call('GET', '/companies?abn=51824753556');
    expect(byAbn.json<{ data: { total: number } }>().data.total).toBe(1);
    for (const [query, field] of [['pageSize=101', 'querystring.pageSize'], ['sortBy=abn', 'querystring.sortBy'], ['abn=123', 'querystring.abn'], ['x=1', 'querystring.x']]) {
      const bad = await call('GET', `/companies?${query}`);
      expect({ query, status: bad.statusCode, fields: fields(bad) }).toEqual({ query, status: 400, fields: [field] });
    }
  });

  test('a trailing slash is ignored: /companies/ is the list (it was a 400 about an id), /companies/:id/users/ the enrolment route', async () => {
    const id = await create('/companies', acme);
    const slash = await call('GET', '/companies/');
    expect(slash.statusCode).toBe(200);
    expect(slash.json()).toEqual((await call('GET', '/companies')).json());
    expect((await call('GET', `/companies/${id}/`)).json()).toMatchObject({ data: { id, companyName: acme.companyName } });
    const enrol = await call('POST', `/companies/${id}/users/`, { userId: 999999, role: 'member' });
    expect(enrol.statusCode).toBe(404);
    expect(enrol.json()).toEqual((await call('POST', `/companies/${id}/users`, { userId: 999999, role: 'member' })).json());
  });

  test('PATCH changes only the given fields; unknown id is a 404; bad fields are 400s', async () => {
    const id = await create('/companies', acme);
    const res = await call('PATCH', `/companies/${id}`, { tradingName: null, gstRegistered: false, abn: '53 004 085 616' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ success: true, data: { id, companyName: 'Acme Events Pty Ltd', tradingName: null, gstRegistered: false, abn: '53004085616' } });
    expect((await call('PATCH', '/companies/99999', { companyName: 'X' })).statusCode).toBe(404);
    const bad = await call('PATCH', `/companies/${id}`, { companyName: '', abn: '00 000 000 000', id: 5 });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).sort()).toEqual(['abn', 'companyName', 'id']);
    const details = bad.json<ErrorJson>().details;
    expect(details.find((d) => d.field === 'companyName')?.message).toBe('companyName must not be empty.');
    expect(details.find((d) => d.field === 'id')?.message).toMatch(/^id is not accepted; the fields accepted are companyName, /);
    const blank = await call('PATCH', `/companies/${id}`, { companyName: '   ' });
    expect(blank.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'companyName', message: 'companyName must not be empty.' }] });
  });

  test('DELETE soft-deletes the company and its memberships: 204, then 404', async () => {
    const companyId = await create('/companies', acme);
    const userId = await create('/users', { email: 'm@example.com', password: 'long enough 1' });
    expect((await call('POST', `/companies/${companyId}/users`, { userId, role: 'member' })).statusCode).toBe(201);
    const res = await call('DELETE', `/companies/${companyId}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await call('GET', `/companies/${companyId}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/companies/${companyId}`)).statusCode).toBe(404);
    expect((await call('GET', `/users/${userId}`)).json()).toMatchObject({ data: { companies: [] } });
    const rows = await get().db.em().find(UserCompany, {}, includeDeleted());
    expect(rows.map((r) => r.isDeleted)).toEqual([true]);
  });

  describe('POST /companies/:id/users', () => {
    test('adds a user with a role; the company and the user show the membership', async () => {
      const companyId = await create('/companies', acme);
      const userId = await create('/users', { email: 'Owner@Example.com', password: 'long enough 1', firstName: 'Olive' });
      const res = await call('POST', `/companies/${companyId}/users`, { userId, role: 'owner', isDefaultCompany: true });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        success: true,
        message: 'User added to company.',
        data: { companyId, userId, email: 'owner@example.com', firstName: 'Olive', lastName: null, role: { code: 'owner', name: 'Owner' }, status: 'active', isDefaultCompany: true, joinedVia: 'admin' },
      });
      const company = await call('GET', `/companies/${companyId}`);
      expect(company.json()).toMatchObject({ data: { users: [{ userId, role: { code: 'owner' } }] } });
      const user = await call('GET', `/users/${userId}`);
      expect(user.json()).toMatchObject({ data: { companies: [{ companyId, companyName: 'Acme Events Pty Ltd', role: { code: 'owner', name: 'Owner' }, status: 'active', isDefaultCompany: true }] } });
    });

    test('a duplicate link is a 409; unknown company or user a 404; unknown role or bad body a 400', async () => {
      const companyId = await create('/companies', acme);
      const userId = await create('/users', { email: 'dup@example.com', password: 'long enough 1' });
      expect((await call('POST', `/companies/${companyId}/users`, { userId, role: 'member' })).statusCode).toBe(201);
      const dup = await call('POST', `/companies/${companyId}/users`, { userId, role: 'owner' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toEqual({ error: 'This user is already a member of this company.', details: [] });
      const noCompany = await call('POST', '/companies/99999/users', { userId, role: 'member' });
      expect(noCompany.statusCode).toBe(404);
      expect(noCompany.json()).toEqual({ error: 'Company was not found.', details: [] });
      const noUser = await call('POST', `/companies/${companyId}/users`, { userId: 99999, role: 'member' });
      expect(noUser.statusCode).toBe(404);
      expect(noUser.json()).toEqual({ error: 'User was not found.', details: [] });
      const badRole = await call('POST', `/companies/${companyId}/users`, { userId, role: 'emperor' });
      expect(badRole.statusCode).toBe(400);
      expect(fields(badRole)).toEqual(['role']);
      // Codes are case-sensitive; the refusal lists them, from the reference table the fixtures filled.
      const upperRole = await call('POST', `/companies/${companyId}/users`, { userId, role: 'OWNER' });
      expect(upperRole.json<ErrorJson>().details).toEqual([{ field: 'role', message: expect.stringMatching(/^role is not a known company role; the known ones are .*\bowner\b.*\.$/) as unknown }]);
      const blankRole = await call('POST', `/companies/${companyId}/users`, { userId, role: '   ' });
      expect(blankRole.json<ErrorJson>().details).toEqual([{ field: 'role', message: 'role must not be empty.' }]);
      const badBody = await call('POST', `/companies/${companyId}/users`, { userId: 'x', extra: 1 });
      expect(badBody.statusCode).toBe(400);
      expect(fields(badBody).sort()).toEqual(['extra', 'role', 'userId']);
      const hugeUser = await call('POST', `/companies/${companyId}/users`, { userId: 2 ** 53, role: 'member' });
      expect(hugeUser.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'userId', message: 'userId is too large: the largest id is 9007199254740991.' }] });
    });
  });
});
