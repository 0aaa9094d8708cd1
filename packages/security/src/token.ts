import crypto, { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const MIN_TOKEN_BYTES = 16;

/**
 * Makes an unguessable token (session, reset link, API key) from the operating system's CSPRNG,
 * encoded as URL-safe base64 without padding: 43 characters of `A-Z a-z 0-9 - _` for 32 bytes.
 * @param bytes entropy in bytes; at least 16 (128 bits)
 * @example
 * const token = generateSecureToken(); // send to the user
 * await saveResetToken(user, hashToken(token)); // store only the hash
 */
export function generateSecureToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < MIN_TOKEN_BYTES) {
    throw new RangeError(`bytes must be an integer of at least ${MIN_TOKEN_BYTES}, got ${bytes}`);
  }
  return randomBytes(bytes).toString('base64url');
}

/**
 * The SHA-256 digest of a token, as 64 lower-case hex characters, for storage: a leaked table of
 * hashes does not give away usable tokens. A fast hash is enough because the tokens are random.
 * @example
 * const row = await tokens.findOne({ tokenHash: hashToken(presented) });
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Compares two secrets in constant time. Both sides are hashed first, so strings of different
 * lengths are compared too (without throwing, and without revealing the length through timing).
 * @example
 * safeEqual(hashToken(presented), storedHash); // true or false
 */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * A check of presented tokens against one stored token hash (the 64 hex characters of
 * {@link hashToken}), for a hot path such as a bearer-token check on every request: the stored hash
 * is decoded once, and each check hashes the presented token once and compares the two 32-byte
 * digests in constant time (what `safeEqual(hashToken(presented), stored)` decides, with one hash
 * instead of three). A stored value that is not a SHA-256 hex digest matches nothing.
 * @example
 * const isAdminToken = tokenHashMatcher(config.adminTokenSha256);
 * if (!isAdminToken(presented)) throw new UnauthorizedError();
 */
export function tokenHashMatcher(storedSha256Hex: string): (presented: string) => boolean {
  const stored = SHA256_HEX.test(storedSha256Hex) ? Buffer.from(storedSha256Hex, 'hex') : undefined;
  return (presented) => {
    // Hashed whatever the stored value, so a misconfiguration does not answer faster.
    const digest = sha256(presented);
    return stored !== undefined && timingSafeEqual(digest, stored);
  };
}

// Node >= 20.12 hashes in one call, without a Hash object per digest; 20.9-20.11 fall back to createHash.
const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;

function sha256(text: string): Buffer {
  return oneShotHash === undefined ? createHash('sha256').update(text, 'utf8').digest() : oneShotHash('sha256', text, 'buffer');
}
