import { UniqueConflictError } from '@eventlead/db';
import { HashingCapacityError } from '@eventlead/security';
import type { FastifyInstance } from 'fastify';
import { object, string } from 'yup';
import { NotFoundError } from '../../src/errors';
import { describeApp } from '../app-harness';

function testRoutes(app: FastifyInstance): void {
    app.post('/t/echo', { schema: { body: object({ name: string().required().max(5) }).noUnknown() } }, (request) => request.body);
    app.get('/t/missing', () => { throw new NotFoundError('Widget'); });
    app.get('/t/conflict', () => { throw new UniqueConflictError('UQ_User_Email'); });
    app.get('/t/busy', () => { throw new HashingCapacityError(3); });
}

describeApp('error handler', (get) => {

  test.each([
    ['malformed JSON', { payload: '{"name":', headers: { 'content-type': 'application/json' } }, 400],
    ['a missing field', { payload: {} }, 400],
    ['an unknown field', { payload: { name: 'ok', admin: true } }, 400],
    ['a too long field', { payload: { name: 'toolong' } }, 400],
    ['a body over the limit', { payload: { name: 'x'.repeat(2_000_000) } }, 413],
    ['an unsupported media type', { payload: '<name/>', headers: { 'content-type': 'application/xml' } }, 415],
  ])('%s → its 4xx in the error envelope', async (_case, request, status) => {
    const res = await get().app.inject({ method: 'POST', url: '/t/echo', ...request });
    expect(res.statusCode).toBe(status);
    const body = res.json<{ error: string; details: unknown[] }>();
    expect(typeof body.error).toBe('string');
    expect(Array.isArray(body.details)).toBe(true);
    expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  test('validation errors name each field', async () => {
    const res = await get().app.inject({ method: 'POST', url: '/t/echo', payload: { name: 'toolong' } });
    expect(res.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'name', message: expect.any(String) as string }] });
  });

  test.each([
    ['/t/missing', 404],
    ['/t/conflict', 409],
  ])('typed error at %s → %d', async (url, status) => {
    const res = await get().app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ details: [] });
  });

  test('refused hashing capacity → 503 with Retry-After', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/t/busy' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.json()).toMatchObject({ details: [] });
  });
}, { extraRoutes: testRoutes });
