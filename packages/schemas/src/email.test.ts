import { object } from 'yup';
import { checkEmail, emailSchema, normalizeEmail } from './email';
import { FieldValidationError } from './field-check';

const LOCAL_64 = 'a'.repeat(64);
// 64 + 1 + 189 = 254 characters: the longest address allowed.
const DOMAIN_189 = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;

describe('checkEmail', () => {
  test.each([
    ['Jane.Doe@Example.COM', 'jane.doe@example.com'],
    ['  jane@example.com\t', 'jane@example.com'],
    ["o'brien+events@sub.example.com.au", "o'brien+events@sub.example.com.au"],
    [`${LOCAL_64}@example.com`, `${LOCAL_64}@example.com`],
    [`${LOCAL_64}@${DOMAIN_189}`, `${LOCAL_64}@${DOMAIN_189}`],
  ])('accepts %s as %s', (input, expected) => {
    expect(checkEmail(input)).toEqual({ ok: true, value: expected });
  });

  test('the longest accepted address is exactly 254 characters', () => {
    expect(`${LOCAL_64}@${DOMAIN_189}`).toHaveLength(254);
  });

  test.each([
    ['a 65-character local part', `${'a'.repeat(65)}@example.com`, 'EMAIL_LOCAL_PART_TOO_LONG'],
    ['255 characters in all', `${LOCAL_64}@${DOMAIN_189}x`, 'EMAIL_TOO_LONG'],
    ['no @', 'jane.example.com', 'EMAIL_INVALID'],
    ['two @', 'jane@doe@example.com', 'EMAIL_INVALID'],
    ['a space inside', 'jane doe@example.com', 'EMAIL_INVALID'],
    ['nothing before the @', '@example.com', 'EMAIL_INVALID'],
    ['nothing after the @', 'jane@', 'EMAIL_INVALID'],
    ['an empty string', '', 'EMAIL_INVALID'],
    ['only spaces', '   ', 'EMAIL_INVALID'],
  ])('refuses %s', (_label, input, code) => {
    expect(checkEmail(input)).toMatchObject({ ok: false, code });
  });
});

describe('normalizeEmail and emailSchema', () => {
  test('normalizeEmail returns the normalised address or throws FieldValidationError', () => {
    expect(normalizeEmail(' Jane@Example.com ')).toBe('jane@example.com');
    expect(() => normalizeEmail('not an email')).toThrow(FieldValidationError);
  });

  test('a required email is trimmed and lower-cased', async () => {
    const schema = object({ email: emailSchema().required() });
    await expect(schema.validate({ email: ' Jane@Example.COM ' })).resolves.toEqual({
      email: 'jane@example.com',
    });
  });

  test.each([
    ['missing', {}, /required/],
    ['empty', { email: '' }, /required/],
    ['blank', { email: '   ' }, /required/],
    ['invalid', { email: 'jane@' }, /not valid/],
    ['with a long local part', { email: `${'a'.repeat(65)}@example.com` }, /at most 64/],
  ])('a required email refuses a value that is %s', async (_label, value, message) => {
    await expect(object({ email: emailSchema().required() }).validate(value)).rejects.toThrow(
      message,
    );
  });

  test('an optional email may be left out', async () => {
    await expect(object({ email: emailSchema() }).validate({})).resolves.toEqual({});
  });
});
