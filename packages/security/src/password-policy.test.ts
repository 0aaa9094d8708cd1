import { PasswordPolicyError } from './errors';
import { assertPasswordPolicy, checkPasswordPolicy } from './password-policy';

function codes(plain: string, options?: Parameters<typeof checkPasswordPolicy>[1]): string[] {
  const result = checkPasswordPolicy(plain, options);
  return result.ok ? [] : result.violations.map((violation) => violation.code);
}

describe('checkPasswordPolicy', () => {
  test.each([
    ['8 lower-case letters, no composition rules', 'abcdefgh', undefined, []],
    ['7 characters', 'abcdefg', undefined, ['PASSWORD_TOO_SHORT']],
    ['an empty password', '', undefined, ['PASSWORD_TOO_SHORT']],
    ['spaces count as characters', 'a b c d ', undefined, []],
    ['a passphrase of 64 ASCII characters', 'x'.repeat(64), undefined, []],
    ['72 ASCII characters (the bcrypt ceiling)', 'x'.repeat(72), undefined, []],
    ['73 ASCII characters', 'x'.repeat(73), undefined, ['PASSWORD_TOO_LONG']],
    ['24 × € (72 bytes)', '€'.repeat(24), undefined, []],
    ['25 × € (75 bytes)', '€'.repeat(25), undefined, ['PASSWORD_TOO_LONG']],
    // 8 code points but 16 UTF-16 units: NIST counts each code point once.
    ['8 emoji are 8 characters', '😀'.repeat(8), undefined, []],
    [
      '7 emoji are too short, although 14 UTF-16 units',
      '😀'.repeat(7),
      undefined,
      ['PASSWORD_TOO_SHORT'],
    ],
    // Decomposed: 9 code points as typed, 8 once NFKC composes "e + ◌́" into "é".
    ['length is measured after NFKC', 'cafe\u0301abc', undefined, ['PASSWORD_TOO_SHORT']],
    ['a custom minimum of 12', 'abcdefghijk', { minLength: 12 }, ['PASSWORD_TOO_SHORT']],
    ['a custom minimum of 12, met', 'abcdefghijkl', { minLength: 12 }, []],
  ] as const)('%s', (_label, plain, options, expected) => {
    expect(codes(plain, options)).toEqual(expected);
  });

  test('returns the normalised password when it passes', () => {
    expect(checkPasswordPolicy('\uff50\uff41\uff53\uff53word')).toEqual({
      ok: true,
      password: 'password',
    });
  });

  test('asks the blocklist with the normalised password', () => {
    const seen: string[] = [];
    const isBlocklisted = (password: string): boolean => {
      seen.push(password);
      return password.toLowerCase() === 'password';
    };
    expect(codes('\uff30assword', { isBlocklisted })).toEqual(['PASSWORD_BLOCKLISTED']);
    expect(codes('correct horse', { isBlocklisted })).toEqual([]);
    expect(seen).toEqual(['Password', 'correct horse']);
  });

  test('reports every violation at once', () => {
    expect(codes('pass', { isBlocklisted: () => true })).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_BLOCKLISTED',
    ]);
  });

  test.each([0, -1, 7.5, 73])('refuses minLength %p', (minLength) => {
    expect(() => checkPasswordPolicy('whatever', { minLength })).toThrow(RangeError);
  });
});

describe('assertPasswordPolicy', () => {
  test('returns the normalised password', () => {
    expect(assertPasswordPolicy('cafe\u0301 au lait')).toBe('caf\u00e9 au lait');
  });

  test('throws PasswordPolicyError (400) with the violations, never echoing the password', () => {
    let caught: unknown;
    try {
      assertPasswordPolicy('hunter2');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PasswordPolicyError);
    const error = caught as PasswordPolicyError;
    expect(error).toMatchObject({ code: 'PASSWORD_POLICY', statusCode: 400 });
    expect(error.violations.map((violation) => violation.code)).toEqual(['PASSWORD_TOO_SHORT']);
    expect(error.message).toContain('at least 8 characters');
    expect(error.message).not.toContain('hunter2');
  });
});
