import { createHash } from 'node:crypto';
import { generateSecureToken, hashToken, safeEqual, tokenHashMatcher } from './token';

const URL_SAFE = /^[A-Za-z0-9_-]+$/;

describe('generateSecureToken', () => {
  test('gives 43 URL-safe characters for the default 32 bytes, decoding back to 32 bytes', () => {
    const token = generateSecureToken();
    expect(token).toHaveLength(43);
    expect(token).toMatch(URL_SAFE);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  test.each([
    [16, 22],
    [24, 32],
    [48, 64],
    [64, 86],
  ])('%p bytes give %p characters', (bytes, length) => {
    const token = generateSecureToken(bytes);
    expect(token).toHaveLength(length);
    expect(token).toMatch(URL_SAFE);
  });

  test('10,000 draws are distinct and use only the URL-safe alphabet, all of it', () => {
    const draws = Array.from({ length: 10_000 }, () => generateSecureToken());
    expect(new Set(draws).size).toBe(draws.length);
    expect(draws.every((token) => token.length === 43 && URL_SAFE.test(token))).toBe(true);
    // 430,000 characters from a 64-symbol alphabet: a missing symbol would mean a biased encoder.
    expect(new Set(draws.join('')).size).toBe(64);
  });

  test.each([15, 0, -1, 32.5, Number.NaN])('refuses %p bytes', (bytes) => {
    expect(() => generateSecureToken(bytes)).toThrow(RangeError);
  });
});

describe('hashToken', () => {
  test.each([
    // FIPS 180-2 example messages.
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('SHA-256 of %p is %s', (token, digest) => {
    expect(hashToken(token)).toBe(digest);
  });

  test('is 64 lower-case hex characters and matches node:crypto for a generated token', () => {
    const token = generateSecureToken();
    const digest = hashToken(token);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).toBe(createHash('sha256').update(token).digest('hex'));
    expect(digest).not.toContain(token);
  });
});

describe('safeEqual', () => {
  const token = 'Fv3h9Tz0mL2qWx8bY1cR5kP7nD4sJ6gA0eU2iO9rT3y';

  test.each([
    ['identical strings', token, token, true],
    ['one character changed', token, `${token.slice(0, -1)}z`, false],
    ['different lengths', token, token.slice(0, 10), false],
    ['an empty string against a token', '', token, false],
    ['two empty strings', '', '', true],
    ['a prefix', 'abc', 'abcd', false],
    ['multi-byte characters', 'pässwörd', 'pässwörd', true],
  ])('%s → %p', (_label, a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });
});

describe('tokenHashMatcher', () => {
  const token = 'Fv3h9Tz0mL2qWx8bY1cR5kP7nD4sJ6gA0eU2iO9rT3y';
  const matches = tokenHashMatcher(hashToken(token));

  test.each([
    ['the token', token, true],
    ['one character changed', `${token.slice(0, -1)}z`, false],
    ['a prefix', token.slice(0, 10), false],
    ['an empty string', '', false],
    ['the stored hash itself', hashToken(token), false],
  ])('%s → %p', (_label, presented, expected) => {
    expect(matches(presented)).toBe(expected);
    // The same answer as comparing hashes with safeEqual.
    expect(safeEqual(hashToken(presented), hashToken(token))).toBe(expected);
  });

  test('a stored value that is not a SHA-256 hex digest matches nothing', () => {
    for (const stored of ['', 'abc', hashToken(token).slice(0, 63), `${hashToken(token).slice(0, 63)}g`]) {
      expect(tokenHashMatcher(stored)(token)).toBe(false);
    }
  });
});
