import { describeApp } from '../app-harness';

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
