import { referenceTables } from '@eventlead/models';
import { describeApp } from '../app-harness';
import { expectNoSecrets, insertReferenceRows } from './ref-fixtures';

describeApp('GET /ref/:table', (get) => {
  // The tests read, and the one that changes a row puts it back: the rows are inserted once.
  beforeAll(async () => {
    await insertReferenceRows(get().db);
  });

  test('answers the active rows by SortOrder then Name in the envelope, cacheable', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/ref/countries' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const body = res.json<{ success: boolean; data: { code: string; description: string | null }[] }>();
    expect(body.success).toBe(true);
    expect(body.data.map((r) => r.code)).toEqual(['AU', 'FJ', 'NZ']);
    expect(body.data[0]).toEqual({ id: expect.any(Number) as number, code: 'AU', name: 'Australia', description: 'Home', sortOrder: 1 });
    expect(Object.keys(body.data[1] ?? {})).not.toContain('isActive');
    expectNoSecrets(res.body);
  });

  test.each(['user-statuses', 'userStatuses'])('%s addresses ref.UserStatus', async (table) => {
    const res = await get().app.inject({ method: 'GET', url: `/ref/${table}` });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ data: { code: string }[] }>().data.map((r) => r.code)).toEqual(['active', 'suspended']);
  });

  test('every ref table of the models answers 200 with an array, by its slug', async () => {
    expect(referenceTables).toHaveLength(14);
    for (const table of referenceTables.map(({ slug }) => slug)) {
      const res = await get().app.inject({ method: 'GET', url: `/ref/${table}` });
      expect({ table, status: res.statusCode }).toEqual({ table, status: 200 });
      expect(Array.isArray(res.json<{ data: unknown }>().data)).toBe(true);
    }
  });

  test('a matching If-None-Match answers 304 with an empty body; a stale one answers 200', async () => {
    const first = await get().app.inject({ method: 'GET', url: '/ref/countries' });
    const etag = first.headers.etag!;
    const cached = await get().app.inject({ method: 'GET', url: '/ref/countries', headers: { 'if-none-match': `"other", ${etag}` } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    expect(cached.headers.etag).toBe(etag);
    const stale = await get().app.inject({ method: 'GET', url: '/ref/countries', headers: { 'if-none-match': '"stale"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.json<{ data: unknown[] }>().data).toHaveLength(3);
  });

  test('the ETag changes when the data changes', async () => {
    const before = await get().app.inject({ method: 'GET', url: '/ref/user-statuses' });
    const em = get().db.em();
    await em.nativeUpdate('UserStatus', { code: 'suspended' }, { name: 'On hold' });
    try {
      const after = await get().app.inject({ method: 'GET', url: '/ref/user-statuses', headers: { 'if-none-match': before.headers.etag! } });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
    } finally {
      await em.nativeUpdate('UserStatus', { code: 'suspended' }, { name: 'Suspended' });
    }
  });

  test.each(['users', 'User', 'constructor', '__proto__', 'countries%20or%201%3D1'])('unknown table %s is a 404 in the error envelope', async (table) => {
    const res = await get().app.inject({ method: 'GET', url: `/ref/${table}` });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: `Reference table was not found; the tables are ${referenceTables.map((t) => t.slug).join(', ')}.`, details: [] });
    expect(res.json<{ error: string }>().error).toContain('countries, languages, industries');
    expect(res.json<{ error: string }>().error).not.toContain(decodeURIComponent(table));
  });
}, { database: { resetAfterEach: false } });
