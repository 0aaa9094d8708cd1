import type { StringSchema } from 'yup';
import { string } from 'yup';
import type { FieldCheckResult } from './field-check';
import { checkedString, refuse, unwrap } from './field-check';

// RFC 5321: a forward-path holds at most 256 octets including the angle brackets, a local part 64.
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;
// yup's (WHATWG's) address syntax, so that the plain function and the schema agree.
const syntax = string().email();

/**
 * Checks an email address and returns it trimmed and lower-cased.
 * @example
 * checkEmail('  Jane.Doe@Example.COM '); // { ok: true, value: 'jane.doe@example.com' }
 */
export function checkEmail(input: string): FieldCheckResult {
  const value = input.trim().toLowerCase();
  if (value.length > MAX_EMAIL_LENGTH) {
    return refuse(
      'EMAIL_TOO_LONG',
      `Email address must be at most ${MAX_EMAIL_LENGTH} characters.`,
    );
  }
  const at = value.lastIndexOf('@');
  if (at > MAX_LOCAL_PART_LENGTH) {
    return refuse(
      'EMAIL_LOCAL_PART_TOO_LONG',
      `The part of the email address before the @ must be at most ${MAX_LOCAL_PART_LENGTH} characters.`,
    );
  }
  if (value === '' || !syntax.isValidSync(value)) {
    return refuse('EMAIL_INVALID', 'Email address is not valid.');
  }
  return { ok: true, value };
}

/**
 * Returns an email address trimmed and lower-cased.
 * @throws {FieldValidationError} with code `EMAIL_INVALID`, `EMAIL_TOO_LONG` or `EMAIL_LOCAL_PART_TOO_LONG`
 * @example
 * normalizeEmail(' Jane@Example.com'); // 'jane@example.com'
 */
export function normalizeEmail(input: string): string {
  return unwrap(checkEmail(input));
}

/**
 * A yup schema for an email address: trimmed, lower-cased, at most 254 characters with a local part
 * of at most 64. Optional unless you add `.required()`.
 * @example
 * object({ email: emailSchema().required() })
 */
export function emailSchema(): StringSchema {
  return checkedString('email', checkEmail, {
    format: 'email',
    maxLength: MAX_EMAIL_LENGTH,
    examples: ['jane.doe@example.com'],
  });
}
