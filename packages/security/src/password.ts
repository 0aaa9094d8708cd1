import type { PasswordHasherStats } from './password-hasher';
import { PasswordHasher } from './password-hasher';

/**
 * The hasher behind {@link hashPassword}, {@link verifyPassword} and {@link needsRehash}: cost 12,
 * one hash at a time per usable CPU, on worker threads below the event loop's priority. Read its
 * load with `defaultPasswordHasher.stats()`. Its threads start on the first hash and end after a
 * few idle seconds; they never keep the process alive, so `close()` is optional.
 */
export const defaultPasswordHasher = new PasswordHasher();

/**
 * Hashes a password with bcrypt (cost 12) on a lowered-priority worker thread.
 * @example
 * const hash = await hashPassword('correct horse battery staple'); // '$2b$12$...'
 */
export function hashPassword(plain: string): Promise<string> {
  return defaultPasswordHasher.hash(plain);
}

/**
 * Checks a password against a stored `$2a$`, `$2b$` or `$2y$` hash; false for a wrong password or a
 * malformed hash.
 * @example
 * if (!(await verifyPassword(body.password, user.passwordHash))) throw new InvalidCredentials();
 */
export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return defaultPasswordHasher.verify(plain, hash);
}

/**
 * Tells whether a stored hash should be replaced after the next successful login (older variant or
 * a cost below 12).
 */
export function needsRehash(hash: string): boolean {
  return defaultPasswordHasher.needsRehash(hash);
}

/** The load of the default hasher (active and queued hashes), for metrics. */
export function passwordHashingStats(): PasswordHasherStats {
  return defaultPasswordHasher.stats();
}
