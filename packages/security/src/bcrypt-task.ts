/** What the main thread sends a hashing worker for `hash` (see bcrypt-worker.cjs). */
export interface HashTask {
  /** NFKC-normalised, 1 to 72 UTF-8 bytes. */
  readonly password: string;
  /** The bcrypt cost (log2 of the rounds) to hash with. */
  readonly cost: number;
}

/** What the main thread sends a hashing worker for `compare` (see bcrypt-worker.cjs). */
export interface CompareTask {
  /** NFKC-normalised, 1 to 72 UTF-8 bytes. */
  readonly password: string;
  /** A `$2a$` or `$2b$` hash (`$2y$` relabelled by `toNodeBcryptHash`). */
  readonly hash: string;
}
