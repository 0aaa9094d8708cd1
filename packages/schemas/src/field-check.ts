import type { JSONSchema7 } from 'json-schema';
import type { StringSchema } from 'yup';
import { string } from 'yup';

/** Why a field value was refused; stable, for clients and tests (messages may change). */
export type FieldErrorCode =
  | 'EMAIL_INVALID'
  | 'EMAIL_TOO_LONG'
  | 'EMAIL_LOCAL_PART_TOO_LONG'
  | 'PHONE_INVALID'
  | 'PHONE_NOT_AUSTRALIAN'
  | 'ABN_FORMAT'
  | 'ABN_CHECKSUM'
  | 'ACN_FORMAT'
  | 'ACN_CHECKSUM';

/** The outcome of a `check*` function: the normalised value, or why the input was refused. */
export type FieldCheckResult =
  | {
      /** The input was accepted. */
      readonly ok: true;
      /** The normalised value, the form to store. */
      readonly value: string;
    }
  | {
      /** The input was refused. */
      readonly ok: false;
      /** Why, as a stable code. */
      readonly code: FieldErrorCode;
      /** A user-facing sentence saying what is wrong; may change between versions. */
      readonly message: string;
    };

/**
 * A field value was refused by a `normalize*` function. Map it to HTTP 400.
 * @example
 * try {
 *   normalizeAbn('51 824 753 557');
 * } catch (error) {
 *   if (error instanceof FieldValidationError) error.code; // 'ABN_CHECKSUM'
 * }
 */
export class FieldValidationError extends Error {
  override readonly name = 'FieldValidationError';
  /** The HTTP status to answer with. */
  readonly statusCode = 400;

  constructor(
    /** Why the value was refused, as a stable code. */
    readonly code: FieldErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A refusal, for the `check*` functions. */
export function refuse(code: FieldErrorCode, message: string): FieldCheckResult {
  return { ok: false, code, message };
}

/** Returns the normalised value of a check, or throws its refusal as a `FieldValidationError`. */
export function unwrap(result: FieldCheckResult): string {
  if (!result.ok) throw new FieldValidationError(result.code, result.message);
  return result.value;
}

/**
 * A yup string schema around a `check*` function: valid input is replaced by its normalised form,
 * invalid input fails with the check's message. Absent values (undefined, null, '' and blank
 * strings) pass, as with yup's own `email()`, so that `.required()` decides whether the field must
 * be there.
 * @param jsonSchema what `toJsonSchema` shows for the field (pattern, format, examples)
 */
export function checkedString(
  name: string,
  check: (input: string) => FieldCheckResult,
  jsonSchema: JSONSchema7,
): StringSchema {
  return string()
    .transform((value: unknown) => {
      if (typeof value !== 'string') return value;
      // Blank input becomes '', so that `.required()` reports it as missing, not as malformed.
      const trimmed = value.trim();
      if (trimmed === '') return '';
      const result = check(trimmed);
      return result.ok ? result.value : trimmed;
    })
    .test({
      name,
      test(value, context) {
        // null only reaches here when the caller made the schema nullable.
        if (typeof value !== 'string' || value === '') return true;
        const result = check(value);
        return result.ok || context.createError({ message: result.message });
      },
    })
    .meta({ jsonSchema });
}
