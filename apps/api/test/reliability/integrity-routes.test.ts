import { findSystemActorId } from '@eventlead/db';
import { ApplicationError } from '@eventlead/models';
import type { LightMyRequestResponse } from 'fastify';
import { adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { countRows, rowDifferences } from './support/row-counts';

interface ErrorJson {
  error: string;
  details: { field: string; message: string }[];
}

function idOf(res: LightMyRequestResponse): number {
  if (res.statusCode !== 201) throw new Error(`Expected a 201, got ${res.statusCode}: ${res.body}`);
  return res.json<{ data: { id: number } }>().data.id;
}

/** Rows of log.ApplicationError once the request log has written what it holds. */
async function applicationErrors(c: ReliabilityContext): Promise<number> {
  await c.app.requestLog.errors.flush();
  return c.orm.em.fork().count(ApplicationError, {});
}

const OPERATOR_MESSAGE = /^This is the platform operator account, which the admin token acts as and the audit trail credits; it cannot be (changed|deleted|added to a company) through the API\.$/;

describeReliability('integrity of the routes', (get) => {
  test('the platform operator account cannot be changed, deleted or added to a company: 409 in the envelope, saying why, and nothing written', async () => {
    const c = get();
    const operator = await findSystemActorId(c.orm.em.fork());
    const company = idOf(await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Operator Target' } }));
    const before = await countRows(c.orm);
    const password = 'operator takeover passphrase';
    c.secrets.add('password', password);
    const attempts = [
      { method: 'PATCH', url: `/users/${operator}`, payload: { firstName: 'Mallory' }, verb: 'changed' },
      { method: 'PATCH', url: `/users/${operator}`, payload: { password }, verb: 'changed' },
      { method: 'PATCH', url: `/users/${operator}`, payload: { status: 'suspended' }, verb: 'changed' },
      { method: 'DELETE', url: `/users/${operator}`, payload: undefined, verb: 'deleted' },
      { method: 'POST', url: `/companies/${company}/users`, payload: { userId: operator, role: 'owner', isDefaultCompany: true }, verb: 'added to a company' },
    ] as const;
    for (const attempt of attempts) {
      const res = await c.call({ method: attempt.method, url: attempt.url, headers: adminAuth, ...(attempt.payload === undefined ? {} : { payload: attempt.payload }) });
      expect({ attempt: `${attempt.method} ${attempt.url}`, status: res.statusCode }).toEqual({ attempt: `${attempt.method} ${attempt.url}`, status: 409 });
      const body = res.json<ErrorJson>();
      expect(body.error).toMatch(OPERATOR_MESSAGE);
      expect(body.error).toContain(attempt.verb);
      expect(body.details).toEqual([]);
    }
    expect(rowDifferences(before, await countRows(c.orm))).toEqual({});
    // Still there and still readable.
    expect((await c.call({ method: 'GET', url: `/users/${operator}`, headers: adminAuth })).statusCode).toBe(200);
  });

  test('users other than the operator are changed and deleted as before', async () => {
    const c = get();
    const password = 'an ordinary passphrase';
    c.secrets.add('password', password);
    const id = idOf(await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'ordinary.user@example.com', password } }));
    expect((await c.call({ method: 'PATCH', url: `/users/${id}`, headers: adminAuth, payload: { firstName: 'Ada' } })).statusCode).toBe(200);
    expect((await c.call({ method: 'DELETE', url: `/users/${id}`, headers: adminAuth })).statusCode).toBe(204);
  });

  // The secret scan looks for 'Sunshine1' too; 'password' (a field name) and spaces are everywhere.
  test.each([
    ['the most common password', 'password', false, 'Password is too common or has appeared in a data breach; choose another.'],
    ['a common password in another case', 'Sunshine1', true, 'Password is too common or has appeared in a data breach; choose another.'],
    ['eight spaces', ' '.repeat(8), false, 'Password must not be made of spaces (or other blank characters) only.'],
  ])('%s: refused as a new password on create and on change: 400 naming the field, saying why, nothing written', async (_label, password, scan, message) => {
    const c = get();
    if (scan) c.secrets.add('password', password);
    const keeper = 'a passphrase to keep';
    c.secrets.add('password', keeper);
    const id = idOf(await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: `keeper.${Math.random().toString(36).slice(2)}@example.com`, password: keeper } }));
    const before = await countRows(c.orm);
    const created = await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'weak.password@example.com', password } });
    const changed = await c.call({ method: 'PATCH', url: `/users/${id}`, headers: adminAuth, payload: { password } });
    for (const res of [created, changed]) {
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorJson>()).toEqual({ error: 'The request is not valid.', details: [{ field: 'password', message }] });
    }
    expect(rowDifferences(before, await countRows(c.orm))).toEqual({});
  });

  test.each(['01', '001', '0', '00'])('%p as the id of a user or company is refused with a 400 before any database work', async (raw) => {
    const c = get();
    const before = await countRows(c.orm);
    for (const [method, url, payload] of [
      ['GET', `/users/${raw}`, undefined],
      ['PATCH', `/users/${raw}`, { firstName: 'Zero' }],
      ['DELETE', `/users/${raw}`, undefined],
      ['GET', `/companies/${raw}`, undefined],
      ['PATCH', `/companies/${raw}`, { companyName: 'Zero' }],
      ['DELETE', `/companies/${raw}`, undefined],
      ['POST', `/companies/${raw}/users`, { userId: 1, role: 'member' }],
    ] as const) {
      const res = await c.call({ method, url, headers: adminAuth, ...(payload === undefined ? {} : { payload }) });
      expect({ url: `${method} ${url}`, status: res.statusCode }).toEqual({ url: `${method} ${url}`, status: 400 });
      expect(res.json<ErrorJson>().details).toEqual([{ field: 'params.id', message: 'id must be a positive whole number in plain digits, without leading zeros' }]);
    }
    expect(rowDifferences(before, await countRows(c.orm))).toEqual({});
  });

  test('an id in plain digits still answers', async () => {
    const c = get();
    const operator = await findSystemActorId(c.orm.em.fork());
    expect((await c.call({ method: 'GET', url: `/users/${operator}`, headers: adminAuth })).statusCode).toBe(200);
  });

  test('an unknown user status or company role is a 400, not an application error in log.ApplicationError or the error log', async () => {
    const c = get();
    const password = 'status code passphrase';
    c.secrets.add('password', password);
    const user = idOf(await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'status.code@example.com', password } }));
    const company = idOf(await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Role Code Events' } }));
    const errorsBefore = await applicationErrors(c);
    const status = await c.call({ method: 'PATCH', url: `/users/${user}`, headers: adminAuth, payload: { status: 'no-such-status' } });
    const role = await c.call({ method: 'POST', url: `/companies/${company}/users`, headers: adminAuth, payload: { userId: user, role: 'no-such-role' } });
    expect(status.statusCode).toBe(400);
    expect(status.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'status', message: 'status is not a known user status; the known ones are pending_verification, active, locked, suspended, deactivated.' }] });
    expect(role.statusCode).toBe(400);
    expect(role.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'role', message: 'role is not a known company role; the known ones are owner, admin, manager, member, viewer.' }] });
    expect(await applicationErrors(c)).toBe(errorsBefore);
    expect([...c.errorLogOf(status), ...c.errorLogOf(role)]).toEqual([]);
  });
});
