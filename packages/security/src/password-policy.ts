import type { PasswordPolicyViolation } from './errors';
import { isCommonPassword } from './common-passwords';
import { BCRYPT_MAX_PASSWORD_BYTES, PasswordPolicyError } from './errors';
import { normalizePassword, utf8ByteLength } from './password-input';

/** The minimum password length when none is configured (NIST SP 800-63B's floor). */
export const DEFAULT_MIN_PASSWORD_LENGTH = 8;

/** Settings of the password policy. */
export interface PasswordPolicyOptions {
  /** Fewest characters (Unicode code points) accepted; default 8. */
  readonly minLength?: number;
  /**
   * Tells whether a password is known to be expected or compromised beyond the built-in list of
   * common passwords, which always applies (the product's name, the user's e-mail, a breach
   * corpus...). Receives the normalised password.
   */
  readonly isBlocklisted?: (normalizedPassword: string) => boolean;
}

/** The outcome of {@link checkPasswordPolicy}. */
export type PasswordPolicyResult =
  | {
      /** The password meets the policy. */
      readonly ok: true;
      /** The NFKC-normalised password, the form to hash. */
      readonly password: string;
    }
  | {
      /** The password breaks the policy. */
      readonly ok: false;
      /** Every rule it breaks, at least one. */
      readonly violations: readonly PasswordPolicyViolation[];
    };

/**
 * Checks a new password against a NIST SP 800-63B policy: a minimum length counted in code points
 * after NFKC normalisation, no composition rules (no "one digit, one symbol"), every Unicode
 * character and space allowed but not spaces alone, a blocklist of common passwords
 * ({@link isCommonPassword}) plus the caller's own, and bcrypt's 72-byte ceiling (which is at
 * least 64 characters for ASCII passwords, as NIST asks; multi-byte characters reach it sooner).
 * @example
 * const result = checkPasswordPolicy(body.password, { minLength: 12 });
 * if (!result.ok) return reply.code(400).send({ error: 'Weak password', details: result.violations });
 */
export function checkPasswordPolicy(
  plain: string,
  options: PasswordPolicyOptions = {},
): PasswordPolicyResult {
  const minLength = options.minLength ?? DEFAULT_MIN_PASSWORD_LENGTH;
  if (!Number.isInteger(minLength) || minLength < 1 || minLength > BCRYPT_MAX_PASSWORD_BYTES) {
    throw new RangeError(
      `minLength must be an integer from 1 to ${BCRYPT_MAX_PASSWORD_BYTES}, got ${minLength}`,
    );
  }
  const password = normalizePassword(plain);
  const violations: PasswordPolicyViolation[] = [];
  // NIST counts code points (not UTF-16 units, and not grapheme clusters), which is what spreading
  // a string yields.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread
  if ([...password].length < minLength) {
    violations.push({
      code: 'PASSWORD_TOO_SHORT',
      message: `Password must be at least ${minLength} characters long.`,
    });
  }
  if (utf8ByteLength(password) > BCRYPT_MAX_PASSWORD_BYTES) {
    violations.push({
      code: 'PASSWORD_TOO_LONG',
      message:
        `Password must not exceed ${BCRYPT_MAX_PASSWORD_BYTES} bytes (UTF-8); ` +
        'some characters take several bytes.',
    });
  }
  // Eight spaces meet the length but are no secret: as guessable as any password on the list.
  if (password.length > 0 && password.trim() === '') {
    violations.push({
      code: 'PASSWORD_BLANK',
      message: 'Password must not be made of spaces (or other blank characters) only.',
    });
  } else if (password.length > 0 && (isCommonPassword(password) || options.isBlocklisted?.(password) === true)) {
    violations.push({
      code: 'PASSWORD_BLOCKLISTED',
      message: 'Password is too common or has appeared in a data breach; choose another.',
    });
  }
  return violations.length === 0 ? { ok: true, password } : { ok: false, violations };
}

/**
 * Like {@link checkPasswordPolicy}, but throws.
 * @returns the normalised password
 * @throws {PasswordPolicyError} listing every violation
 */
export function assertPasswordPolicy(plain: string, options?: PasswordPolicyOptions): string {
  const result = checkPasswordPolicy(plain, options);
  if (!result.ok) throw new PasswordPolicyError(result.violations);
  return result.password;
}
