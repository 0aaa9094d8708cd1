/**
 * The bcrypt variants found in stored hashes: `2a` (older OpenBSD and most libraries), `2b`
 * (current) and `2y` (PHP, crypt_blowfish).
 */
export type BcryptVariant = '2a' | '2b' | '2y';

/** What a stored bcrypt hash says about itself. */
export interface BcryptHashInfo {
  /** `2a`, `2b` or `2y`; new hashes are `2b`. */
  readonly variant: BcryptVariant;
  /** The cost factor: log2 of the bcrypt rounds, 4 to 31. */
  readonly cost: number;
}

// `$2x$` (crypt_blowfish's marker for hashes made by its old sign-extension bug) is deliberately not
// matched: those hashes cannot be reproduced by a correct implementation.
const BCRYPT_HASH = /^\$(2[aby])\$(\d\d)\$[./A-Za-z0-9]{53}$/;
const MIN_COST = 4;
const MAX_COST = 31;

/**
 * Reads the variant and cost of a bcrypt hash.
 * @returns undefined when the value is not a well-formed bcrypt hash
 * @example
 * parseBcryptHash('$2y$10$...'); // { variant: '2y', cost: 10 }
 */
export function parseBcryptHash(hash: unknown): BcryptHashInfo | undefined {
  if (typeof hash !== 'string') return undefined;
  const match = BCRYPT_HASH.exec(hash);
  if (!match) return undefined;
  const cost = Number(match[2]);
  if (cost < MIN_COST || cost > MAX_COST) return undefined;
  return { variant: match[1] as BcryptVariant, cost };
}

/**
 * Rewrites a hash into the form node `bcrypt` verifies. `$2y$` (PHP's `password_hash`) is the same
 * algorithm as `$2b$` for every password bcrypt accepts here (at most 72 bytes), but node `bcrypt`
 * refuses the prefix, so it is relabelled; `$2a$` and `$2b$` pass unchanged.
 */
export function toNodeBcryptHash(hash: string, info: BcryptHashInfo): string {
  return info.variant === '2y' ? `$2b$${hash.slice(4)}` : hash;
}
