import fc from 'fast-check';
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

  test('pg UTC text takes a shortcut that agrees with parsing it as a Date, fraction truncated to ms', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 999 }),
        (date, digits, micros) => {
          const fraction = `${String(date.getUTCMilliseconds()).padStart(3, '0')}${String(micros).padStart(3, '0')}`.slice(0, digits);
          const text = `${date.toISOString().slice(0, 19).replace('T', ' ')}${digits > 0 ? `.${fraction}` : ''}+00`;
          expect(toIsoTimestamp(text)).toBe(new Date(text.replace(' ', 'T').replace(/\+00$/, 'Z')).toISOString());
        },
      ),
    );
  });
});
