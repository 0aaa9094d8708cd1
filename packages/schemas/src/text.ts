/**
 * The text rules every string a client sends must pass, wherever it is accepted (body, query, path):
 * - no NUL character: PostgreSQL cannot store U+0000 in text, and the statement would fail there;
 * - well-formed Unicode: a lone UTF-16 surrogate (`"\ud800"` in JSON) has no UTF-8 form, so the
 *   database would store U+FFFD in its place and the value read back would differ from the one sent;
 * - no other control character but tab, line feed and carriage return (C0 controls and DEL): no field
 *   needs one, and a BEL or an escape sequence stored in a name reaches every log, terminal and CSV
 *   export that shows it;
 * - no bidirectional embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069, the
 *   "Trojan Source" characters): they make a value display differently from what it is.
 */

// ES2024's String.prototype.isWellFormed (Node 20+); the compiler's lib is ES2023.
const isWellFormed = (value: string): boolean => (value as string & { isWellFormed(): boolean }).isWellFormed();

// C0 controls but NUL (refused with its own message), tab, line feed and carriage return; and DEL.
// Matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** `U+0007` for the first character of `value` that `pattern` matches. */
function codePointOf(value: string, pattern: RegExp): string {
  const char = pattern.exec(value)?.[0] ?? '';
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

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
  if (CONTROL.test(value)) {
    return `must not contain control characters (found ${codePointOf(value, CONTROL)}); only tab, line feed and carriage return are allowed: remove it.`;
  }
  if (BIDI_CONTROL.test(value)) {
    return `must not contain bidirectional text control characters (found ${codePointOf(value, BIDI_CONTROL)}, one of U+202A–U+202E and U+2066–U+2069), which make text display differently from what it is: remove it.`;
  }
  return undefined;
}

/**
 * yup's message for a string that must not be empty, instead of its "must be at least 1 characters".
 * @example string().trim().min(1, MUST_NOT_BE_EMPTY) // "companyName must not be empty."
 */
export const MUST_NOT_BE_EMPTY = '${path} must not be empty.';
