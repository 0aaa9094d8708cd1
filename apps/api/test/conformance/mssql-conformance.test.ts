/**
 * SQL Server conformance without a server. The API (buildApp, every plugin and route) runs on a SQL
 * Server ORM whose connection records each statement instead of sending it; the same calls are answered
 * by PGlite or PostgreSQL with this scenario's data, so every route runs end to end. THIS CHECKS THE
 * SQL TEXT, NOT BEHAVIOUR: what SQL Server would do with these statements is for a real server
 * (docs/database/sql-server.md, go-live checklist).
 *
 * - every route of the OpenAPI document is exercised (compared with the document);
 * - every statement passes the T-SQL checks (no ILIKE, FOR UPDATE, LIMIT, ... see tsqlViolations);
 * - the distinct statements match the committed corpus docs/database/mssql-statements.sql
 *   (`pnpm db:statements` rewrites it; CONFORMANCE_UPDATE=1 does the same for this file).
 */
import { insertRows, transactional, findWorkspaceRoot } from '@eventlead/db';
import {
  MSSQL_MAX_BOUND_PARAMETERS,
  MSSQL_STATEMENTS_COMMAND,
  MSSQL_STATEMENTS_PATH,
  corpusEntries,
  corpusViolations,
  createRecordingMsSqlOrm,
  describeEachDatabase,
  readCorpus,
  renderCorpus,
  schemaCheckOptions,
  statementShape,
  writeCorpus,
  type RecordedStatement,
  type RecordingOrm,
} from '@eventlead/db/testing';
import { ApiRequest, ApplicationError, User, referenceTables } from '@eventlead/models';
import { LockMode } from '@mikro-orm/core';
import { hashToken } from '@eventlead/security';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';

const ADMIN_TOKEN = 'conformance-admin-token-0123456789';
const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
// A search term with every LIKE wildcard of both dialects and the escape character.
const SEARCH_TERM = 'O_Brien 50%[x]\\';

interface Scenario {
  readonly statements: RecordedStatement[];
  readonly renderErrors: RecordingOrm['renderErrors'];
  /** `METHOD /route/:pattern` of every request answered. */
  readonly routes: Set<string>;
  readonly documented: Set<string>;
  readonly statuses: string[];
  /** `total` of the name searches' answers, by label. */
  readonly searchTotals: Record<string, number>;
}

