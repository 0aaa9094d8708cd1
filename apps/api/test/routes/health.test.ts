import { createOrmConfig, createORM } from '@eventlead/db';
import { createTestDatabase, type TestDatabase } from '@eventlead/db/testing';
import { hashToken } from '@eventlead/security';
import { buildApp } from '../../src/app';
import { ADMIN_TOKEN, describeApp } from '../app-harness';

describeApp('GET /health', (get) => {
  test('answers 200 in the BaseResponse envelope with a request id', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true, message: 'ok', data: { status: 'ok' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('keeps a plain incoming x-request-id and replaces an unsafe one', async () => {
    const kept = await get().app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await get().app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'a b<script>' } });
    expect(replaced.headers['x-request-id']).not.toBe('a b<script>');
  });

  test('GET /health/ready answers 200 after a database round trip', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ success: true, data: { status: 'ready' } });
  });

  test('an unknown route is a 404 in the error envelope', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Route GET /nope not found.', details: [] });
  });
});

// DATABASE_REPLICA_URLS needs a server primary (the embedded database has no replicas): PostgreSQL only.
(process.env.TEST_POSTGRES_URL ? describe : describe.skip)('[postgresql] GET /health/ready with read replicas', () => {
  // 127.0.0.1:1 is a closed port: the replica's connections are refused, as when it is down.
  const closed = 'postgresql://eventlead:hunter2@127.0.0.1:1/eventlead';
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Answers `GET /health/ready` of an app whose ORM reads through `replicas`. */
  async function ready(...replicas: string[]) {
    const orm = await createORM(createOrmConfig({ DATABASE_URL: db?.databaseUrl, DATABASE_REPLICA_URLS: replicas.join(',') }));
    const app = await buildApp({ orm, config: { adminTokenSha256: hashToken(ADMIN_TOKEN) } });
    try {
      return await app.inject({ method: 'GET', url: '/health/ready' });
    } finally {
      await app.close();
      await orm.close(true);
    }
  }

  test('answers 200 when the primary and every replica answer (a replica may be the primary database)', async () => {
    const res = await ready(db?.databaseUrl ?? '');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ success: true, data: { status: 'ready' } });
  });

  test('answers 503 naming the replica that cannot be reached, without its password', async () => {
    const res = await ready(db?.databaseUrl ?? '', closed);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toEqual({ error: 'Not ready: Read replica replica-2 (DATABASE_REPLICA_URLS entry 2) is unavailable. Try again shortly.', details: [] });
    expect(res.body).not.toMatch(/hunter2|127\.0\.0\.1/);
  });
});
