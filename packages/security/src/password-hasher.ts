import { performance } from 'node:perf_hooks';
import bcrypt from 'bcrypt';
import { parseBcryptHash, toNodeBcryptHash } from './bcrypt-hash';
import { HashingCapacityError } from './errors';
import { toBcryptInput } from './password-input';
import { BoundedSemaphore } from './semaphore';

/** The bcrypt cost used when none is configured (2^12 rounds, about a quarter second on one core). */
export const DEFAULT_BCRYPT_COST = 12;
/** The lowest cost a hasher accepts; OWASP's floor for bcrypt. */
export const MIN_BCRYPT_COST = 10;
const MAX_BCRYPT_COST = 31;
const DEFAULT_THREADPOOL_SIZE = 4;
// With the default concurrency of 3 and ~250 ms per hash at cost 12, a full queue drains in about
// two seconds: long enough to absorb a burst, short enough that nobody waits on a login for ages.
const QUEUE_PER_SLOT = 8;
const MAX_RETRY_AFTER_SECONDS = 60;

/** Settings of a {@link PasswordHasher}. Every field is optional. */
export interface PasswordHasherOptions {
  /** bcrypt cost (log2 of the rounds). Default 12; below 10 is refused. */
  readonly cost?: number;
  /** Hashes computed at the same time. Default: the libuv thread pool size minus one (at least 1). */
  readonly maxConcurrency?: number;
  /** Requests allowed to wait for a slot; beyond that they fail with `HashingCapacityError`. */
  readonly maxQueue?: number;
}

/** A snapshot of a hasher's load, for metrics and benchmarks. */
export interface PasswordHasherStats {
  /** bcrypt operations running now. */
  readonly active: number;
  /** Operations waiting for a slot. */
  readonly queued: number;
  /** Operations refused with `HashingCapacityError` since the hasher was made. */
  readonly rejected: number;
  readonly maxConcurrency: number;
  readonly maxQueue: number;
}

/**
 * The default number of concurrent hashes: one less than the libuv thread pool (`UV_THREADPOOL_SIZE`,
 * 4 when unset), so file system, DNS and zlib work always finds a free thread.
 */
export function defaultHashingConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.UV_THREADPOOL_SIZE);
  const poolSize =
    Number.isInteger(configured) && configured >= 1 ? configured : DEFAULT_THREADPOOL_SIZE;
  return Math.max(1, poolSize - 1);
}

/**
 * Hashes and verifies passwords with bcrypt on the libuv thread pool (never the sync API), with a
 * bounded number of hashes in flight and a bounded queue, so that a flood of logins cannot starve
 * the rest of the process. Passwords are NFKC-normalised; empty ones and ones over 72 UTF-8 bytes
 * are refused with typed errors instead of being silently truncated.
 * @example
 * const hasher = new PasswordHasher({ cost: 12, maxConcurrency: 3, maxQueue: 24 });
 * const hash = await hasher.hash('correct horse battery staple');
 * await hasher.verify('correct horse battery staple', hash); // true
 * hasher.stats(); // { active: 0, queued: 0, rejected: 0, maxConcurrency: 3, maxQueue: 24 }
 */
export class PasswordHasher {
  /** The cost new hashes get, and below which `needsRehash` answers true. */
  readonly cost: number;
  readonly maxConcurrency: number;
  readonly maxQueue: number;
  readonly #semaphore: BoundedSemaphore;
  #rejected = 0;
  #averageMs: number | undefined;

  constructor(options: PasswordHasherOptions = {}) {
    const cost = options.cost ?? DEFAULT_BCRYPT_COST;
    if (!Number.isInteger(cost) || cost < MIN_BCRYPT_COST || cost > MAX_BCRYPT_COST) {
      throw new RangeError(
        `bcrypt cost must be an integer from ${MIN_BCRYPT_COST} to ${MAX_BCRYPT_COST}, got ${cost}`,
      );
    }
    this.cost = cost;
    this.maxConcurrency = options.maxConcurrency ?? defaultHashingConcurrency();
    this.maxQueue = options.maxQueue ?? this.maxConcurrency * QUEUE_PER_SLOT;
    this.#semaphore = new BoundedSemaphore(this.maxConcurrency, this.maxQueue);
  }

  /**
   * Hashes a password into a `$2b$<cost>$...` string.
   * @throws {EmptyPasswordError} when the password is empty
   * @throws {PasswordTooLongError} when it exceeds 72 UTF-8 bytes after normalisation
   * @throws {HashingCapacityError} when the queue is full
   */
  async hash(plain: string): Promise<string> {
    const input = toBcryptInput(plain);
    return this.#schedule(() => bcrypt.hash(input, this.cost));
  }

  /**
   * Checks a password against a stored bcrypt hash, including `$2a$`, `$2b$` and `$2y$` hashes made
   * by other implementations (PHP, OpenBSD, Python...). A malformed or unsupported hash yields false.
   * @throws {EmptyPasswordError} when the password is empty
   * @throws {PasswordTooLongError} when it exceeds 72 UTF-8 bytes: such a password can never have
   *   been hashed here, and comparing a truncated copy would be the silent truncation refused above
   * @throws {HashingCapacityError} when the queue is full
   */
  async verify(plain: string, hash: string): Promise<boolean> {
    const input = toBcryptInput(plain);
    const info = parseBcryptHash(hash);
    if (!info) return false;
    return this.#schedule(() => bcrypt.compare(input, toNodeBcryptHash(hash, info)));
  }

  /**
   * Tells whether a stored hash falls short of the current policy (cost below `cost`, or a variant
   * other than `$2b$`), so that it can be replaced right after a successful login. An unreadable
   * hash also needs replacing.
   * @example
   * if (await hasher.verify(password, user.hash) && hasher.needsRehash(user.hash)) {
   *   user.hash = await hasher.hash(password);
   * }
   */
  needsRehash(hash: string): boolean {
    const info = parseBcryptHash(hash);
    if (!info) return true;
    return info.variant !== '2b' || info.cost < this.cost;
  }

  /** The current load of this hasher. */
  stats(): PasswordHasherStats {
    return {
      active: this.#semaphore.active,
      queued: this.#semaphore.queued,
      rejected: this.#rejected,
      maxConcurrency: this.maxConcurrency,
      maxQueue: this.maxQueue,
    };
  }

  // Nothing is awaited before `tryRun` (here or in the async callers above), so whether a request is
  // accepted is decided within the call itself: the refusal is immediate and testable without timing.
  #schedule<T>(operation: () => Promise<T>): Promise<T> {
    const accepted = this.#semaphore.tryRun(async () => {
      const started = performance.now();
      try {
        return await operation();
      } finally {
        this.#recordDuration(performance.now() - started);
      }
    });
    if (accepted) return accepted;
    this.#rejected += 1;
    return Promise.reject(new HashingCapacityError(this.#retryAfterSeconds()));
  }

  #recordDuration(milliseconds: number): void {
    this.#averageMs =
      this.#averageMs === undefined ? milliseconds : this.#averageMs * 0.8 + milliseconds * 0.2;
  }

  // The backlog drains `maxConcurrency` operations at a time; before any has been timed, one
  // second is a conservative guess for cost 12.
  #retryAfterSeconds(): number {
    const perOperationMs = this.#averageMs ?? 1000;
    const backlog = this.#semaphore.active + this.#semaphore.queued;
    const seconds = Math.ceil(((backlog / this.maxConcurrency) * perOperationMs) / 1000);
    return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, seconds));
  }
}
