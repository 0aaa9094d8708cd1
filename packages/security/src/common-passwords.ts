import { dictionary } from '@zxcvbn-ts/language-common';

// Built on first use: about 49 000 strings, a few milliseconds, and never for a process that only verifies.
let common: ReadonlySet<string> | undefined;

/**
 * Tells whether a password is on the common-password list of `@zxcvbn-ts/language-common` (about
 * 49 000 passwords seen most often in breach corpora, maintained with zxcvbn-ts), ignoring case. This
 * is the blocklist NIST SP 800-63B asks for, and the one {@link checkPasswordPolicy} always applies.
 * @example
 * isCommonPassword('Password'); // true
 * isCommonPassword('correct horse battery staple'); // false
 */
export function isCommonPassword(normalizedPassword: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  const folded = normalizedPassword.toLowerCase();
  return common.has(folded) || common.has(folded.trim());
}
