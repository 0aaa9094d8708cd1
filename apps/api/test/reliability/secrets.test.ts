import { ADMIN_TOKEN, adminAuth, describeReliability } from './support/harness';
import { countFault } from './support/report';

/**
 * The paths where secrets could slip into logs: a database error while a password hash is being
 * written (the driver error carries the statement with its values), a password in a query string.
 * The harness's last test scans everything this part produced. (The ORM's own query log is
 * @eventlead/db's: it never enables `query-params`, see its logging tests.)
 */
describeReliability('secrets', (get) => {
  beforeAll(async () => {
    // A fault for the database to raise on demand: names spelt "explode" break a CHECK constraint.
    const connection = get().orm.em.getConnection('write');
    await connection.execute(`alter table "dbo"."User" add constraint "CK_Test_Explode" check ("FirstName" is distinct from 'explode' and "LastName" is distinct from 'explode')`);
  });

  test('a database error while writing a password hash is logged and stored without the hash, the password or the values', async () => {
    const c = get();
    const password = 'create passphrase that must stay secret';
    c.secrets.add('password', password);
    const res = await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'explode@example.com', password, firstName: 'explode' } }, { allow5xx: [500] });
    countFault(c.figures, 'CHECK constraint violated by the database');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Internal server error.', details: [] });
    const logged = c.errorLogOf(res).join('\n');
    // The error is logged, with the statement's shape for whoever debugs it, but without its values.
    expect(logged).toContain('insert into');
    expect(logged).toContain(`'?'`);
    expect(logged).not.toContain('explode@example.com');
    expect(logged).not.toMatch(/\$2[aby]\$/);
    await c.app.requestLog.errors.flush();
    const rows = await c.orm.em.getConnection('write').execute<{ m: string; s: string | null }[]>(`select "Message" as m, "StackTrace" as s from "log"."ApplicationError" where "Path" = '/users'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => `${r.m}\n${r.s ?? ''}`).join('\n')).not.toMatch(/\$2[aby]\$|explode@example\.com/);
  });

  test('a database error while changing a password is logged without the new hash', async () => {
    const c = get();
    const created = await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'rotate@example.com', password: 'first passphrase here' } });
    const id = created.json<{ data: { id: number } }>().data.id;
    const password = 'second passphrase that must stay secret';
    c.secrets.add('password', password);
    const res = await c.call({ method: 'PATCH', url: `/users/${id}`, headers: adminAuth, payload: { password, lastName: 'explode' } }, { allow5xx: [500] });
    countFault(c.figures, 'CHECK constraint violated by the database');
    expect(res.statusCode).toBe(500);
    expect(c.errorLogOf(res).join('\n')).toContain('update');
  });

  test('secrets in a query string reach neither the log lines nor log.ApiRequest', async () => {
    const c = get();
    const res = await c.call({ method: 'GET', url: `/users?token=${ADMIN_TOKEN}&password=query-string-passphrase`, headers: adminAuth });
    c.secrets.add('password', 'query-string-passphrase');
    expect(res.statusCode).toBe(400);
    // The 400 names the unknown parameters, not their values.
    expect(res.body).not.toContain('query-string-passphrase');
  });
});
