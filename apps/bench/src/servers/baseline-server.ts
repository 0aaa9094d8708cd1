/**
 * "Baseline": a bare Fastify server with the API's routes, envelopes, fields and admin-token check,
 * over `pg` (or PGlite for the cold start) with hand-written SQL, as a careful engineer writes it:
 * named prepared statements, and Fastify's default logger (its request logging, to stdout) at the
 * level the API runs at. No plugins, no ORM, no validation library: what the API would cost if it
 * did only the essential work.
 *
 * Environment (set by the bench): BENCH_DATABASE_URL (`postgresql://...` or `pglite://memory`),
 * BENCH_ADMIN_TOKEN_SHA256, BENCH_PORT, BENCH_LOG_LEVEL (unset: no logger).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { hashPassword } from '@eventlead/security';
import { reportStart, runChild, serveQuestions, sinceProcessStart } from '../ipc/child-side';
import { INSERT_USER, USER_WITH_COMPANIES, USERS_COUNT, USERS_PAGE, userDetailDto, userDto, type UserMembershipRow, type UserRow } from './baseline-queries';
import { installQueryCounter } from './query-counter';
import { heapAfterGc, listenOptions, probeHashing, requiredEnv, serverStats, startProfile, stopProfile } from './server-questions';

const modulesLoadedMs = sinceProcessStart();
// Which request a query serves, for the per-request round-trip count (the API has MikroORM's RequestContext for this).
const requests = new AsyncLocalStorage<object>();
installQueryCounter(() => requests.getStore());

interface Db {
  /** Runs `sql`; on PostgreSQL as the named prepared statement `name` (planned once per connection). */
  query<T>(sql: string, params?: unknown[], name?: string): Promise<T[]>;
  close(): Promise<void>;
}

async function openDb(url: string): Promise<Db> {
  if (url.startsWith('pglite://')) {
    // Loaded only for the PGlite cold start, like the API loads its PGlite driver only then.
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create();
    return {
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
      close: () => db.close(),
    };
  }
  // bigint ids and counts as JS numbers, as the ORM maps them.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    query: async <T>(sql: string, params: unknown[] = [], name?: string) =>
      (await (name === undefined ? pool.query(sql, params) : pool.query({ name, text: sql, values: params }))).rows as T[],
    close: () => pool.end(),
  };
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/;
const POSITIVE_ID = /^[1-9][0-9]{0,15}$/;
const DIGITS = /^[0-9]{1,9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const fail = (reply: FastifyReply, status: number, error: string) => reply.code(status).send({ error, details: [] });

function intParam(value: unknown, fallback: number, min: number, max: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !DIGITS.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

runChild(async () => {
  const db = await openDb(requiredEnv('BENCH_DATABASE_URL'));
  const databaseReadyMs = sinceProcessStart();
  const tokenDigest = Buffer.from(requiredEnv('BENCH_ADMIN_TOKEN_SHA256'), 'hex');

  const level = process.env.BENCH_LOG_LEVEL;
  const app = Fastify({ logger: level === undefined || level === '' ? false : { level } });
  app.addHook('onRequest', (request, _reply, done) => {
    requests.run(request, done);
  });

  const requireAdmin = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const presented = token === undefined ? undefined : createHash('sha256').update(token).digest();
    if (presented === undefined || !timingSafeEqual(presented, tokenDigest)) {
      void reply.header('www-authenticate', 'Bearer');
      void fail(reply, 401, 'A valid bearer token is required.');
      return;
    }
    done();
  };

  app.get('/health', () => ({ success: true, message: 'ok', data: { status: 'ok' } }));

  app.get('/health/ready', async () => {
    await db.query('select 1');
    return { success: true, message: 'ready', data: { status: 'ready' } };
  });

  app.get<{ Params: { id: string } }>('/users/:id', { onRequest: requireAdmin }, async (request, reply) => {
    if (!POSITIVE_ID.test(request.params.id)) return fail(reply, 400, 'The request is not valid.');
    const rows = await db.query<UserMembershipRow>(USER_WITH_COMPANIES, [Number(request.params.id)], 'user_with_companies');
    const data = userDetailDto(rows);
    if (data === undefined) return fail(reply, 404, 'User was not found.');
    return { success: true, message: 'ok', data };
  });

  app.get<{ Querystring: Record<string, unknown> }>('/users', { onRequest: requireAdmin }, async (request, reply) => {
    const page = intParam(request.query.page, 1, 1, 90_071_992_547_409);
    const pageSize = intParam(request.query.pageSize, 20, 1, 100);
    if (page === undefined || pageSize === undefined) return fail(reply, 400, 'The request is not valid.');
    const [rows, counted] = await Promise.all([
      db.query<UserRow>(USERS_PAGE, [pageSize, (page - 1) * pageSize], 'users_page'),
      db.query<{ total: number }>(USERS_COUNT, [], 'users_count'),
    ]);
    return { success: true, message: 'ok', data: { items: rows.map(userDto), total: counted[0]?.total ?? 0, page, pageSize } };
  });

  app.post<{ Body: Record<string, unknown> | null }>('/users', { onRequest: requireAdmin }, async (request, reply) => {
    const body = request.body ?? {};
    const { email, password } = body;
    if (typeof email !== 'string' || !EMAIL.test(email) || typeof password !== 'string' || password.length < 12) {
      return fail(reply, 400, 'The request is not valid.');
    }
    const passwordHash = await hashPassword(password);
    try {
      const [row] = await db.query<UserRow>(INSERT_USER, [
        email.toLowerCase(),
        passwordHash,
        optionalText(body.firstName),
        optionalText(body.lastName),
        optionalText(body.phone),
        optionalText(body.roleTitle),
      ]);
      if (row === undefined) throw new Error('Reference data is missing: no active user status.');
      return await reply.code(201).send({ success: true, message: 'User created.', data: { ...userDto(row), companies: [] } });
    } catch (error) {
      if ((error as { code?: unknown }).code === '23505') return fail(reply, 409, 'A user with this email address already exists.');
      throw error;
    }
  });

  await app.ready();
  const appBuiltMs = sinceProcessStart();
  await app.listen(listenOptions());
  const listeningMs = sinceProcessStart();
  const port = (app.server.address() as { port: number }).port;

  serveQuestions({
    stats: serverStats,
    heap: heapAfterGc,
    profileStart: startProfile,
    profileStop: stopProfile,
    hashProbe: probeHashing,
    stop: async () => {
      await app.close();
      await db.close();
      setTimeout(() => process.exit(0), 50);
      return null;
    },
  });
  reportStart({ kind: 'ready', port, phases: { modulesLoadedMs, databaseReadyMs, appBuiltMs, listeningMs } });
});
