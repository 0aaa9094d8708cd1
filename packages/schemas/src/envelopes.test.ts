import { number, object, string } from 'yup';
import type { BaseResponse, ErrorResponse, PaginatedResponse } from './envelopes';
import { baseResponse, errorResponseSchema, paginatedResponse } from './envelopes';

const user = object({ id: number().integer().required(), email: string().required() });

describe('baseResponse', () => {
  const schema = baseResponse(user);

  test('accepts { success, message, data }', async () => {
    const body = { success: true, message: 'Found', data: { id: 1, email: 'a@example.com' } };
    await expect(schema.validate(body)).resolves.toEqual(body);
  });

  test.each([
    ['success is missing', { data: { id: 1, email: 'a@example.com' } }, /success/],
    ['data is missing', { success: true }, /data/],
    ['data is null but the schema is not nullable', { success: true, data: null }, /data/],
    [
      'data breaks its schema',
      { success: true, data: { id: 'one', email: 'a@example.com' } },
      /data\.id/,
    ],
  ])('refuses a body where %s', async (_label, body, message) => {
    await expect(schema.validate(body)).rejects.toThrow(message);
  });

  test('allows null data when the data schema is nullable', async () => {
    await expect(
      baseResponse(string().nullable()).validate({ success: true, data: null }),
    ).resolves.toEqual({
      success: true,
      data: null,
    });
  });
});

describe('paginatedResponse', () => {
  const schema = paginatedResponse(user);
  const page = { items: [{ id: 1, email: 'a@example.com' }], total: 41, page: 3, pageSize: 20 };

  test('accepts { items, total, page, pageSize }', async () => {
    await expect(schema.validate(page)).resolves.toEqual(page);
  });

  test('nests inside baseResponse', async () => {
    const body = { success: true, data: page };
    await expect(baseResponse(schema).validate(body)).resolves.toEqual(body);
  });

  test.each([
    ['a negative total', { ...page, total: -1 }],
    ['page 0', { ...page, page: 0 }],
    ['a fractional page size', { ...page, pageSize: 2.5 }],
    ['an item that breaks its schema', { ...page, items: [{ id: 1 }] }],
    ['no items array', { total: 0, page: 1, pageSize: 20 }],
  ])('refuses %s', async (_label, body) => {
    await expect(schema.validate(body)).rejects.toThrow();
  });
});

describe('errorResponseSchema', () => {
  test.each([
    [{ error: 'Not found' }],
    [
      {
        error: 'Validation failed',
        code: 'VALIDATION',
        details: [{ field: 'email', message: 'Email address is not valid.' }],
      },
    ],
    [{ error: 'Validation failed', details: [{ field: '', message: 'Body must be an object.' }] }],
  ])('accepts %j', async (body) => {
    await expect(errorResponseSchema.validate(body)).resolves.toEqual(body);
  });

  test.each([
    ['no error', { details: [] }],
    ['an empty error', { error: '' }],
    ['a detail without a message', { error: 'Validation failed', details: [{ field: 'email' }] }],
    [
      'a detail without a field',
      { error: 'Validation failed', details: [{ message: 'Required' }] },
    ],
  ])('refuses %s', async (_label, body) => {
    await expect(errorResponseSchema.validate(body)).rejects.toThrow();
  });
});

describe('inferred types', () => {
  // These assignments are checked by `tsc` (the typecheck script); the runtime assertion only keeps
  // them from being unused.
  test('follow the schemas', () => {
    const ok: BaseResponse<{ id: number }> = { success: true, data: { id: 1 } };
    // @ts-expect-error data is required
    const missingData: BaseResponse<{ id: number }> = { success: true };
    // @ts-expect-error data keeps its type
    const wrongData: BaseResponse<{ id: number }> = { success: true, data: { id: '1' } };
    const list: PaginatedResponse<string> = { items: ['a'], total: 1, page: 1, pageSize: 20 };
    // @ts-expect-error items keep their type
    const wrongItems: PaginatedResponse<string> = { items: [1], total: 1, page: 1, pageSize: 20 };
    const error: ErrorResponse = {
      error: 'Nope',
      details: [{ field: 'email', message: 'Required' }],
    };
    expect([ok, missingData, wrongData, list, wrongItems, error]).toHaveLength(6);
  });
});
