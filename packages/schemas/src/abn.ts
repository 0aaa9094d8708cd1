import type { StringSchema } from 'yup';
import type { FieldCheckResult } from './field-check';
import { checkedString, refuse, unwrap } from './field-check';

// The ABR's published algorithm: subtract 1 from the first digit, weight the 11 digits, and the
// sum must be divisible by 89.
const WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19] as const;
const ABN_INPUT = /^\s*(?:\d\s*){11}$/;

/**
 * Checks an Australian Business Number and returns its 11 digits without spaces.
 * Wrong length or characters, a leading zero, and a failed checksum each have their own message.
 * @example
 * checkAbn('51 824 753 556'); // { ok: true, value: '51824753556' }
 */
export function checkAbn(input: string): FieldCheckResult {
  if (!ABN_INPUT.test(input)) {
    return refuse('ABN_FORMAT', 'ABN must be 11 digits (spaces are allowed).');
  }
  const digits = input.replace(/\s/g, '');
  const values = Array.from(digits, Number);
  if (values[0] === 0) {
    return refuse('ABN_CHECKSUM', 'ABN cannot start with 0: its check digits range from 10 to 99.');
  }
  const sum = values.reduce(
    (total, digit, index) => total + (index === 0 ? digit - 1 : digit) * (WEIGHTS[index] ?? 0),
    0,
  );
  if (sum % 89 !== 0) {
    return refuse(
      'ABN_CHECKSUM',
      'ABN is not valid: its check digits do not match (is a digit mistyped?).',
    );
  }
  return { ok: true, value: digits };
}

/**
 * Returns an ABN as 11 digits without spaces.
 * @throws {FieldValidationError} with code `ABN_FORMAT` or `ABN_CHECKSUM`
 * @example
 * normalizeAbn('51 824 753 556'); // '51824753556'
 */
export function normalizeAbn(input: string): string {
  return unwrap(checkAbn(input));
}

/**
 * A yup schema for an ABN: spaces accepted, stored as 11 digits, checked with the ABR's modulus 89.
 * Optional unless you add `.required()`.
 * @example
 * object({ abn: abnSchema().required() })
 */
export function abnSchema(): StringSchema {
  return checkedString('abn', checkAbn, {
    pattern: ABN_INPUT.source,
    description: 'Australian Business Number: 11 digits, spaces allowed on input, stored without.',
    examples: ['51824753556'],
  });
}