/** Runs every route (and the db layer's own writes) on the recording SQL Server ORM. */
async function runScenario(answering: Parameters<typeof createRecordingMsSqlOrm>[0], plant?: (app: FastifyInstance) => void): Promise<Scenario> {
  const recording = await createRecordingMsSqlOrm(answering);
  const routes = new Set<string>();
  const statuses: string[] = [];
  const searchTotals: Record<string, number> = {};
  let app: FastifyInstance | undefined;
  try {
    // The request log is flushed once, when the app closes, so its batch has one producer.
    app = await buildApp({
      orm: recording.orm,
      config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 100_000 },
      requestLog: { flushIntervalMs: 3_600_000 },
    });
    app.addHook('onResponse', (request, _reply, done) => {
      routes.add(`${request.method} ${request.routeOptions.url ?? request.url}`);
      done();
    });
    plant?.(app);
    await app.ready();
    const server = app;
    const call = async (label: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      recording.label(label);
      const res = await server.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
      statuses.push(`${label} → ${res.statusCode}`);
      return res;
    };
    const idOf = (res: { json: () => unknown }): number => (res.json() as { data: { id: number } }).data.id;

    if (plant) {
      await call('planted route', 'GET', '/planted');
      return { statements: recording.statements, renderErrors: recording.renderErrors, routes, documented: new Set(), statuses, searchTotals };
    }
    const doc = (await server.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
    );

    await call('GET /health', 'GET', '/health');
    await call('GET /health/ready', 'GET', '/health/ready');
    for (const { slug } of referenceTables) await call('GET /ref/:table', 'GET', `/ref/${slug}`);

    const jane = idOf(await call('POST /users', 'POST', '/users', { email: 'jane.doe@example.com', password: 'correct horse battery', firstName: 'Jane', lastName: "O_Brien 50%[x]\\", phone: '0491 570 156', roleTitle: 'Director' }));
    const sam = idOf(await call('POST /users', 'POST', '/users', { email: 'sam@example.com', password: 'correct horse battery', firstName: 'Sam' }));
    await call('POST /users (duplicate email → 409)', 'POST', '/users', { email: 'JANE.DOE@example.com', password: 'correct horse battery' });
    await call('GET /users (first page)', 'GET', '/users');
    for (const sortBy of ['id', 'email', 'firstName', 'lastName', 'createdDate']) {
      await call('GET /users?sortBy=&sortOrder=&page=&pageSize=', 'GET', `/users?sortBy=${sortBy}&sortOrder=desc&page=2&pageSize=1`);
    }
    await call('GET /users?email=', 'GET', '/users?email=jane.doe%40example.com');
    await call('GET /users?status=', 'GET', '/users?status=active');
    searchTotals['GET /users?name='] = (await call('GET /users?name=', 'GET', `/users?name=${encodeURIComponent(SEARCH_TERM)}`)).json<{ data: { total: number } }>().data.total;
    await call('GET /users?name=&status=&email=', 'GET', `/users?name=jane&status=active&email=jane.doe%40example.com`);
    await call('GET /users/:id', 'GET', `/users/${jane}`);
    await call('GET /users/:id (unknown → 404)', 'GET', '/users/987654321');
    await call('PATCH /users/:id', 'PATCH', `/users/${jane}`, { firstName: 'Janet', phone: '(02) 5550 1234', status: 'suspended', password: 'a brand new secret' });
    await call('PATCH /users/:id (unknown → 404)', 'PATCH', '/users/987654321', { firstName: 'X' });

    const acme = idOf(await call('POST /companies', 'POST', '/companies', { companyName: 'Acme [50%_] Events', abn: '51 824 753 556', acn: '004 028 077', tradingName: 'Acme', gstRegistered: true }));
    await call('POST /companies (same ABN, fewer fields)', 'POST', '/companies', { companyName: 'Acme again', abn: '51 824 753 556' });
    await call('GET /companies (first page)', 'GET', '/companies');
    for (const sortBy of ['id', 'companyName', 'createdDate']) {
      await call('GET /companies?sortBy=&sortOrder=&page=&pageSize=', 'GET', `/companies?sortBy=${sortBy}&sortOrder=asc&page=2&pageSize=1`);
    }
    searchTotals['GET /companies?name='] = (await call('GET /companies?name=', 'GET', `/companies?name=${encodeURIComponent('[50%_]')}`)).json<{ data: { total: number } }>().data.total;
    await call('GET /companies?abn=', 'GET', '/companies?abn=51824753556');
    await call('GET /companies/:id', 'GET', `/companies/${acme}`);
    await call('PATCH /companies/:id', 'PATCH', `/companies/${acme}`, { tradingName: 'Acme Events', gstRegistered: false, isActive: true });
    await call('POST /companies/:id/users', 'POST', `/companies/${acme}/users`, { userId: sam, role: 'owner', isDefaultCompany: true });
    await call('POST /companies/:id/users (again → 409)', 'POST', `/companies/${acme}/users`, { userId: sam, role: 'owner' });
    await call('GET /users/:id (with companies)', 'GET', `/users/${sam}`);
    await call('DELETE /users/:id', 'DELETE', `/users/${jane}`);
    await call('DELETE /companies/:id', 'DELETE', `/companies/${acme}`);
    await call('DELETE /companies/:id (unknown → 404)', 'DELETE', '/companies/987654321');

    // The db layer's own writes: the request-log batch over SQL Server's parameter limit, a transaction.
    recording.label('insertRows (log.ApiRequest, 1,500 rows in chunks)');
    const now = new Date('2026-01-01T00:00:00Z');
    await insertRows(recording.orm, ApiRequest, Array.from({ length: 1_500 }, (_, i) => ({ requestId: `r${i}`, method: 'GET', path: '/x', statusCode: 200, durationMs: 1, createdDate: now })));
    recording.label('insertRows (log.ApplicationError)');
    await insertRows(recording.orm, ApplicationError, [{ errorType: 'Error', severity: 'error', message: 'boom', createdDate: now }]);
    recording.label('transactional (lock, update)');
    await transactional(recording.orm.em.fork(), async (em) => {
      const user = await em.findOneOrFail(User, { id: sam }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      user.roleTitle = 'Owner';
    });
    recording.label('request log: insertRows batch (log.ApiRequest, flushed on close)');
    await server.close();
    app = undefined;
    return { statements: recording.statements, renderErrors: recording.renderErrors, routes, documented, statuses, searchTotals };
  } finally {
    await app?.close();
    await recording.close();
  }
}

