import { toBoolean, toIsoTimestamp, toNullableString, toNumber, toText } from './row-values';

describe('row values', () => {
  test('toNumber takes numbers, numeric strings (pg/tedious bigint) and bigints', () => {
    expect(toNumber(42)).toBe(42);
    expect(toNumber('9007199254740991')).toBe(9_007_199_254_740_991);
    expect(toNumber(7n)).toBe(7);
    expect(() => toNumber(null)).toThrow(TypeError);
    expect(() => toNumber('')).toThrow(TypeError);
    expect(() => toNumber('x')).toThrow(TypeError);
  });

  test('toNullableString keeps strings and maps NULL to null', () => {
    expect(toNullableString('a')).toBe('a');
    expect(toNullableString(null)).toBeNull();
    expect(toNullableString(undefined)).toBeNull();
    expect(toText(5)).toBe('5');
    expect(() => toText(null)).toThrow(TypeError);
    expect(() => toText({})).toThrow(TypeError);
  });

  test('toBoolean takes booleans and bit values', () => {
    expect(toBoolean(true)).toBe(true);
    expect(toBoolean(0)).toBe(false);
    expect(toBoolean('1')).toBe(true);
    expect(() => toBoolean(null)).toThrow(TypeError);
  });

  test('toIsoTimestamp takes Dates, pg timestamptz text and zone-less text (UTC)', () => {
    const iso = '2026-11-27T09:50:11.627Z';
    expect(toIsoTimestamp(new Date(iso))).toBe(iso);
    expect(toIsoTimestamp('2026-11-27 09:50:11.627715+00')).toBe(iso);
    expect(toIsoTimestamp('2026-11-27 19:50:11.627+10:00')).toBe(iso);
    expect(toIsoTimestamp('2026-11-27 09:50:11.627')).toBe(iso);
    expect(toIsoTimestamp(iso)).toBe(iso);
    expect(() => toIsoTimestamp('nope')).toThrow(TypeError);
    expect(() => toIsoTimestamp(null)).toThrow(TypeError);
  });
});
