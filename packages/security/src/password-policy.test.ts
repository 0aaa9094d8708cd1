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
    // The built-in list of common passwords (@zxcvbn-ts/language-common), whatever the case.
    ['the most common password', 'password', undefined, ['PASSWORD_BLOCKLISTED']],
    ['a common password in capitals', 'PASSWORD', undefined, ['PASSWORD_BLOCKLISTED']],
    ['a common password with a digit', 'Password1', undefined, ['PASSWORD_BLOCKLISTED']],
    ['a common password with leet spelling', 'P@ssw0rd', undefined, ['PASSWORD_BLOCKLISTED']],
    ['eight digits in a row', '12345678', undefined, ['PASSWORD_BLOCKLISTED']],
    ['a keyboard walk', 'qwertyuiop', undefined, ['PASSWORD_BLOCKLISTED']],
    ['a common password between spaces', '  iloveyou  ', undefined, ['PASSWORD_BLOCKLISTED']],
    ['a common password typed full-width', '\uff53\uff55\uff4e\uff53\uff48\uff49\uff4e\uff45', undefined, ['PASSWORD_BLOCKLISTED']],
    ['a common password shorter than the minimum', 'dragon', undefined, ['PASSWORD_TOO_SHORT', 'PASSWORD_BLOCKLISTED']],
    // Long enough, but no secret.
    ['eight spaces', ' '.repeat(8), undefined, ['PASSWORD_BLANK']],
    ['tabs and line breaks only', '\t\n\t\n\t\n\t\n', undefined, ['PASSWORD_BLANK']],
    ['ideographic spaces only (NFKC keeps them blank)', '\u3000'.repeat(8), undefined, ['PASSWORD_BLANK']],
    ['three spaces: too short and blank', '   ', undefined, ['PASSWORD_TOO_SHORT', 'PASSWORD_BLANK']],
  ] as const)('%s', (_label, plain, options, expected) => {
    expect(codes(plain, options)).toEqual(expected);
  });

  test('returns the normalised password when it passes', () => {
    expect(checkPasswordPolicy('\uff50\uff41\uff53\uff53 phrase')).toEqual({
      ok: true,
      password: 'pass phrase',
    });
  });

  test("asks the caller's blocklist with the normalised password, on top of the built-in one", () => {
    const seen: string[] = [];
    const isBlocklisted = (password: string): boolean => {
      seen.push(password);
      return password.toLowerCase() === 'eventlead2026';
    };
    expect(codes('\uff25ventLead2026', { isBlocklisted })).toEqual(['PASSWORD_BLOCKLISTED']);
    expect(codes('correct horse', { isBlocklisted })).toEqual([]);
    expect(seen).toEqual(['EventLead2026', 'correct horse']);
    // The built-in list still applies when the caller brings its own.
    expect(codes('password', { isBlocklisted: () => false })).toEqual(['PASSWORD_BLOCKLISTED']);
  });

  test('says why a common or blank password is refused, without repeating it', () => {
    const common = checkPasswordPolicy('sunshine');
    const blank = checkPasswordPolicy(' '.repeat(8));
    expect(common.ok ? [] : common.violations.map((v) => v.message)).toEqual([
      'Password is too common or has appeared in a data breach; choose another.',
    ]);
    expect(blank.ok ? [] : blank.violations.map((v) => v.message)).toEqual([
      'Password must not be made of spaces (or other blank characters) only.',
    ]);
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
    expect(error.violations.map((violation) => violation.code)).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_BLOCKLISTED']);
    expect(error.message).toContain('at least 8 characters');
    expect(error.message).not.toContain('hunter2');
  });
});
