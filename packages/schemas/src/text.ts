/**
 * The text rules every string a client sends must pass, wherever it is accepted (body, query, path):
 * - no NUL character: PostgreSQL cannot store U+0000 in text, and the statement would fail there;
 * - well-formed Unicode: a lone UTF-16 surrogate (`"\ud800"` in JSON) has no UTF-8 form, so the
 *   database would store U+FFFD in its place and the value read back would differ from the one sent;
 * - no other control character but tab, line feed and carriage return (C0 controls, DEL and the C1
 *   controls U+0080–U+009F): no field needs one, and a BEL or an escape sequence stored in a name
 *   reaches every log, terminal and CSV export that shows it (a C1 control such as U+009B is an
 *   escape sequence's introducer on its own in some terminals);
 * - no line or paragraph separator (U+2028, U+2029): they break lines in some viewers and not in
 *   others, and a line break, where a field takes one, is a line feed;
 * - no bidirectional embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069, the
 *   "Trojan Source" characters): they make a value display differently from what it is;
 * - no invisible character that only hides in text: the zero-width space (U+200B), the word joiner
 *   (U+2060) and the byte order mark / zero-width no-break space (U+FEFF). "Acme" with one of them
 *   inside looks like "Acme" and is not: two companies, or users, that nobody can tell apart;
 * - the zero-width non-joiner and joiner (U+200C, U+200D) only where writing uses them. U+200D joins
 *   emoji into one (the family emoji is man, woman and girl joined by it; the rainbow flag is a white
 *   flag and a rainbow), and both are parts of words in Persian (U+200C between two letters of many
 *   words) and in the Indic scripts. Refusing them outright would refuse such names and emoji, which
 *   users rightly expect to keep. In all those uses both neighbours are characters outside ASCII; so a
 *   joiner is refused only at the start or the end, next to an ASCII character (a Latin letter, a
 *   digit, a space, punctuation) or next to another joiner: there it serves only to make
 *   "Ac\u200Dme" look like "Acme".
 */
import type { StringSchema } from 'yup';

// ES2024's String.prototype.isWellFormed (Node 20+); the compiler's lib is ES2023.
const isWellFormed = (value: string): boolean => (value as string & { isWellFormed(): boolean }).isWellFormed();

// C0 controls but NUL (refused with its own message), tab, line feed and carriage return; DEL; and
// the C1 controls. Matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// The line separator and the paragraph separator.
const SEPARATOR = /[\u2028\u2029]/;
// Bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Zero-width space, word joiner, byte order mark (zero-width no-break space).
const INVISIBLE = /[\u200B\u2060\uFEFF]/;
// The zero-width non-joiner and joiner.
const JOINER = /[\u200C\u200D]/;
// A joiner at the start or the end, or beside an ASCII character or another joiner (see the rules
// above: beside two non-ASCII characters, it is part of an emoji or a word). Matching ASCII control
// characters as neighbours is intended (they are refused before this anyway).
// eslint-disable-next-line no-control-regex
const STRAY_JOINER = /(?:^|[\u0000-\u007F\u200C\u200D])[\u200C\u200D]|[\u200C\u200D](?:$|[\u0000-\u007F])/;

/** `U+0007` for the first character of `value` that `pattern` matches (or, given `among`, the first of those characters in the match). */
function codePointOf(value: string, pattern: RegExp, among?: RegExp): string {
  const match = pattern.exec(value)?.[0] ?? '';
  const char = among === undefined ? match : (among.exec(match)?.[0] ?? '');
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
  if (SEPARATOR.test(value)) {
    return `must not contain line or paragraph separators (found ${codePointOf(value, SEPARATOR)}, one of U+2028 and U+2029): remove it, or use a line feed for a line break.`;
  }
  if (BIDI_CONTROL.test(value)) {
    return `must not contain bidirectional text control characters (found ${codePointOf(value, BIDI_CONTROL)}, one of U+202A–U+202E and U+2066–U+2069), which make text display differently from what it is: remove it.`;
  }
  if (INVISIBLE.test(value)) {
    return `must not contain invisible characters (found ${codePointOf(value, INVISIBLE)}, one of U+200B, U+2060 and U+FEFF), which make text look like other text: remove it.`;
  }
  if (STRAY_JOINER.test(value)) {
    return `must not contain a zero-width joiner or non-joiner (found ${codePointOf(value, STRAY_JOINER, JOINER)}) at the start or end, next to an ASCII character or next to another joiner; it is allowed only inside emoji sequences and inside words of scripts that use it: remove it.`;
  }
  return undefined;
}

/**
 * yup's message for a string that must not be empty, instead of its "must be at least 1 characters".
 * @example string().trim().min(1, MUST_NOT_BE_EMPTY) // "companyName must not be empty."
 */
export const MUST_NOT_BE_EMPTY = '${path} must not be empty.';

/** yup's message for a value that must be present: instead of its "is a required field". */
export const IS_REQUIRED = '${path} is required.';

/**
 * A trimmed string field that must be present and not blank, with a message for each: missing or
 * null "is required.", empty or only whitespace "must not be empty." (yup's `required()` calls both
 * "a required field", which reads wrong for a value that was sent).
 * @example requiredText(string().trim().max(200)) // {} → "companyName is required."; "  " → "companyName must not be empty."
 */
export function requiredText(schema: StringSchema): StringSchema<string> {
  return schema.defined(IS_REQUIRED).nonNullable(IS_REQUIRED).min(1, MUST_NOT_BE_EMPTY);
}
