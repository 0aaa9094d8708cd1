import { ValidationError } from 'yup';
import { fastAcceptOf } from '../../src/plugins/validation';
import { idParams } from '../../src/routes/id-params';

/** What the schema alone answers: the value, or the refusal's messages. */
function bySchema(data: unknown): { value: unknown } | { errors: string[] } {
  try {
    return { value: idParams.validateSync(data, { abortEarly: false, stripUnknown: false }) };
  } catch (error) {
    if (error instanceof ValidationError) return { errors: error.errors };
    throw error;
  }
}

const params = (entries: Record<string, unknown>): unknown => Object.assign(Object.create(null) as object, entries);

describe(':id path parameter', () => {
  const accept = fastAcceptOf(idParams);

  test('has a fast path', () => {
    expect(accept).toBeDefined();
  });

  test.each(['1', '7', '42', '1000000', String(Number.MAX_SAFE_INTEGER)])('a plain id (%s) is accepted fast, as the schema accepts it', (id) => {
    const data = params({ id });
    expect(accept?.(data)).toEqual({ id: Number(id) });
    expect(bySchema(data)).toEqual({ value: accept?.(data) });
  });

  test.each([
    ['0'],
    ['01'],
    ['-1'],
    ['1.0'],
    ['1e3'],
    ['0x1'],
    [' 1'],
    ['1 '],
    [''],
    ['abc'],
    ['１'],
    [String(Number.MAX_SAFE_INTEGER + 1)],
    ['9'.repeat(400)],
    ['1\u0000'],
  ])('anything else (%j) is left to the schema, which refuses it', (id) => {
    const data = params({ id });
    expect(accept?.(data)).toBeUndefined();
    expect(bySchema(data)).toHaveProperty('errors');
  });

  test.each([
    ['no id', params({})],
    ['another key beside it', params({ id: '1', other: '2' })],
    ['a number instead of a string', params({ id: 1 })],
    ['not an object', '1'],
    ['null', null],
  ])('%s: left to the schema', (_name, data) => {
    expect(accept?.(data)).toBeUndefined();
  });
});
