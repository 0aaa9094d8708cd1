import { object } from 'yup';
import { abnSchema, checkAbn, normalizeAbn } from './abn';
import type { FieldCheckResult } from './field-check';
import { FieldValidationError } from './field-check';

function messageOf(result: FieldCheckResult): string | undefined {
  return result.ok ? undefined : result.message;
}

/** The same number with its last digit moved by one: a single mistyped digit must be caught. */
function offByOne(abn: string): string {
  const last = Number(abn.slice(-1));
  return `${abn.slice(0, -1)}${(last + 1) % 10}`;
}

const VALID_ABNS = [
  ["the ABR's worked example", '51 824 753 556'],
  ['Telstra', '33 051 775 556'],
  ['BHP', '49 004 028 077'],
  ['Commonwealth Bank', '48 123 123 124'],
  ['Qantas', '16 009 661 901'],
] as const;

describe('checkAbn', () => {
  test.each(VALID_ABNS)('accepts %s (%s) and strips the spaces', (_name, abn) => {
    expect(checkAbn(abn)).toEqual({ ok: true, value: abn.replace(/ /g, '') });
  });

  test.each(VALID_ABNS)(
    'refuses the off-by-one twin of %s (%s) as a checksum failure',
    (_name, abn) => {
      const result = checkAbn(offByOne(abn));
      expect(result).toMatchObject({ ok: false, code: 'ABN_CHECKSUM' });
      expect(messageOf(result)).toMatch(/check digits do not match/);
    },
  );

  test.each([
    ['without spaces', '51824753556', '51824753556'],
    ['with odd spacing', ' 518 2475 3556 ', '51824753556'],
    ['with a tab', '51\t824753556', '51824753556'],
  ])('accepts input %s', (_label, input, expected) => {
    expect(checkAbn(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['10 digits', '5182475355'],
    ['12 digits', '518247535561'],
    ['a letter', '51 824 753 55O'],
    ['hyphens', '51-824-753-556'],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['full-width digits', '５１８２４７５３５５６'],
  ])('refuses %s as a format error', (_label, input) => {
    const result = checkAbn(input);
    expect(result).toMatchObject({ ok: false, code: 'ABN_FORMAT' });
    expect(messageOf(result)).toMatch(/11 digits/);
  });

  // (0 − 1) × 10 + 1 × 1 + 3 × 3 = 0, divisible by 89: only the leading zero makes it invalid.
  test('refuses a leading zero even when the modulus 89 sum works out, with its own message', () => {
    const result = checkAbn('01 300 000 000');
    expect(result).toMatchObject({ ok: false, code: 'ABN_CHECKSUM' });
    expect(messageOf(result)).toMatch(/cannot start with 0/);
  });

  test('format, leading-zero and checksum failures have three different messages', () => {
    const messages = ['5182475355', '01 300 000 000', '51 824 753 557'].map((input) =>
      messageOf(checkAbn(input)),
    );
    expect(new Set(messages).size).toBe(3);
  });
});

describe('normalizeAbn', () => {
  test('returns 11 digits', () => {
    expect(normalizeAbn('51 824 753 556')).toBe('51824753556');
  });

  test('throws a FieldValidationError with the code and a 400 status', () => {
    expect(() => normalizeAbn('51 824 753 557')).toThrow(FieldValidationError);
    expect(() => normalizeAbn('51 824 753 557')).toThrow(
      expect.objectContaining({ code: 'ABN_CHECKSUM', statusCode: 400 }) as Error,
    );
  });
});

describe('abnSchema', () => {
  const schema = object({ abn: abnSchema().required() });

  test('casts to the normalised ABN', async () => {
    await expect(schema.validate({ abn: '49 004 028 077' })).resolves.toEqual({
      abn: '49004028077',
    });
  });

  test.each([
    ['a bad checksum', '49 004 028 078', /check digits do not match/],
    ['a wrong length', '49 004 028', /11 digits/],
    ['a missing value', undefined, /required/],
    ['an empty string', '', /required/],
  ])('refuses %s', async (_label, abn, message) => {
    await expect(schema.validate({ abn })).rejects.toThrow(message);
  });

  test('is optional unless required', async () => {
    await expect(object({ abn: abnSchema() }).validate({})).resolves.toEqual({});
  });
});
