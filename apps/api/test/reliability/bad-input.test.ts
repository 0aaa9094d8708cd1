import { ApiRequest } from '@eventlead/models';
import { textProblem } from '@eventlead/schemas';
import fc from 'fast-check';
import {
  BAD_CONTENT_TYPES,
  BAD_IDS,
  BAD_REF_TABLES,
  BODY_ROUTES,
  ID_ROUTES,
  MALFORMED_JSON,
  METACHARACTER_STRINGS,
  badBodies,
  badIdSegment,
  badListQueries,
  invalidBody,
  percentEncode,
  randomQuery,
  validListQueries,
  type BadRequest,
  type Targets,
} from './support/corpus';
import { adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { countRows, rowDifferences, rowsChanged } from './support/row-counts';
import { injectOptions, notRefused, sendAll, watchPassword } from './support/send';
import { runs } from './support/settings';

/** Runs `requests`, which must all be refused: each answer a 4xx, and no row of dbo/audit/config/cache changed. */
async function expectAllRefused(c: ReliabilityContext, requests: readonly BadRequest[]): Promise<void> {
  const before = await countRows(c.orm);
  const answers = await sendAll(c, requests);
  const after = await countRows(c.orm);
  c.figures.rowsLeftBehind += rowsChanged(before, after);
  expect(notRefused(requests, answers).slice(0, 10)).toEqual([]);
  expect(rowDifferences(before, after)).toEqual({});
}

describeReliability('bad input', (get) => {
  const targets: Targets = { userId: 0, companyId: 0 };

  beforeAll(async () => {
    const c = get();
    const user = await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: 'target.user@example.com', password: 'target user passphrase' } });
    const company = await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Target Company' } });
    expect([user.statusCode, company.statusCode]).toEqual([201, 201]);
    targets.userId = user.json<{ data: { id: number } }>().data.id;
    targets.companyId = company.json<{ data: { id: number } }>().data.id;
  });

  test('hand-written bad bodies on every body route: 4xx in the envelope, nothing written', async () => {
    const requests: BadRequest[] = [];
    for (const route of BODY_ROUTES) {
      const url = route.path(targets);
      for (const { label, body } of badBodies(route)) {
        requests.push({ label: `${route.name}: ${label}`, method: route.method, url, body });
      }
      for (const raw of MALFORMED_JSON) requests.push({ label: `${route.name}: malformed ${JSON.stringify(raw.toString()).slice(0, 40)}`, method: route.method, url, raw });
      for (const contentType of BAD_CONTENT_TYPES) {
        requests.push({ label: `${route.name}: content-type ${contentType}`, method: route.method, url, raw: JSON.stringify(route.valid), contentType });
      }
      requests.push({ label: `${route.name}: empty JSON body`, method: route.method, url, raw: '' });
    }
    await expectAllRefused(get(), requests);
  }, 120_000);

  test('bad path ids on every route that takes one, and unknown /ref tables: 4xx in the envelope, nothing written', async () => {
    const requests: BadRequest[] = [];
    for (const route of ID_ROUTES) {
      for (const id of BAD_IDS) {
        const body = route.method === 'PATCH' ? { firstName: 'Nobody' } : route.method === 'POST' ? { userId: targets.userId, role: 'member' } : undefined;
        requests.push({ label: `${route.method} ${route.path(id)}`, method: route.method, url: route.path(id), body });
      }
    }
    for (const table of BAD_REF_TABLES) requests.push({ label: `GET /ref/${table}`, method: 'GET', url: `/ref/${table}` });
    await expectAllRefused(get(), requests);
  }, 120_000);

  test('bad list queries (bounds, duplicates, sort fields, unknown parameters): 4xx in the envelope', async () => {
    const requests: BadRequest[] = (['/users', '/companies'] as const).flatMap((route) =>
      badListQueries(route).map((q): BadRequest => ({ label: `GET ${route}?${q.slice(0, 60)}`, method: 'GET', url: `${route}?${q}` })),
    );
    await expectAllRefused(get(), requests);
  }, 120_000);

  test('page and pageSize at their bounds and hostile filter text are answered 200; filters match literally', async () => {
    const c = get();
    const requests: BadRequest[] = (['/users', '/companies'] as const).flatMap((route) =>
      validListQueries(route).map((q): BadRequest => ({ label: `GET ${route}?${q.slice(0, 60)}`, method: 'GET', url: `${route}?${q}` })),
    );
    const answers = await sendAll(c, requests);
    expect(requests.flatMap((r, i) => (answers[i]?.statusCode === 200 ? [] : [`${r.label} → ${answers[i]?.statusCode ?? 0}`]))).toEqual([]);
    // "%" and "_" are LIKE wildcards: as filters they must match themselves only (unescaped, they
    // would match the seeded operator account and the target user, whose names hold neither).
    for (const term of ['%', '_']) {
      const res = await c.call({ method: 'GET', url: `/users?name=${percentEncode(term)}`, headers: adminAuth });
      const items = res.json<{ data: { items: { firstName: string | null; lastName: string | null }[] } }>().data.items;
      expect(items.every((u) => `${u.firstName ?? ''}${u.lastName ?? ''}`.includes(term))).toBe(true);
    }
  }, 120_000);

  test('hostile but valid text in every free-text field is stored verbatim or refused, never a 5xx', async () => {
    const c = get();
    const problems: string[] = [];
    let n = 0;
    for (const text of METACHARACTER_STRINGS) {
      n += 1;
      const cases: { url: string; method: 'POST' | 'PATCH'; body: Record<string, unknown>; field: string; read: (id: number) => string }[] = [
        { method: 'POST', url: '/users', body: { email: `hostile${n}@example.com`, password: 'hostile text passphrase', firstName: text, lastName: text, roleTitle: text }, field: 'firstName', read: (id) => `/users/${id}` },
        { method: 'POST', url: '/companies', body: { companyName: text, tradingName: text }, field: 'companyName', read: (id) => `/companies/${id}` },
        { method: 'PATCH', url: `/users/${targets.userId}`, body: { lastName: text }, field: 'lastName', read: (id) => `/users/${id}` },
        { method: 'PATCH', url: `/companies/${targets.companyId}`, body: { tradingName: text }, field: 'tradingName', read: (id) => `/companies/${id}` },
      ];
      for (const k of cases) {
        const res = await c.call({ method: k.method, url: k.url, headers: adminAuth, payload: k.body });
        c.figures.inputsTried += 1;
        if (res.statusCode >= 500) problems.push(`${k.method} ${k.url} ${JSON.stringify(text)} → ${res.statusCode} ${c.errorLogOf(res).join(' | ').slice(0, 600)}`);
        // Text the rules of @eventlead/schemas refuse (a lone surrogate, which UTF-8 cannot hold) is a 400.
        if (textProblem(text) !== undefined) {
          if (res.statusCode !== 400) problems.push(`${k.method} ${k.url} ${JSON.stringify(text)} → ${res.statusCode}, not 400`);
          continue;
        }
        if (res.statusCode !== 200 && res.statusCode !== 201) continue;
        const id = res.json<{ data: { id: number } }>().data.id;
        const stored = (await c.call({ method: 'GET', url: k.read(id), headers: adminAuth })).json<{ data: Record<string, unknown> }>().data[k.field];
        const expected = typeof k.body[k.field] === 'string' ? (k.body[k.field] as string).trim() : k.body[k.field];
        if (stored !== expected) {
          problems.push(`${k.method} ${k.url} stored ${JSON.stringify(stored)} for ${JSON.stringify(expected)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  test('generated invalid bodies (fast-check) on every body route: 4xx, nothing written', async () => {
    const c = get();
    const before = await countRows(c.orm);
    const route = fc.constantFrom(...BODY_ROUTES);
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(route.chain((r) => invalidBody(r).map((b) => ({ r, b }))), async ({ r, b }) => {
        watchPassword(c, b.body);
        const res = await c.call(injectOptions({ label: b.label, method: r.method, url: r.path(targets), body: b.body }));
        c.figures.inputsTried += 1;
        if (res.statusCode < 400 || res.statusCode >= 500) problems.push(`${r.name} ${b.label} ${JSON.stringify(b.body).slice(0, 120)} → ${res.statusCode}`);
      }),
      { numRuns: runs(300, 5_000) },
    );
    const after = await countRows(c.orm);
    c.figures.rowsLeftBehind += rowsChanged(before, after);
    expect(problems.slice(0, 10)).toEqual([]);
    expect(rowDifferences(before, after)).toEqual({});
  }, 180_000);

  test('generated path ids, /ref tables and raw bodies (fast-check): 4xx, nothing written', async () => {
    const c = get();
    const before = await countRows(c.orm);
    const problems: string[] = [];
    const request = fc.oneof(
      fc.tuple(fc.constantFrom(...ID_ROUTES), badIdSegment).map(([r, id]): BadRequest => ({ label: `${r.method} ${r.path(id)}`, method: r.method, url: r.path(id), body: r.method === 'PATCH' ? { firstName: 'Nobody' } : undefined })),
      badIdSegment.filter((t) => !/^[a-z]/.test(t)).map((t): BadRequest => ({ label: `GET /ref/${t}`, method: 'GET', url: `/ref/${t}` })),
      fc.uint8Array({ maxLength: 200 }).map((bytes): BadRequest => ({ label: `raw ${Buffer.from(bytes).toString('hex').slice(0, 40)}`, method: 'POST', url: '/users', raw: Buffer.from(bytes) })),
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const res = await c.call(injectOptions(r));
        c.figures.inputsTried += 1;
        if (res.statusCode < 400 || res.statusCode >= 500) problems.push(`${r.label} → ${res.statusCode}`);
      }),
      { numRuns: runs(300, 5_000) },
    );
    const after = await countRows(c.orm);
    c.figures.rowsLeftBehind += rowsChanged(before, after);
    expect(problems.slice(0, 10)).toEqual([]);
    expect(rowDifferences(before, after)).toEqual({});
  }, 180_000);

  test('generated list queries (fast-check): never a 5xx, 200 or a 4xx in the envelope, nothing written', async () => {
    const c = get();
    const before = await countRows(c.orm);
    const problems: string[] = [];
    const query = fc.tuple(
      fc.constantFrom('/users', '/companies'),
      randomQuery(['page', 'pageSize', 'sortBy', 'sortOrder', 'name', 'email', 'status', 'abn']),
    );
    await fc.assert(
      fc.asyncProperty(query, async ([route, q]) => {
        const res = await c.call({ method: 'GET', url: `${route}?${q}`, headers: adminAuth });
        c.figures.inputsTried += 1;
        if (res.statusCode !== 200 && (res.statusCode < 400 || res.statusCode >= 500)) problems.push(`GET ${route}?${q} → ${res.statusCode}`);
      }),
      { numRuns: runs(300, 5_000) },
    );
    const after = await countRows(c.orm);
    expect(problems.slice(0, 10)).toEqual([]);
    expect(rowDifferences(before, after)).toEqual({});
  }, 180_000);

  test('hostile request headers are answered and every answer is recorded in log.ApiRequest', async () => {
    const c = get();
    await c.app.requestLog.requests.flush();
    const before = await c.db.em().count(ApiRequest, {});
    const headerSets: Record<string, string>[] = [
      { 'x-request-id': 'r'.repeat(64) },
      { 'x-request-id': 'r'.repeat(65) },
      { 'x-request-id': 'r'.repeat(128) },
      { 'x-request-id': 'a b<script>' },
      { 'user-agent': 'u'.repeat(10_000) },
      { 'user-agent': "Mozilla'); DROP TABLE log.ApiRequest;--" },
      { 'if-none-match': `"${'e'.repeat(8_000)}"` },
      { 'if-none-match': '*' },
      { 'accept-language': 'x'.repeat(4_000) },
    ];
    for (const headers of headerSets) {
      const res = await c.call({ method: 'GET', url: '/ref/countries', headers });
      c.figures.inputsTried += 1;
      expect([200, 304]).toContain(res.statusCode);
    }
    await c.app.requestLog.requests.flush();
    const after = await c.db.em().count(ApiRequest, {});
    c.figures.rowsLost += Math.max(0, headerSets.length - (after - before));
    expect(after - before).toBe(headerSets.length);
  }, 60_000);
});
