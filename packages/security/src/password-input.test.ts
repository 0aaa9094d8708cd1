import { EmptyPasswordError, PasswordTooLongError } from './errors';
import { normalizePassword, toBcryptInput, utf8ByteLength } from './password-input';

describe('normalizePassword (NFKC)', () => {
  test.each([
    ['a decomposed é becomes the composed one', 'cafe\u0301', 'caf\u00e9'],
    ['full-width letters become ASCII', '\uff50\uff41\uff53\uff53', 'pass'],
    ['the ﬁ ligature becomes two letters', '\ufb01sh', 'fish'],
    ['a no-break space becomes a space', 'two\u00a0words', 'two words'],
    ['plain ASCII is unchanged', 'Tr0ub4dor&3', 'Tr0ub4dor&3'],
  ])('%s', (_label, input, expected) => {
    expect(normalizePassword(input)).toBe(expected);
  });
});

describe('toBcryptInput: the 72-byte limit', () => {
  test.each([
    ['72 ASCII characters', 'a'.repeat(72), 72],
    ['24 × € (3 bytes each)', '€'.repeat(24), 72],
    ['18 × 😀 (4 bytes each)', '😀'.repeat(18), 72],
    ['71 ASCII characters', 'a'.repeat(71), 71],
    ['one character', 'x', 1],
  ])('accepts %s', (_label, password, bytes) => {
    expect(utf8ByteLength(password)).toBe(bytes);
    expect(toBcryptInput(password)).toBe(password);
  });

  test('measures the normalised form: 30 full-width letters (90 bytes typed) become 30 ASCII bytes', () => {
    const typed = '\uff50'.repeat(30);
    expect(utf8ByteLength(typed)).toBe(90);
    expect(toBcryptInput(typed)).toBe('p'.repeat(30));
  });

  test.each([
    ['73 ASCII characters', 'a'.repeat(73)],
    ['24 × € plus one ASCII character', `${'€'.repeat(24)}a`],
    ['25 × €', '€'.repeat(25)],
    ['18 × 😀 plus one ASCII character', `${'😀'.repeat(18)}a`],
    // 63 bytes as typed, 93 once NFKC expands the ligature: the limit applies to what bcrypt gets.
    ['an Arabic ligature that NFKC expands past the limit', `${'a'.repeat(60)}\ufdfa`],
  ])('refuses %s', (_label, password) => {
    expect(() => toBcryptInput(password)).toThrow(PasswordTooLongError);
  });

  test('refuses an empty password', () => {
    expect(() => toBcryptInput('')).toThrow(EmptyPasswordError);
  });

  test('the error says why, with HTTP 400, and does not repeat the password', () => {
    const secret = `hunter2-${'x'.repeat(80)}`;
    let caught: unknown;
    try {
      toBcryptInput(secret);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PasswordTooLongError);
    const error = caught as PasswordTooLongError;
    expect(error).toMatchObject({ code: 'PASSWORD_TOO_LONG', statusCode: 400, maxBytes: 72 });
    expect(error.message).toMatch(/72 bytes/);
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });
});
