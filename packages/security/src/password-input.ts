import { BCRYPT_MAX_PASSWORD_BYTES, EmptyPasswordError, PasswordTooLongError } from './errors';

/**
 * Normalises a password to Unicode NFKC, as NIST SP 800-63B asks, so that the same password typed
 * on different keyboards or operating systems (composed vs decomposed `é`, full-width digits)
 * hashes to the same value. Every hashing, verifying and policy function applies it itself.
 * @example
 * normalizePassword('ｐａｓｓ'); // 'pass'
 */
export function normalizePassword(plain: string): string {
  return plain.normalize('NFKC');
}

/** How many bytes a string takes in UTF-8, which is what bcrypt counts. */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Normalises a password and checks that bcrypt can take all of it.
 * @returns the normalised password, ready for bcrypt
 * @throws {EmptyPasswordError} when it is empty
 * @throws {PasswordTooLongError} when it exceeds 72 UTF-8 bytes
 */
export function toBcryptInput(plain: string): string {
  const normalized = normalizePassword(plain);
  if (normalized.length === 0) throw new EmptyPasswordError();
  if (utf8ByteLength(normalized) > BCRYPT_MAX_PASSWORD_BYTES) throw new PasswordTooLongError();
  return normalized;
}
