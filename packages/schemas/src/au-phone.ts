import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { StringSchema } from 'yup';
import type { FieldCheckResult } from './field-check';
import { checkedString, refuse, unwrap } from './field-check';

const AUSTRALIA_CALLING_CODE = '61';
// What people type around the digits. libphonenumber would also pick a number out of free text
// ("call 0412 345 678 after 5"), which a form field should not accept.
const WRITTEN_FORM = /^\+?[0-9()\s.-]+$/;

/**
 * Checks an Australian phone number written the usual ways (`0412 345 678`, `+61 412 345 678`,
 * `(02) 1234 5678`) and returns it in E.164 (`+61412345678`). Validity comes from libphonenumber's
 * full ("max") metadata, which knows which number ranges are allocated. Numbers on the +61 plan
 * include Christmas Island and the Cocos (Keeling) Islands.
 * @example
 * checkAuPhone('(02) 5550 1234'); // { ok: true, value: '+61255501234' }
 */
export function checkAuPhone(input: string): FieldCheckResult {
  const text = input.normalize('NFKC').trim();
  const phone = WRITTEN_FORM.test(text) ? parsePhoneNumberFromString(text, 'AU') : undefined;
  if (!phone) {
    return refuse(
      'PHONE_INVALID',
      'Phone number is not valid: use digits, spaces, brackets and a leading +.',
    );
  }
  if (phone.countryCallingCode !== AUSTRALIA_CALLING_CODE) {
    return refuse('PHONE_NOT_AUSTRALIAN', 'Phone number must be an Australian number (+61).');
  }
  if (!phone.isValid()) {
    return refuse(
      'PHONE_INVALID',
      'Phone number is not a valid Australian number: check the number of digits and the area code.',
    );
  }
  return { ok: true, value: phone.number };
}

/**
 * Returns an Australian phone number in E.164 form.
 * @throws {FieldValidationError} with code `PHONE_INVALID` or `PHONE_NOT_AUSTRALIAN`
 * @example
 * normalizeAuPhone('0491 570 156'); // '+61491570156'
 */
export function normalizeAuPhone(input: string): string {
  return unwrap(checkAuPhone(input));
}

/**
 * A yup schema for an Australian phone number, normalised to E.164. Optional unless you add
 * `.required()`.
 * @example
 * object({ mobile: auPhoneSchema().required() })
 */
export function auPhoneSchema(): StringSchema {
  return checkedString('auPhone', checkAuPhone, {
    pattern: WRITTEN_FORM.source,
    maxLength: 32,
    description: 'Australian phone number; written forms are accepted and stored as E.164.',
    examples: ['+61491570156', '(02) 5550 1234'],
  });
}
