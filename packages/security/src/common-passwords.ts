import type { dictionary as commonDictionary } from '@zxcvbn-ts/language-common';

// Loaded and built on first use, not at import: the list is 370 kB of JavaScript (about 80 ms to load
// on a busy machine), which every server would otherwise pay at start, and a process that only
// verifies passwords never needs.
let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  if (common === undefined) {
    // A synchronous require: the policy check is synchronous, and this package is compiled to CommonJS.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: typeof commonDictionary };
    common = new Set(dictionary['passwords-common']);
  }
  return common;
}

/**
 * Tells whether a password is on the common-password list of `@zxcvbn-ts/language-common` (about
 * 49 000 passwords seen most often in breach corpora, maintained with zxcvbn-ts), ignoring case and
 * surrounding spaces. This is the blocklist NIST SP 800-63B asks for, and the one
 * {@link checkPasswordPolicy} always applies.
 * @example
 * isCommonPassword('Password'); // true
 * isCommonPassword('correct horse battery staple'); // false
 */
export function isCommonPassword(normalizedPassword: string): boolean {
  const folded = normalizedPassword.toLowerCase();
  const list = commonPasswords();
  return list.has(folded) || list.has(folded.trim());
}
