import { setTimeout as sleep } from 'node:timers/promises';
import { hashToken } from '@eventlead/security';
import { TestPasswordHasher } from '@eventlead/security/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app';
import { loggerOptions } from '../../src/logger';
import { ADMIN_TOKEN, adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
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

/** A real hasher that holds every hash until the test lets it go: slower than any deadline, on cue. */
class GatedHasher extends TestPasswordHasher {
  private opened = false;
  private readonly waiting: (() => void)[] = [];
  /** Lets the held hashes (and every later one) go on. */
  open(): void {
    this.opened = true;
    for (const go of this.waiting.splice(0)) go();
  }
  override async hash(plain: string): Promise<string> {
    if (!this.opened) await new Promise<void>((go) => this.waiting.push(go));
    return super.hash(plain);
  }
}

/**
 * Waits, up to 20 s, until `found` is true; for log lines written after the answer. The late work
 * runs after a hash and a database round trip, which a loaded two-core machine (the full test run)
 * has been seen to stretch past 5 s. The expectations after it fail if it never comes.
 */
async function eventually(found: () => boolean): Promise<void> {
  for (let turn = 0; turn < 800 && !found(); turn += 1) await sleep(25);
}

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

    describe('work still running when the deadline answers', () => {
      const lines: Record<string, unknown>[] = [];
      const hasher = new GatedHasher();
      let app: FastifyInstance;
      beforeAll(async () => {
        // Its own app, logging at debug level into `lines`, so the test can read every line of a request.
        const logger = pino(loggerOptions('debug', false) as pino.LoggerOptions, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
        app = await buildApp({
          orm: get().orm,
          logger,
          passwordHasher: hasher,
          config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 1_000_000, requestTimeoutMs: 100 },
        });
        // Answers itself, then fails: an error after an answer the deadline did not send.
        app.get('/test/sent-then-failed', async (_request, reply) => {
          await reply.code(200).send({ success: true, message: 'sent', data: null });
          throw new Error('failed after its own answer');
        });
        await app.ready();
      });
      afterAll(async () => {
        hasher.open();
        await app.close();
        await hasher.close();
      });
      const linesOf = (requestId: unknown) => lines.filter((line) => line.reqId === requestId);

      test('POST /users past its deadline: 503, no row, and its abandoned work is one debug line, no error and no stack', async () => {
        const c = get();
        const email = 'deadline.abandoned@example.com';
        const res = await c.call(
          { method: 'POST', url: '/users', headers: json, payload: { email, password: 'Abandoned-After-Deadline-1' } },
          { app, allow5xx: [503] },
        );
        expect(res.statusCode).toBe(503);
        // The handler goes on (it was waiting for its hash) only now, well after the 503.
        hasher.open();
        const abandonedLine = (line: Record<string, unknown>) => typeof line.msg === 'string' && line.msg.includes('abandoned after its deadline');
        await eventually(() => linesOf(res.headers['x-request-id']).some(abandonedLine));
        const own = linesOf(res.headers['x-request-id']);
        expect(own.filter(abandonedLine)).toEqual([expect.objectContaining({ level: 20, lateOutcome: 'DatabaseAccessError' })]);
        expect(own.filter((line) => (line.level as number) >= 50)).toEqual([]);
        expect(own.filter((line) => JSON.stringify(line).includes('"stack"'))).toEqual([]);
        const rows = await c.orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from "dbo"."User" where "Email" = ?', [email]);
        expect(Number(rows[0]?.n)).toBe(0);
      });

      test('an error after an answer the deadline did not send is still logged as an error', async () => {
        const c = get();
        const res = await c.call({ method: 'GET', url: '/test/sent-then-failed' }, { app });
        expect(res.statusCode).toBe(200);
        await eventually(() => linesOf(res.headers['x-request-id']).some((line) => line.level === 50));
        const errors = linesOf(res.headers['x-request-id']).filter((line) => line.level === 50);
        expect(errors.map((line) => (line.err as { message?: unknown } | undefined)?.message)).toEqual(['failed after its own answer']);
      });
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
