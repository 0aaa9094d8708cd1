import { textProblem } from '@eventlead/schemas';
import fc from 'fast-check';

/** An HTTP request the corpus sends, before authentication headers are added. */
export interface BadRequest {
  /** Short label for failure messages and the report. */
  label: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** A JSON-able value (sent as JSON) or raw text/bytes (sent with `contentType`). */
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Ids of rows the corpus aims at, so that bodies are judged against real rows. */
export interface Targets {
  userId: number;
  companyId: number;
}

/** Strings with SQL, path, template and shell metacharacters: valid text that must be stored verbatim or refused, never executed. */
export const METACHARACTER_STRINGS: readonly string[] = [
  "Robert'); DROP TABLE \"dbo\".\"User\";--",
  "' OR '1'='1",
  '" OR ""="',
  '1; SELECT pg_sleep(5)--',
  "%' OR 1=1 --",
  '%',
  '_',
  '\\',
  '\\%_\\_',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '$(id)',
  '`id`',
  '; ls -la',
  '\u202Eevil\u202C',
  'Zoë Ólafsdóttir 李小龍 🎉',
  'e\u0301\u0301\u0301',
  '\uFFFD\uFFFE',
  '\uD800',
];

/** Values of the wrong JSON type for a field of `type`. */
function wrongTypes(type: 'string' | 'boolean' | 'number'): unknown[] {
  const all: unknown[] = [12345678, 0, -1, 1.5, true, false, [], ['a'], {}, { $ne: null }, { toString: 'x' }];
  if (type === 'string') all.push(1e19);
  return all.filter((v) => !(type === 'boolean' && typeof v === 'boolean') && !(type === 'number' && typeof v === 'number' && Number.isInteger(v) && v > 0));
}

interface BodyField {
  name: string;
  type: 'string' | 'boolean' | 'number';
  required?: boolean;
  nullable?: boolean;
  /** Longest accepted string, for the too-long cases. */
  max?: number;
}

/** The JSON bodies the API takes, with a valid example of each. */
export const BODY_ROUTES: readonly { method: 'POST' | 'PATCH'; path: (t: Targets) => string; name: string; valid: Record<string, unknown>; fields: BodyField[] }[] = [
  {
    method: 'POST',
    name: 'POST /users',
    path: () => '/users',
    valid: { email: 'valid.person@example.com', password: 'a perfectly fine passphrase' },
    fields: [
      { name: 'email', type: 'string', required: true, max: 254 },
      { name: 'password', type: 'string', required: true, max: 72 },
      { name: 'firstName', type: 'string', nullable: true, max: 100 },
      { name: 'lastName', type: 'string', nullable: true, max: 100 },
      { name: 'phone', type: 'string', nullable: true },
      { name: 'roleTitle', type: 'string', nullable: true, max: 100 },
    ],
  },
  {
    method: 'PATCH',
    name: 'PATCH /users/:id',
    path: (t) => `/users/${t.userId}`,
    valid: { firstName: 'Pat' },
    fields: [
      { name: 'firstName', type: 'string', nullable: true, max: 100 },
      { name: 'lastName', type: 'string', nullable: true, max: 100 },
      { name: 'phone', type: 'string', nullable: true },
      { name: 'roleTitle', type: 'string', nullable: true, max: 100 },
      { name: 'status', type: 'string', max: 50 },
      { name: 'password', type: 'string', max: 72 },
    ],
  },
  {
    method: 'POST',
    name: 'POST /companies',
    path: () => '/companies',
    valid: { companyName: 'Valid Events Pty Ltd' },
    fields: [
      { name: 'companyName', type: 'string', required: true, max: 200 },
      { name: 'abn', type: 'string', nullable: true },
      { name: 'acn', type: 'string', nullable: true },
      { name: 'tradingName', type: 'string', nullable: true, max: 200 },
      { name: 'gstRegistered', type: 'boolean' },
      { name: 'isActive', type: 'boolean' },
    ],
  },
  {
    method: 'PATCH',
    name: 'PATCH /companies/:id',
    path: (t) => `/companies/${t.companyId}`,
    valid: { tradingName: 'Valid Trading' },
    fields: [
      { name: 'companyName', type: 'string', max: 200 },
      { name: 'abn', type: 'string', nullable: true },
      { name: 'acn', type: 'string', nullable: true },
      { name: 'tradingName', type: 'string', nullable: true, max: 200 },
      { name: 'gstRegistered', type: 'boolean' },
      { name: 'isActive', type: 'boolean' },
    ],
  },
  {
    method: 'POST',
    name: 'POST /companies/:id/users',
    path: (t) => `/companies/${t.companyId}/users`,
    valid: { userId: 1, role: 'member' },
    fields: [
      { name: 'userId', type: 'number', required: true },
      { name: 'role', type: 'string', required: true, max: 50 },
      { name: 'isDefaultCompany', type: 'boolean' },
    ],
  },
];

/** Every route that takes a path id, with the methods it answers. */
export const ID_ROUTES: readonly { method: 'GET' | 'PATCH' | 'DELETE' | 'POST'; path: (id: string) => string }[] = [
  { method: 'GET', path: (id) => `/users/${id}` },
  { method: 'PATCH', path: (id) => `/users/${id}` },
  { method: 'DELETE', path: (id) => `/users/${id}` },
  { method: 'GET', path: (id) => `/companies/${id}` },
  { method: 'PATCH', path: (id) => `/companies/${id}` },
  { method: 'DELETE', path: (id) => `/companies/${id}` },
  { method: 'POST', path: (id) => `/companies/${id}/users` },
];

/** `:id` values that are not a plain positive whole number (URL-encoded where needed). */
export const BAD_IDS: readonly string[] = [
  '0',
  '-1',
  '1.5',
  '1.0',
  '1e0',
  '0x1',
  '0b1',
  '0o1',
  '+1',
  '%201',
  '1%20',
  '%091',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '%5B%5D',
  '%7B%7D',
  '9007199254740992',
  '99999999999999999999999999',
  '%00',
  '1%00',
  '1%3B%20DROP%20TABLE%20dbo.User',
  "1'%20OR%20'1'%3D'1",
  '..%2F1',
  '%2E%2E',
  '%E0%A4%A',
  '%',
  '%ZZ',
  'a'.repeat(201),
  '1'.repeat(201),
];

/** `:table` values of `/ref/:table` that name no reference table. */
export const BAD_REF_TABLES: readonly string[] = [
  'users',
  'User',
  'COUNTRIES',
  'Countries',
  'countries%20',
  '%20countries',
  'countries%00',
  'countries%3B%20DROP%20TABLE%20ref.Country',
  "countries'--",
  'countries%22',
  '..%2Fusers',
  '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  'valueOf',
  'ref.Country',
  'dbo.User',
  'pg_user',
  'information_schema.tables',
  '%E0%A4%A',
  '%',
  'x'.repeat(201),
  'country',
  'user_statuses',
];

const MAX_PAGE = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/** Query strings of the list routes that must be refused (the part after `?`). */
export function badListQueries(route: '/users' | '/companies'): string[] {
  const sortable = route === '/users' ? 'email' : 'companyName';
  const nameMax = route === '/users' ? 100 : 200;
  const queries = [
    'page=0',
    'page=-1',
    'page=1.5',
    'page=abc',
    'page=',
    'page=1e2',
    'page=0x10',
    'page=%201',
    `page=${MAX_PAGE + 1}`,
    'page=99999999999999999999999',
    'page=1&page=2',
    'page=1&page=1',
    'pageSize=0',
    'pageSize=101',
    'pageSize=-5',
    'pageSize=1000000',
    'pageSize=ten',
    'pageSize=020',
    'page=007',
    'page=+1',
    'pageSize=20&pageSize=20',
    'sortBy=passwordHash',
    'sortBy=PasswordHash',
    `sortBy=${sortable}%3Bdrop%20table%20x`,
    `sortBy=${sortable}'%20--`,
    'sortBy=id%20desc',
    'sortBy=__proto__',
    'sortBy=constructor',
    'sortBy=u0.PasswordHash',
    `sortBy=id&sortBy=${sortable}`,
    'sortOrder=ASC',
    'sortOrder=asc%3B',
    'sortOrder=random',
    'sortOrder=asc&sortOrder=desc',
    'foo=1',
    'password=secret',
    '__proto__=1',
    'constructor=1',
    'page[]=1',
    'page[a]=1',
    `name=${'n'.repeat(nameMax + 1)}`,
    'name=a&name=b',
    'name=%ZZ',
    'name=%FF',
    'name=%E0%A4',
    'name=%ED%A0%80',
    // Text the shared text rule refuses (textProblem): control and bidirectional control characters.
    ...METACHARACTER_STRINGS.filter((text) => textProblem(sentAsUtf8(text)) !== undefined).map((text) => `name=${percentEncode(text)}`),
    'name=%07',
    'name=%E2%81%A6x',
  ];
  if (route === '/users') {
    queries.push('email=not-an-email', 'email=%00', `email=${'a'.repeat(250)}%40example.com`, 'email=a%40b.co&email=c%40d.co', `status=${'s'.repeat(51)}`, 'status=foo', 'status=Active');
    // status is one of the known codes: hostile text there is refused, not matched.
    for (const s of METACHARACTER_STRINGS.slice(0, 8)) queries.push(`status=${percentEncode(s)}`);
  } else {
    queries.push('abn=123', 'abn=51824753557', 'abn=abc', 'abn=1&abn=2');
  }
  return queries;
}

/** Query strings of the list routes that are valid and must be answered 200 (bounds and metacharacters). */
export function validListQueries(route: '/users' | '/companies'): string[] {
  const queries = ['page=1', 'pageSize=1', 'pageSize=100', `page=${MAX_PAGE}&pageSize=100`, 'sortOrder=desc', 'sortBy=createdDate&sortOrder=desc'];
  for (const s of METACHARACTER_STRINGS) if (textProblem(sentAsUtf8(s)) === undefined) queries.push(`name=${percentEncode(s)}`);
  if (route === '/users') queries.push('status=active', 'status=%20suspended%20', 'status=');
  return queries;
}

/** JSON texts that are not JSON, or not an object. */
export const MALFORMED_JSON: readonly (string | Buffer)[] = [
  '{',
  '}',
  '{"email":',
  '{"email":"a@b.co",}',
  "{'email':'a@b.co'}",
  '{email:"a@b.co"}',
  '[',
  'nul',
  'undefined',
  'NaN',
  '{"a":1}{"b":2}',
  '\u0000',
  '{"email":"a@b.co"\u0000}',
  ' ',
  '[]',
  '[{"email":"a@b.co"}]',
  '"a string"',
  '12345',
  'true',
  'null',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  `{"email":"a@b.co","password":"correct horse","firstName":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
  `{"email":"a@b.co","password":"correct horse","firstName":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
  Buffer.from([0x7b, 0x22, 0x65, 0x6d, 0x61, 0x69, 0x6c, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xa0, 0xa1, 0x22, 0x7d]),
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  Buffer.from([0xef, 0xbb, 0xbf, 0x5b, 0x5d]),
  // JSON is UTF-8 (RFC 8259): the same object in UTF-16 is not JSON.
  Buffer.from('{"email":"a@b.co","password":"correct horse"}', 'utf16le'),
];

/**
 * The hand-written refused bodies of one body route: missing fields, each field with each wrong
 * type, unknown fields, over-long and NUL-carrying strings, and non-object bodies.
 */
export function badBodies(route: (typeof BODY_ROUTES)[number]): { label: string; body: unknown }[] {
  const out: { label: string; body: unknown }[] = [];
  for (const field of route.fields) {
    for (const value of wrongTypes(field.type)) out.push({ label: `${field.name} = ${JSON.stringify(value)}`, body: { ...route.valid, [field.name]: value } });
    if (field.required) {
      const { [field.name]: _omitted, ...rest } = route.valid;
      out.push({ label: `missing ${field.name}`, body: rest });
      out.push({ label: `${field.name} = null`, body: { ...route.valid, [field.name]: null } });
    }
    if (field.type === 'string') {
      out.push({ label: `${field.name} with NUL`, body: { ...route.valid, [field.name]: 'ab\u0000cd efgh' } });
      out.push({ label: `${field.name} huge`, body: { ...route.valid, [field.name]: 'x'.repeat(200_000) } });
      if (field.max !== undefined) out.push({ label: `${field.name} max+1`, body: { ...route.valid, [field.name]: 'y'.repeat(field.max + 1) } });
    }
  }
  for (const extra of ['id', 'isAdmin', 'passwordHash', 'createdBy', 'isDeleted', 'email ', 'Email', '$where', '']) {
    out.push({ label: `extra field ${JSON.stringify(extra)}`, body: { ...route.valid, [extra]: extra === 'isAdmin' ? true : 'x' } });
  }
  out.push({ label: 'array body', body: [route.valid] }, { label: 'number body', body: 42 }, { label: 'string body', body: 'text' });
  return out;
}

/** Content types the API does not take. */
export const BAD_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonx',
  'image/png',
];

/** `text` as the server reads it back from its UTF-8 bytes (a lone surrogate becomes U+FFFD). */
function sentAsUtf8(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * Percent-encodes text for a URL: like encodeURIComponent, but lone surrogates (which it refuses)
 * go out as the UTF-8 of U+FFFD, as a browser would send them.
 */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

// ---- generated inputs (fast-check) ----------------------------------------------------------

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** How many code points the surrogates take (U+D800 to U+DFFF), which the binary unit skips. */
const SURROGATES = 0xe000 - 0xd800;
/**
 * fast-check's `unit: 'binary'` (every code point but the surrogates), drawn exactly as fast-check
 * draws it (`fc.nat` over the 1,112,064 choices, in code point order) but with an arithmetic
 * unmapper: fast-check's own builds a Map of all 1.1 million code points, more than half a second of
 * this file's CPU, to pick the dangerous strings (`__proto__`...) it mixes in. Same values, same
 * dangerous strings, same shrinking.
 */
const binaryUnit = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (index) => String.fromCodePoint(index < 0xd800 ? index : index + SURROGATES),
  (value) => {
    const codePoint = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (codePoint === undefined || String.fromCodePoint(codePoint) !== value || (codePoint >= 0xd800 && codePoint < 0xe000)) {
      throw new Error('not one code point of the binary unit');
    }
    return codePoint < 0xd800 ? codePoint : codePoint - SURROGATES;
  },
);
/** Strings mixing metacharacters, control characters, lone surrogates and arbitrary Unicode. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: binaryUnit, maxLength: 40 }),
  fc.constantFrom(...METACHARACTER_STRINGS),
  fc.tuple(fc.constantFrom(...METACHARACTER_STRINGS), fc.string({ unit: binaryUnit, maxLength: 10 })).map(([a, b]) => a + b),
);

/**
 * A body guaranteed invalid for `route`: one field of the wrong JSON type, an unknown field, a
 * required field missing, a NUL inside a string, a string over its limit, or no object at all.
 */
export function invalidBody(route: (typeof BODY_ROUTES)[number]): fc.Arbitrary<{ label: string; body: unknown }> {
  const known = new Set(route.fields.map((f) => f.name));
  const field = fc.constantFrom(...route.fields);
  const wrongTyped = fc.tuple(field, anyJson).filter(([f, v]) => {
    if (v === null) return false;
    if (f.type === 'string') return typeof v !== 'string';
    if (f.type === 'boolean') return typeof v !== 'boolean';
    return typeof v !== 'number';
  }).map(([f, v]) => ({ label: `${f.name} wrong type`, body: { ...route.valid, [f.name]: v } }));
  const unknownKey = fc
    .tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== '__proto__' && k !== 'constructor'), anyJson)
    .map(([k, v]) => ({ label: `unknown field ${JSON.stringify(k)}`, body: { ...route.valid, [k]: v } }));
  const withNul = fc.tuple(fc.constantFrom(...route.fields.filter((f) => f.type === 'string')), nastyString, nastyString).map(([f, a, b]) => ({
    label: `${f.name} with NUL`,
    body: { ...route.valid, [f.name]: `${a}\u0000${b}` },
  }));
  const tooLong = fc
    .tuple(fc.constantFrom(...route.fields.filter((f) => f.max !== undefined)), fc.integer({ min: 1, max: 5_000 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }).filter((c) => c.trim() !== ''))
    .map(([f, extra, c]) => ({ label: `${f.name} too long`, body: { ...route.valid, [f.name]: c.repeat((f.max ?? 0) + extra) } }));
  const notAnObject = anyJson.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => ({ label: 'not an object', body: v }));
  const options = [wrongTyped, unknownKey, withNul, tooLong, notAnObject];
  const required = route.fields.filter((f) => f.required);
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((f) => {
        const { [f.name]: _omitted, ...rest } = route.valid;
        return { label: `missing ${f.name}`, body: rest };
      }),
    );
  }
  return fc.oneof(...options);
}

/** A path segment that is not a plain positive whole number, URL-encoded. */
export const badIdSegment = fc
  .string({ unit: binaryUnit, minLength: 1, maxLength: 30 })
  .filter((s) => !/^[0-9]+$/.test(s))
  .map((s) => percentEncode(s));

/** Random query strings over the list parameters, with duplicates and arbitrary values. */
export function randomQuery(names: readonly string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), fc.oneof(nastyString, fc.integer().map(String), fc.constantFrom('', '0', '-1', '101', '1e3')));
  return fc.array(pair, { minLength: 1, maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&'));
}
