import type { ValidationError } from 'yup';
import type { ErrorDetail } from './envelopes';

/** Options of {@link formatValidationError}. */
export interface FormatValidationErrorOptions {
  /**
   * Where the validated value sits, written before each field with a dot: `querystring` turns `page`
   * into `querystring.page`, and the value as a whole (`''`) into `querystring`. Default: none.
   */
  readonly prefix?: string;
}

/**
 * Turns a yup `ValidationError` into the `details` of an error response: one `{ field, message }`
 * per failed rule, in yup's order, without duplicates. Validate with `abortEarly: false` to report
 * every field at once.
 * @example
 * try {
 *   await schema.validate(body, { abortEarly: false });
 * } catch (error) {
 *   if (error instanceof ValidationError) {
 *     reply.code(400).send({ error: 'Validation failed', details: formatValidationError(error) });
 *   }
 * }
 */
export function formatValidationError(error: ValidationError, options: FormatValidationErrorOptions = {}): ErrorDetail[] {
  const { prefix } = options;
  // yup flattens nested errors into `inner`; with abortEarly (the default) only the error itself
  // carries the problem.
  const failures = error.inner.length > 0 ? error.inner : [error];
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const failure of failures) {
    const path = failure.path ?? '';
    const field = prefix === undefined || prefix === '' ? path : path === '' ? prefix : `${prefix}.${path}`;
    for (const message of failure.errors) {
      const key = `${field}\u0000${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      details.push({ field, message });
    }
  }
  return details;
}
