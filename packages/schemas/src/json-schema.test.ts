import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { build } from 'fast-json-stringify';
import type { JSONSchema7 } from 'json-schema';
import type { AnySchema } from 'yup';
import { array, boolean, date, lazy, mixed, number, object, string, tuple } from 'yup';
import { abnSchema } from './abn';
import { acnSchema } from './acn';
import { auPhoneSchema } from './au-phone';
import { emailSchema } from './email';
import { baseResponse, errorResponseSchema, paginatedResponse } from './envelopes';
import { toJsonSchema } from './json-schema';
import { paginationParams } from './pagination';

/** An Ajv set up the way Fastify 5 sets up its validator (@fastify/ajv-compiler's defaults). */
function fastifyAjv(warnings: string[]): Ajv {
  const ajv = new Ajv({
    coerceTypes: 'array',
    useDefaults: true,
    removeAdditional: true,
    allErrors: false,
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => warnings.push(args.map(String).join(' ')),
      error: (...args: unknown[]) => warnings.push(args.map(String).join(' ')),
    },
  });
  addFormats(ajv);
  return ajv;
}

describe('toJsonSchema: conversions', () => {
  test.each<[string, AnySchema, JSONSchema7]>([
    [
      'a required string refuses "" as yup does',
      string().required(),
      { type: 'string', minLength: 1 },
    ],
    ['a nullable string', string().nullable(), { type: ['string', 'null'] }],
    ['string bounds', string().min(2).max(5), { type: 'string', minLength: 2, maxLength: 5 }],
    [
      'an enum',
      string().oneOf(['asc', 'desc']).default('asc'),
      { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
    ],
    [
      'a nullable enum admits null',
      string().oneOf(['a', 'b']).nullable(),
      { type: ['string', 'null'], enum: ['a', 'b', null] },
    ],
    [
      'an integer range',
      number().integer().min(1).max(100),
      { type: 'integer', minimum: 1, maximum: 100 },
    ],
    ['a nullable number', number().nullable(), { type: ['number', 'null'] }],
    ['a boolean', boolean(), { type: 'boolean' }],
    ['a date', date(), { type: 'string', format: 'date-time' }],
    [
      'a nullable date keeps null',
      date().nullable(),
      { type: ['string', 'null'], format: 'date-time' },
    ],
    ['an ISO datetime string', string().datetime(), { type: 'string', format: 'date-time' }],
    ['mixed() is any value', mixed(), {}],
    ['a nullable mixed() is any value too', mixed().nullable(), {}],
    [
      'an array with bounds',
      array(string()).min(1).max(3),
      { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 },
    ],
    [
      'a nullable tuple keeps null',
      tuple([string(), number()]).nullable(),
      {
        type: ['array', 'null'],
        items: [{ type: 'string' }, { type: 'number' }],
        minItems: 2,
        maxItems: 2,
      },
    ],
    [
      'an object, without the default yup assembles',
      object({ a: string().required(), b: number().default(3) }),
      {
        type: 'object',
        properties: { a: { type: 'string', minLength: 1 }, b: { type: 'number', default: 3 } },
        required: ['a'],
      },
    ],
    [
      'noUnknown() forbids other properties',
      object({ a: string() }).noUnknown(),
      { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
    ],
    [
      'a nested nullable object',
      object({ inner: object({ x: number().required() }).nullable().defined() }),
      {
        type: 'object',
        properties: {
          inner: {
            type: ['object', 'null'],
            properties: { x: { type: 'number' } },
            required: ['x'],
          },
        },
        required: ['inner'],
      },
    ],
    ['a lazy schema, resolved', lazy(() => string().max(3)), { type: 'string', maxLength: 3 }],
    [
      'meta({ jsonSchema }) has the last word',
      string()
        .meta({ jsonSchema: { description: 'Kept', minLength: 0 } })
        .required(),
      { type: 'string', description: 'Kept', minLength: 0 },
    ],
  ])('%s', (_label, schema, expected) => {
    expect(toJsonSchema(schema)).toEqual(expected);
  });

  test('resolves lazy fields against the value given', () => {
    // @sodaru/yup-to-json-schema's type augmentation of yup leaves `Lazy` unresolved for the linter.
    const amount = lazy((value: unknown) =>
      typeof value === 'string' ? string() : number(),
    ) as unknown as AnySchema;
    const schema = object({ amount });
    expect(toJsonSchema(schema, { value: { amount: 'ten' } }).properties).toEqual({
      amount: { type: 'string' },
    });
    expect(toJsonSchema(schema, { value: { amount: 10 } }).properties).toEqual({
      amount: { type: 'number' },
    });
  });

  test.each<[string, AnySchema, JSONSchema7]>([
    [
      'email',
      emailSchema().required(),
      { type: 'string', format: 'email', maxLength: 254, minLength: 1 },
    ],
    [
      'Australian phone',
      auPhoneSchema(),
      { type: 'string', pattern: '^\\+?[0-9()\\s.-]+$', maxLength: 32 },
    ],
    ['ABN', abnSchema(), { type: 'string', pattern: '^\\s*(?:\\d\\s*){11}$' }],
    ['ACN', acnSchema(), { type: 'string', pattern: '^\\s*(?:\\d\\s*){9}$' }],
  ])('the %s field is a string with its pattern or format', (_label, schema, expected) => {
    expect(toJsonSchema(schema)).toMatchObject(expected);
  });
});

describe('toJsonSchema: the package schemas under Fastify', () => {
  const lead = object({
    id: number().integer().required(),
    email: emailSchema().required(),
    phone: auPhoneSchema().nullable().defined(),
    abn: abnSchema(),
    acn: acnSchema(),
    status: string().oneOf(['new', 'won', 'lost']).required(),
    notes: string().nullable(),
    createdDate: date().required(),
  });
  const leadsPage = baseResponse(paginatedResponse(lead));
  const query = paginationParams({ sortBy: ['email', 'createdDate'] });

  test.each<[string, AnySchema]>([
    ['baseResponse(paginatedResponse(lead))', leadsPage],
    ['baseResponse(nullable string)', baseResponse(string().nullable())],
    ['errorResponseSchema', errorResponseSchema],
    ['paginationParams', query],
    ['the lead itself', lead],
  ])('%s is valid draft-07 and compiles in strict mode without warnings', (_label, schema) => {
    const warnings: string[] = [];
    const ajv = fastifyAjv(warnings);
    const json = toJsonSchema(schema);
    expect(ajv.validateSchema(json)).toBe(true);
    expect(ajv.errors ?? []).toEqual([]);
    expect(() => ajv.compile(json)).not.toThrow();
    expect(warnings).toEqual([]);
  });

  const sampleLead = {
    id: 7,
    email: 'jane@example.com',
    phone: '+61491570156',
    abn: '51824753556',
    status: 'new',
    notes: null,
    createdDate: '2025-01-31T09:30:00.000Z',
  };
  const sampleBody = {
    success: true,
    data: { items: [sampleLead], total: 1, page: 1, pageSize: 20 },
  };

  test('a response body that yup accepts is accepted by the JSON Schema too', async () => {
    await expect(leadsPage.validate(sampleBody)).resolves.toBeDefined();
    const validate = fastifyAjv([]).compile(toJsonSchema(leadsPage));
    expect(validate(structuredClone(sampleBody))).toBe(true);
  });

  test.each([
    ['data is missing', { success: true }],
    [
      'an item lacks its email',
      { ...sampleBody, data: { ...sampleBody.data, items: [{ ...sampleLead, email: undefined }] } },
    ],
    [
      'the status is not in the enum',
      { ...sampleBody, data: { ...sampleBody.data, items: [{ ...sampleLead, status: 'maybe' }] } },
    ],
    ['the total is negative', { ...sampleBody, data: { ...sampleBody.data, total: -1 } }],
  ])('the JSON Schema refuses a body where %s', (_label, body) => {
    const validate = fastifyAjv([]).compile(toJsonSchema(leadsPage));
    expect(validate(structuredClone(body))).toBe(false);
  });

  test('fast-json-stringify (Fastify’s serializer) writes a response with nullable fields intact', () => {
    const stringify: (doc: unknown) => string = build(
      toJsonSchema(leadsPage) as Parameters<typeof build>[0],
    );
    expect(JSON.parse(stringify(sampleBody))).toEqual(sampleBody);
  });

  test('query strings coerce as with yup: "2" → 2, defaults filled, "2abc" refused', () => {
    const validate = fastifyAjv([]).compile<Record<string, unknown>>(toJsonSchema(query));
    const good: Record<string, unknown> = { page: '2' };
    expect(validate(good)).toBe(true);
    expect(good).toEqual({ page: 2, pageSize: 20, sortBy: 'email', sortOrder: 'asc' });
    expect(validate({ page: '2abc' })).toBe(false);
    expect(validate({ page: '0' })).toBe(false);
    expect(validate({ pageSize: '101' })).toBe(false);
    expect(validate({ sortBy: 'passwordHash' })).toBe(false);
  });
});