describeEachDatabase('SQL Server conformance run (SQL text recorded without a server; not behaviour)', (getDb) => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await runScenario(getDb().orm);
  }, 300_000);

  test('covers every route of the OpenAPI document', () => {
    expect(scenario.documented.size).toBeGreaterThan(10);
    expect([...scenario.documented].filter((route) => !scenario.routes.has(route)).sort()).toEqual([]);
  });

  test('every step answers as on PostgreSQL (where the answers come from): 2xx, or the status its label names', () => {
    const unexpected = scenario.statuses.filter((line) => {
      const [label = '', status = ''] = line.split(' → ').length === 3 ? [line.slice(0, line.lastIndexOf(' → ')), line.slice(line.lastIndexOf(' → ') + 3)] : line.split(' → ');
      const wanted = /→ (\d{3})\)$/.exec(label)?.[1];
      return wanted === undefined ? !/^2\d\d$/.test(status) : status !== wanted;
    });
    expect(scenario.statuses.length).toBeGreaterThan(40);
    expect(unexpected).toEqual([]);
    // The searches' SQL Server conditions reach PostgreSQL as the same literal-match pattern.
    expect(scenario.searchTotals).toEqual({ 'GET /users?name=': 1, 'GET /companies?name=': 1 });
  });

  test('every statement renders for SQL Server and passes the T-SQL checks', () => {
    expect(scenario.renderErrors).toEqual([]);
    expect(corpusViolations(corpusEntries(scenario.statements), schemaCheckOptions())).toEqual([]);
  });

  test('the name searches send their term with [, %, _ and the escape character escaped, as a parameter, with ESCAPE', () => {
    const search = scenario.statements.filter((s) => s.source === 'GET /users?name=' && s.sql.includes(' like '));
    expect(search.length).toBeGreaterThan(0);
    // The read models bind every value: the pattern is a parameter, never part of the text.
    const pattern = '%O\\_Brien 50\\%\\[x]\\\\%';
    const like = (column: string) => `\\[${column}\\] like @p\\d+ collate Latin1_General_100_CI_AS escape '\\\\'`;
    for (const statement of search) {
      expect(statement.sql).toMatch(new RegExp(`${like('FirstName')} or \\[\\w+\\]\\.${like('LastName')}`));
      expect(statement.sql).not.toContain('Brien');
      expect(statement.values.map(String)).toContain(pattern);
    }
  });

  test('the read models send every value as an @p parameter: none is written into their text', () => {
    // The read models' statements are the ones aliasing their root table e0 (the ORM's own use u0, c0, ...).
    const reads = scenario.statements.filter((s) => s.sql.includes(' as [e0]'));
    expect([...new Set(reads.map((s) => s.source))]).toEqual(expect.arrayContaining(['GET /users/:id', 'GET /users?email=', 'GET /companies/:id', 'GET /companies?abn=']));
    for (const { sql, parameters } of reads) {
      expect({ sql, parameters: parameters > 0 }).toEqual({ sql, parameters: true });
      // The only literal left is LIKE's escape character.
      expect(sql.replace(/ escape '\\'/g, '')).not.toMatch(/'/);
    }
    const byEmail = reads.filter((s) => s.source === 'GET /users?email=');
    expect(byEmail.length).toBeGreaterThan(0);
    for (const { values } of byEmail) expect(values.map(String)).toContain('jane.doe@example.com');
  });

  test("every statement sends its values as @p parameters, the ORM's own included: none is written into the text", () => {
    // The readiness probe's `select 1` is the one statement without a value.
    expect([...new Set(scenario.statements.filter((s) => s.parameters === 0).map((s) => statementShape(s.sql)))]).toEqual(['select #']);
    // No string literal but LIKE's escape character.
    expect(scenario.statements.filter((s) => s.sql.replace(/ escape '\\'/g, '').includes("'")).map((s) => s.sql)).toEqual([]);
    const signUp = scenario.statements.filter((s) => s.source === 'POST /users' && s.sql.startsWith('insert into [User] '));
    expect(signUp.length).toBeGreaterThan(0);
    for (const { sql } of signUp) expect(sql).not.toMatch(/jane\.doe|\$2[aby]\$/);
    expect(signUp.flatMap((s) => s.values.map(String))).toContain('jane.doe@example.com');
  });

  test(`row locks are table hints, the request log is chunked under ${MSSQL_MAX_BOUND_PARAMETERS} parameters`, () => {
    const locks = scenario.statements.filter((s) => s.sql.includes('UPDLOCK'));
    expect(locks.length).toBeGreaterThan(0);
    for (const lock of locks) expect(lock.sql).toMatch(/ as \[\w+\] WITH \(UPDLOCK, ROWLOCK\)/);
    const batches = scenario.statements.filter((s) => s.source.startsWith('insertRows (log.ApiRequest'));
    expect(batches.length).toBeGreaterThan(1);
    expect(Math.max(...batches.map((s) => s.parameters))).toBeLessThanOrEqual(MSSQL_MAX_BOUND_PARAMETERS);
  });

  test(`the committed corpus ${MSSQL_STATEMENTS_PATH} is up to date (regenerate: ${MSSQL_STATEMENTS_COMMAND})`, async () => {
    const root = findWorkspaceRoot(__dirname);
    const fresh = renderCorpus(corpusEntries(scenario.statements));
    if (process.env.CONFORMANCE_UPDATE === '1' && getDb().kind === 'pglite') {
      await writeCorpus(root, fresh);
    }
    expect(await readCorpus(root)).toBe(fresh);
  });

  // On the same database: the planted run records its own statements, on an app and recording ORM of its own.
  describe('a planted ILIKE fails it', () => {
    test('a route that filters with $ilike renders ILIKE for SQL Server, and the checks name it', async () => {
      const planted = await runScenario(getDb().orm, (app) => {
        app.get('/planted', async (request) => {
          const users = await request.em.find(User, { firstName: { $ilike: '%ann%' } });
          return { count: users.length };
        });
      });
      const violations = corpusViolations(corpusEntries(planted.statements), schemaCheckOptions());
      expect(violations.join('\n')).toMatch(/ILIKE is PostgreSQL only[\s\S]*\[FirstName\] ilike @p[\s\S]*from: planted route/);
    }, 120_000);
  });
}, { seed: true, resetAfterEach: false });

