import { array, number, object, string, ValidationError } from 'yup';
import { emailSchema } from './email';
import { formatValidationError } from './validation-details';

async function detailsOf(
  run: () => Promise<unknown>,
): Promise<ReturnType<typeof formatValidationError>> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationError) return formatValidationError(error);
    throw error;
  }
  throw new Error('expected a validation error');
}

const order = object({
  email: emailSchema().required(),
  items: array(
    object({ sku: string().required(), quantity: number().integer().min(1).required() }),
  ).required(),
});

describe('formatValidationError', () => {
  test('lists every failed field with abortEarly: false, nested paths included', async () => {
    const details = await detailsOf(() =>
      order.validate(
        { email: 'nope', items: [{ sku: 'A1', quantity: 0 }, { quantity: 1 }] },
        { abortEarly: false },
      ),
    );
    expect(details).toEqual([
      { field: 'email', message: 'Email address is not valid.' },
      {
        field: 'items[0].quantity',
        message: 'items[0].quantity must be greater than or equal to 1',
      },
      { field: 'items[1].sku', message: 'items[1].sku is a required field' },
    ]);
  });

  test('gives the single failure with abortEarly (the default)', async () => {
    const details = await detailsOf(() => order.validate({ email: 'nope', items: [] }));
    expect(details).toEqual([{ field: 'email', message: 'Email address is not valid.' }]);
  });

  test("uses '' as the field of a failure of the value as a whole", async () => {
    const details = await detailsOf(() => order.validate('not an object'));
    expect(details).toHaveLength(1);
    expect(details[0]?.field).toBe('');
  });

  test('drops duplicate field/message pairs', async () => {
    const code = object({
      code: string()
        .min(3, 'Use the 3-letter code')
        .matches(/^[A-Z]+$/, 'Use the 3-letter code'),
    });
    const details = await detailsOf(() => code.validate({ code: 'ab' }, { abortEarly: false }));
    expect(details).toEqual([{ field: 'code', message: 'Use the 3-letter code' }]);
  });

  test('a prefix names where the value sits: before each field, and alone for the value as a whole', () => {
    const error = new ValidationError([
      new ValidationError('page must be a number', undefined, 'page'),
      new ValidationError('The query is not valid', undefined, ''),
    ]);
    expect(formatValidationError(error, { prefix: 'querystring' })).toEqual([
      { field: 'querystring.page', message: 'page must be a number' },
      { field: 'querystring', message: 'The query is not valid' },
    ]);
    expect(formatValidationError(error, { prefix: '' })).toEqual(formatValidationError(error));
  });
});
