/**
 * The text rules every string a client sends must pass, wherever it is accepted (body, query, path):
 * - no NUL character: PostgreSQL cannot store U+0000 in text, and the statement would fail there;
 * - well-formed Unicode: a lone UTF-16 surrogate (`"\ud800"` in JSON) has no UTF-8 form, so the
 *   database would store U+FFFD in its place and the value read back would differ from the one sent.
 */

// ES2024's String.prototype.isWellFormed (Node 20+); the compiler's lib is ES2023.
const isWellFormed = (value: string): boolean => (value as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * What is wrong with a client's string, as the end of a sentence starting with the field's name
 * (`"must not contain the NUL character."`), or `undefined` when it passes the text rules.
 * @example
 * const problem = textProblem(value);
 * if (problem !== undefined) errors.push({ path, message: `${path} ${problem}` });
 */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character.';
  if (!isWellFormed(value)) {
    return 'must be well-formed Unicode: it contains a lone surrogate (a \\ud800–\\udfff escape without its pair).';
  }
  return undefined;
}

/**
 * yup's message for a string that must not be empty, instead of its "must be at least 1 characters".
 * @example string().trim().min(1, MUST_NOT_BE_EMPTY) // "companyName must not be empty."
 */
export const MUST_NOT_BE_EMPTY = '${path} must not be empty.';
