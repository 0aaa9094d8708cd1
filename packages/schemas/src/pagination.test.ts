import type { PaginationParams } from './pagination';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginationParams } from './pagination';

const PLAIN = 'Write it in plain digits, without leading zeros, a sign, a decimal point or an exponent.';
const query = paginationParams({ sortBy: ['email', 'createdDate'], defaultSortBy: 'createdDate' });

describe('paginationParams', () => {
  test('fills in the defaults', async () => {
    await expect(query.validate({})).resolves.toEqual({
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
      sortBy: 'createdDate',
      sortOrder: 'asc',
    });
    expect(DEFAULT_PAGE_SIZE).toBe(20);
  });

  test('defaults sortBy to the first allowed column', async () => {
    const params = await paginationParams({ sortBy: ['name', 'id'] }).validate({});
    expect(params.sortBy).toBe('name');
  });

  test.each([
    [{ page: '2' }, { page: 2 }],
    [
      { page: '10', pageSize: '100' },
      { page: 10, pageSize: 100 },
    ],
    [{ pageSize: '1' }, { pageSize: 1 }],
    [
      { page: 3, pageSize: 50 },
      { page: 3, pageSize: 50 },
    ],
    [
      { sortBy: 'email', sortOrder: 'desc' },
      { sortBy: 'email', sortOrder: 'desc' },
    ],
  ])('accepts %j', async (input, expected) => {
    await expect(query.validate(input)).resolves.toMatchObject(expected);
  });

  test.each([
    ['letters after the digits', { page: '2abc' }],
    ['a decimal', { page: '1.5' }],
    ['a decimal number', { page: 1.5 }],
    ['an empty string', { page: '' }],
    ['a blank string', { page: ' ' }],
    ['surrounding spaces', { page: ' 2 ' }],
    ['inner spaces', { page: '2 3' }],
    ['exponent notation', { page: '1e1' }],
    ['hex', { page: '0x10' }],
    ['a sign', { page: '+2' }],
    ['a leading zero', { pageSize: '020' }],
    ['leading zeros', { page: '007' }],
    ['a zero-padded zero', { pageSize: '00' }],
    ['a repeated parameter', { page: ['1', '2'] }],
    ['a boolean', { page: true }],
    ['page 0', { page: '0' }],
    ['a negative page', { page: '-1' }],
    ['pageSize 0', { pageSize: '0' }],
    ['pageSize above the maximum', { pageSize: String(MAX_PAGE_SIZE + 1) }],
    ['an absurdly large page', { page: '9'.repeat(30) }],
    ['a column outside the whitelist', { sortBy: 'passwordHash' }],
    ['SQL in sortBy', { sortBy: 'email; DROP TABLE users' }],
    ['an empty sortBy', { sortBy: '' }],
    ['an upper-case sort order', { sortOrder: 'DESC' }],
    ['an unknown sort order', { sortOrder: 'random' }],
  ])('refuses %s', async (_label, input) => {
    await expect(query.validate(input)).rejects.toThrow();
  });

  test('accepts the bounds exactly: page 1, pageSize 1 and 100', async () => {
    await expect(query.validate({ page: '1', pageSize: '1' })).resolves.toMatchObject({
      page: 1,
      pageSize: 1,
    });
    await expect(query.validate({ pageSize: '100' })).resolves.toMatchObject({ pageSize: 100 });
    expect(MAX_PAGE_SIZE).toBe(100);
  });

  test('says which parameter is wrong and why', async () => {
    await expect(query.validate({ page: '2abc' })).rejects.toThrow('page must be a whole number from 1 to 90071992547409.');
    await expect(query.validate({ sortBy: 'passwordHash' })).rejects.toThrow(
      /sortBy must be one of.*email, createdDate/,
    );
  });

  test.each([
    [{ page: '-1' }, `page must be a whole number from 1 to 90071992547409. ${PLAIN}`],
    [{ page: '+2' }, `page must be a whole number from 1 to 90071992547409. ${PLAIN}`],
    [{ pageSize: '020' }, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}. ${PLAIN}`],
    [{ pageSize: '1e1' }, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}. ${PLAIN}`],
    [{ page: '0' }, 'page must be a whole number from 1 to 90071992547409.'],
    [{ page: '9'.repeat(30) }, 'page must be a whole number from 1 to 90071992547409.'],
    [{ page: '1.5' }, 'page must be a whole number from 1 to 90071992547409.'],
    [{ pageSize: '0' }, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`],
    [{ pageSize: '101' }, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`],
    [{ pageSize: 'ten' }, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`],
    [{ page: ['1', '2'] }, 'page must be given only once.'],
    [{ pageSize: ['10', '10'] }, 'pageSize must be given only once.'],
  ])('%j is refused saying what is allowed: %s', async (input, message) => {
    await expect(query.validate(input, { abortEarly: false })).rejects.toThrow(message);
  });

  test('the refusals of a parameter say it once', async () => {
    const error = await query.validate({ page: '-1' }, { abortEarly: false }).catch((e: unknown) => e);
    expect((error as { errors: string[] }).errors).toEqual([`page must be a whole number from 1 to 90071992547409. ${PLAIN}`]);
  });

  test('refuses a default that is not in the whitelist', () => {
    expect(() => paginationParams({ sortBy: ['email'], defaultSortBy: 'name' as 'email' })).toThrow(
      TypeError,
    );
  });

  test('infers sortBy as the union of the allowed columns', async () => {
    const params: PaginationParams<'email' | 'createdDate'> = await query.validate({
      sortBy: 'email',
    });
    // @ts-expect-error 'name' is not an allowed column
    const wrong: PaginationParams<'email' | 'createdDate'> = { ...params, sortBy: 'name' };
    expect([params.sortBy, wrong.sortOrder]).toEqual(['email', 'asc']);
  });
});
