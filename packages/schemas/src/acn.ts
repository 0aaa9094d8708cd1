import type { StringSchema } from 'yup';
import type { FieldCheckResult } from './field-check';
import { checkedString, refuse, unwrap } from './field-check';

// ASIC's published algorithm: weight the first 8 digits 8..1, take the sum's remainder by 10, and
// its complement to 10 (0 for 10) is the ninth digit.
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1] as const;
const ACN_INPUT = /^\s*(?:\d\s*){9}$/;

/**
 * Checks an Australian Company Number and returns its 9 digits without spaces.
 * @example
 * checkAcn('004 028 077'); // { ok: true, value: '004028077' }
 */
export function checkAcn(input: string): FieldCheckResult {
  if (!ACN_INPUT.test(input)) {
    return refuse('ACN_FORMAT', 'ACN must be 9 digits (spaces are allowed).');
  }
  const digits = input.replace(/\s/g, '');
  const values = Array.from(digits, Number);
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * (values[index] ?? 0), 0);
  const checkDigit = (10 - (sum % 10)) % 10;
  if (checkDigit !== values[8]) {
    return refuse(
      'ACN_CHECKSUM',
      'ACN is not valid: its check digit does not match (is a digit mistyped?).',
    );
  }
  return { ok: true, value: digits };
}

/**
 * Returns an ACN as 9 digits without spaces.
 * @throws {FieldValidationError} with code `ACN_FORMAT` or `ACN_CHECKSUM`
 * @example
 * normalizeAcn('004 028 077'); // '004028077'
 */
export function normalizeAcn(input: string): string {
  return unwrap(checkAcn(input));
}

/**
 * A yup schema for an ACN: spaces accepted, stored as 9 digits, checked with ASIC's check digit.
 * Optional unless you add `.required()`.
 * @example
 * object({ acn: acnSchema() })
 */
export function acnSchema(): StringSchema {
  return checkedString('acn', checkAcn, {
    pattern: ACN_INPUT.source,
    description: 'Australian Company Number: 9 digits, spaces allowed on input, stored without.',
    examples: ['004028077'],
  });
}
