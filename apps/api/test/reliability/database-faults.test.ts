import { createORM, createOrmConfig, transactional, type Orm } from '@eventlead/db';
import { User } from '@eventlead/models';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { databaseLogWriter } from '../../src/logger';
import { adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { countFault } from './support/report';
import { runs } from './support/settings';
import { TcpProxy } from './support/tcp-proxy';

// Timeouts of the app under test: short, and in the production order (connect < acquire < request).
const CONNECT_TIMEOUT_MS = 1_000;
const ACQUIRE_TIMEOUT_MS = 1_500;
const REQUEST_TIMEOUT_MS = 3_000;
/** How late an answer may be beyond its timeout on a busy CI machine. */
const SLACK_MS = 1_500;
/** /health/ready must say 503 within this long. */
const READY_WITHIN_MS = 2_000;


interface Answer {
  res: LightMyRequestResponse;
  ms: number;
  what: string;
}

describeReliability(
  'database faults',
  (get) => {
    let proxy: TcpProxy;
    let proxiedOrm: Orm;
    let app: FastifyInstance;
    let dbName = '';
    let sequence = 0;

    beforeAll(async () => {
      const c = get();
      const url = new URL(c.db.databaseUrl ?? '');
      dbName = url.pathname.slice(1);
      proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      url.port = String(await proxy.listen());
      proxiedOrm = await createORM(
        createOrmConfig({
          DATABASE_URL: url.toString(),
          DATABASE_POOL_MAX: '6',
          DATABASE_POOL_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_TIMEOUT_MS),
          DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        }, { logger: databaseLogWriter(c.logger) }),
      );
      app = await c.buildExtraApp({ config: { requestTimeoutMs: REQUEST_TIMEOUT_MS } }, proxiedOrm);
    });

    afterAll(async () => {
      await app.close();
      await proxiedOrm.close(true);
      await proxy.close();
    });

    /** One request of the mixed load: reads, a create and an update, all valid. */
    async function oneRequest(c: ReliabilityContext, i: number): Promise<Answer> {
      const n = sequence++;
      const kinds = [
        { what: 'GET /ref/countries', send: () => ({ method: 'GET' as const, url: '/ref/countries' }) },
        { what: 'GET /users', send: () => ({ method: 'GET' as const, url: '/users?pageSize=5', headers: adminAuth }) },
        { what: 'POST /companies', send: () => ({ method: 'POST' as const, url: '/companies', headers: adminAuth, payload: { companyName: `Load ${n}` } }) },
        { what: 'GET /health/ready', send: () => ({ method: 'GET' as const, url: '/health/ready' }) },
        {
          // A write that carries a password hash: a lost connection must not put it in a log line.
          what: 'POST /users',
          send: () => {
            const password = `fault passphrase ${n}`;
            c.secrets.add('password', password);
            return { method: 'POST' as const, url: '/users', headers: adminAuth, payload: { email: `fault.${n}@example.com`, password } };
          },
        },
      ];
      const kind = kinds[i % kinds.length] ?? kinds[0];
      const started = Date.now();
      const res = await c.call(kind!.send(), { app, allow5xx: [503] });
      return { res, ms: Date.now() - started, what: kind!.what };
    }

    /** `workers` loops of requests until `during` (given the answers so far) resolves. */
    async function load(c: ReliabilityContext, workers: number, during: (answers: readonly Answer[]) => Promise<void>): Promise<Answer[]> {
      const answers: Answer[] = [];
      let running = true;
      const loops = Array.from({ length: workers }, async (_, w) => {
        for (let i = w; running; i += workers) answers.push(await oneRequest(c, i));
      });
      try {
        await during(answers);
      } finally {
        running = false;
        await Promise.all(loops);
      }
      return answers;
    }

    /**
     * Checks the answers given under a fault: each a 2xx or a 503 in the envelope, none later than the
     * request timeout; anything else (a 500 included) fails.
     */
    function expectCleanFailures(c: ReliabilityContext, answers: readonly Answer[]): void {
      const problems: string[] = [];
      for (const a of answers) {
        const status = a.res.statusCode;
        if (a.ms > REQUEST_TIMEOUT_MS + SLACK_MS) problems.push(`${a.what} took ${a.ms} ms`);
        if (status === 503) {
          if (a.res.headers['retry-after'] === undefined) problems.push(`${a.what} 503 without Retry-After`);
        } else if (status >= 300) {
          problems.push(`${a.what} → ${status} ${c.errorLogOf(a.res).join(' | ').slice(0, 800)}`);
        }
      }
      expect(problems).toEqual([]);
    }

    /** What went to the console instead of the app's logger (the harness keeps those lines too). */
    function consoleLines(c: ReliabilityContext): string[] {
      return c.logs.filter((line) => line.startsWith('console.'));
    }

    /** Waits (bounded) until /health/ready answers 200; returns how long it took. */
    async function recovery(c: ReliabilityContext): Promise<number> {
      const started = Date.now();
      for (let i = 0; i < 60; i++) {
        const res = await c.call({ method: 'GET', url: '/health/ready' }, { app, allow5xx: [503] });
        if (res.statusCode === 200) return Date.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error('the service did not come back within 15 s of the database');
    }

    /** The pool serves again: a burst of requests all succeed (a failure names its error log and timing). */
    async function expectServing(c: ReliabilityContext): Promise<void> {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => oneRequest(c, i)));
      const failed = answers.filter((a) => a.res.statusCode !== 200 && a.res.statusCode !== 201);
      expect(failed.map((a) => `${a.what} ${a.res.statusCode} after ${a.ms} ms: ${a.res.body.slice(0, 200)} ${c.errorLogOf(a.res).join(' | ').slice(0, 800)}`)).toEqual([]);
    }

    /** Terminates every backend of the test database but the one asking (through the suite's own ORM). */
    async function killBackends(c: ReliabilityContext): Promise<number> {
      const rows = await c.orm.em.getConnection('write').execute<{ n: number }[]>(
        'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()) killed',
        [dbName],
      );
      return rows[0]?.n ?? 0;
    }

    test('connections killed under load (pg_terminate_backend): answers are 2xx or 503, none hangs, acknowledged writes survive, the pool recovers', async () => {
      const c = get();
      const kills = runs(4, 12);
      const answers = await load(c, 6, async (sofar) => {
        for (let k = 0; k < kills; k++) {
          await new Promise((resolve) => setTimeout(resolve, 300));
          if ((await killBackends(c)) > 0) countFault(c.figures, 'backends terminated (pg_terminate_backend)');
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        // The load goes on while the pool recovers, until a create has been acknowledged (bounded): on a
        // loaded machine every create of the kill window itself may have met a killed connection (503).
        for (let turn = 0; turn < 100 && !sofar.some((a) => a.what === 'POST /companies' && a.res.statusCode === 201); turn += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      });
      expectCleanFailures(c, answers);
      await recovery(c);
      await expectServing(c);
      // Every acknowledged create is there.
      const created = answers.filter((a) => a.what === 'POST /companies' && a.res.statusCode === 201).map((a) => a.res.json<{ data: { id: number } }>().data.id);
      const missing: number[] = [];
      for (const id of created) if ((await c.call({ method: 'GET', url: `/companies/${id}`, headers: adminAuth })).statusCode !== 200) missing.push(id);
      c.figures.rowsLost += missing.length;
      expect(missing).toEqual([]);
      expect(created.length).toBeGreaterThan(0);
    }, 120_000);

    for (const mode of ['reset', 'blackhole'] as const) {
      const how = mode === 'reset' ? 'connections reset, new ones refused' : 'every packet dropped';
      test(`database unreachable (${how}): 503 in the envelope within the request timeout, /health/ready 503 within 2 s, service returns by itself`, async () => {
        const c = get();
        const consoleLinesBefore = consoleLines(c).length;
        let readyDuringOutage: Answer | undefined;
        const answers = await load(c, 6, async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          proxy.set(mode);
          countFault(c.figures, `database unreachable (${mode})`);
          await new Promise((resolve) => setTimeout(resolve, 200));
          const started = Date.now();
          const res = await c.call({ method: 'GET', url: '/health/ready' }, { app, allow5xx: [503] });
          readyDuringOutage = { res, ms: Date.now() - started, what: 'GET /health/ready' };
          // Longer than any answer may take, so a request that hangs until the database is back is caught.
          await new Promise((resolve) => setTimeout(resolve, REQUEST_TIMEOUT_MS + SLACK_MS + 1_000));
          proxy.set('open');
        });
        expect(readyDuringOutage?.res.statusCode).toBe(503);
        expect(readyDuringOutage?.res.json()).toEqual({ error: 'Not ready: The primary database (DATABASE_URL) is unavailable. Try again shortly.', details: [] });
        expect(readyDuringOutage?.ms).toBeLessThan(READY_WITHIN_MS + 500);
        expect(answers.filter((a) => a.res.statusCode === 503).length).toBeGreaterThan(0);
        expectCleanFailures(c, answers);
        // knex's "Connection Error: Connection ended unexpectedly" included: JSON lines of the app's logger only.
        expect(consoleLines(c).slice(consoleLinesBefore)).toEqual([]);
        if (mode === 'reset') {
          // Routed, not lost: knex's report of the dropped connections is a warning of the app's logger.
          expect(c.logs.some((line) => line.includes('"component":"database"') && line.includes('Connection Error'))).toBe(true);
        }
        const timedOut = answers.filter((a) => c.errorLogOf(a.res).some((line) => line.includes('FST_ERR_HANDLER_TIMEOUT'))).length;
        const recoveredIn = await recovery(c);
        c.figures.notes.push(`${mode}: ${timedOut} requests answered 503 by the request timeout`);
        c.figures.notes.push(`${mode}: ready again ${recoveredIn} ms after the database came back`);
        await expectServing(c);
      }, 120_000);
    }

    test('a connection that cannot be established in time answers 503', async () => {
      const c = get();
      // A fresh pool with nothing to reuse: the request has to connect, through a proxy that drops everything.
      const url = new URL(c.db.databaseUrl ?? '');
      const blackhole = new TcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      url.port = String(await blackhole.listen());
      blackhole.set('blackhole');
      const orm = await createORM(createOrmConfig({ DATABASE_URL: url.toString(), DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS), DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '5000' }));
      try {
        const faulty = await c.buildExtraApp({ config: { requestTimeoutMs: 10_000 } }, orm);
        const res = await c.call({ method: 'GET', url: '/ref/countries' }, { app: faulty, allow5xx: [503] });
        expect(res.statusCode).toBe(503);
      } finally {
        await orm.close(true);
        await blackhole.close();
      }
    }, 60_000);

    test('a transaction whose connection is killed fails with a 503-typed error', async () => {
      const c = get();
      const em = c.orm.em.fork();
      const attempt = transactional(em, async (tx) => {
        const [row] = await tx.getConnection().execute<{ pid: number }[]>('select pg_backend_pid() as pid', [], 'all', tx.getTransactionContext());
        await c.orm.em.getConnection('write').execute('select pg_terminate_backend(?)', [row?.pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return tx.count(User, {});
      });
      await expect(attempt).rejects.toMatchObject({ statusCode: 503 });
    }, 60_000);
  },
  { databases: ['postgresql'] },
);
