import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Piscina } from 'piscina';
import type { CompareTask, HashTask } from './bcrypt-task';
import { parseBcryptHash, toNodeBcryptHash } from './bcrypt-hash';
import { HashingCapacityError } from './errors';
import { toBcryptInput } from './password-input';
import { BoundedSemaphore } from './semaphore';

/** The bcrypt cost used when none is configured (2^12 rounds, about a quarter second on one core). */
export const DEFAULT_BCRYPT_COST = 12;
/** The lowest cost a hasher accepts; OWASP's floor for bcrypt. */
export const MIN_BCRYPT_COST = 10;
/**
 * How far below the event loop the hashing threads run by default, as a nice(2) increment: the
 * customary "background job" level (what `nice(1)` uses). Linux's scheduler then gives a busy
 * event loop about nine tenths of a core it shares with a hashing thread, and the whole core to
 * hashing whenever the event loop is idle.
 */
export const DEFAULT_NICE_INCREMENT = 10;
const MAX_BCRYPT_COST = 31;
const MAX_NICE_INCREMENT = 19;
// Eight waiting requests per slot drain in about two seconds at cost 12 (~250 ms a hash), but with
// one slot per CPU a small machine would get a small queue: one core would refuse the tenth
// concurrent sign-up. The floor of 32 lets twice a burst of 16 sign-ups wait on a single core,
// where the last in line waits about eight seconds, well inside an HTTP client's patience.
const QUEUE_PER_SLOT = 8;
const MIN_DEFAULT_QUEUE = 32;
const MAX_RETRY_AFTER_SECONDS = 60;
// Idle hashing threads end after this long (they never keep the process alive meanwhile); the next
// burst pays a worker start, tens of milliseconds against a quarter second per hash.
const WORKER_IDLE_TIMEOUT_MS = 5_000;
// Plain CommonJS beside this module: in src/ under jest, in dist/ once built (allowJs emits it).
const WORKER_FILE = join(__dirname, 'bcrypt-worker.cjs');

/** Settings of a {@link PasswordHasher}. Every field is optional. */
export interface PasswordHasherOptions {
  /** bcrypt cost (log2 of the rounds). Default 12; below 10 is refused. */
  readonly cost?: number;
  /**
   * Hashes computed at the same time, each on its own worker thread. Default: the CPUs this process
   * may run on (`os.availableParallelism()`, which honours CPU affinity), at least 1.
   */
  readonly maxConcurrency?: number;
  /**
   * Requests allowed to wait for a slot; beyond that they fail with `HashingCapacityError`.
   * Default: 8 per slot, at least 32.
   */
  readonly maxQueue?: number;
  /**
   * How much to lower the OS priority of the hashing threads below the event loop's, as a nice(2)
   * increment from 0 to 19: higher means lower priority, 0 keeps them at the event loop's priority.
   * Default {@link DEFAULT_NICE_INCREMENT}. Applied on Linux only, where a nice value belongs to
   * one thread; elsewhere it is ignored, because it would lower the whole process, event loop
   * included (macOS, the BSDs), or is not a nice value at all (Windows).
   */
  readonly niceIncrement?: number;
}

/** A snapshot of a hasher's load, for metrics and benchmarks. */
export interface PasswordHasherStats {
  /** bcrypt operations running now. */
  readonly active: number;
  /** Operations waiting for a slot. */
  readonly queued: number;
  /** Operations refused with `HashingCapacityError` since the hasher was made. */
  readonly rejected: number;
  /** The most hashes this hasher computes at the same time (its worker threads). */
  readonly maxConcurrency: number;
  /** The most operations allowed to wait for a slot before `HashingCapacityError`. */
  readonly maxQueue: number;
}

/**
 * The default number of concurrent hashes: one per CPU this process may use, so a burst of logins
 * keeps every core busy. The hashing threads run at a lower OS priority than the event loop, which
 * therefore still gets a core whenever it has work.
 * @param parallelism the usable CPUs; `os.availableParallelism()`, which honours CPU affinity
 *   (`taskset`, container cpusets)
 */
export function defaultHashingConcurrency(parallelism: number = availableParallelism()): number {
  return Math.max(1, Math.floor(parallelism));
}

/**
 * Hashes and verifies passwords with bcrypt on a pool of worker threads that run at a lower OS
 * priority than the event loop (Linux), one per CPU by default, with a bounded number of hashes in
 * flight and a bounded queue, so that a flood of logins uses every core without starving the rest
 * of the process. Passwords are NFKC-normalised; empty ones and ones over 72 UTF-8 bytes are
 * refused with typed errors instead of being silently truncated. The threads start on the first
 * hash and end after a few idle seconds; they never keep the process alive.
 * @example
 * const hasher = new PasswordHasher({ cost: 12, maxConcurrency: 4, maxQueue: 32 });
 * const hash = await hasher.hash('correct horse battery staple');
 * await hasher.verify('correct horse battery staple', hash); // true
 * hasher.stats(); // { active: 0, queued: 0, rejected: 0, maxConcurrency: 4, maxQueue: 32 }
 */
export class PasswordHasher {
  /** The cost new hashes get, and below which `needsRehash` answers true. */
  readonly cost: number;
  /** Hashes computed at the same time, one per worker thread (the option, or one per usable CPU). */
  readonly maxConcurrency: number;
  /**
   * Requests allowed to wait for a slot before `HashingCapacityError` (the option, or 8 per slot and at least
   * 32).
   */
  readonly maxQueue: number;
  /** The nice(2) increment applied to the hashing threads: 0 when disabled or not on Linux. */
  readonly niceIncrement: number;
  readonly #semaphore: BoundedSemaphore;
  #pool: Piscina | undefined;
  readonly #startFailures = new WeakMap<Piscina, unknown>();
  #rejected = 0;
  #averageMs: number | undefined;

  /**
   * The lowest cost this class accepts: {@link MIN_BCRYPT_COST}. Only the test hasher of
   * `@eventlead/security/testing` lowers it.
   */
  protected static readonly minimumCost: number = MIN_BCRYPT_COST;

  constructor(options: PasswordHasherOptions = {}) {
    const cost = options.cost ?? DEFAULT_BCRYPT_COST;
    const minimumCost = new.target.minimumCost;
    if (!Number.isInteger(cost) || cost < minimumCost || cost > MAX_BCRYPT_COST) {
      throw new RangeError(
        `bcrypt cost must be an integer from ${minimumCost} to ${MAX_BCRYPT_COST}, got ${cost}`,
      );
    }
    const niceIncrement = options.niceIncrement ?? DEFAULT_NICE_INCREMENT;
    if (
      !Number.isInteger(niceIncrement) ||
      niceIncrement < 0 ||
      niceIncrement > MAX_NICE_INCREMENT
    ) {
      throw new RangeError(
        `niceIncrement must be an integer from 0 to ${MAX_NICE_INCREMENT}, got ${niceIncrement}`,
      );
    }
    this.cost = cost;
    this.maxConcurrency = options.maxConcurrency ?? defaultHashingConcurrency();
    this.maxQueue =
      options.maxQueue ?? Math.max(MIN_DEFAULT_QUEUE, this.maxConcurrency * QUEUE_PER_SLOT);
    this.niceIncrement = process.platform === 'linux' ? niceIncrement : 0;
    this.#semaphore = new BoundedSemaphore(this.maxConcurrency, this.maxQueue);
  }

  /**
   * Hashes a password into a `$2b$<cost>$...` string.
   * @throws {EmptyPasswordError} when the password is empty
   * @throws {PasswordTooLongError} when it exceeds 72 UTF-8 bytes after normalisation
   * @throws {HashingCapacityError} when the queue is full
   */
  async hash(plain: string): Promise<string> {
    const task: HashTask = { password: toBcryptInput(plain), cost: this.cost };
    return this.#schedule(() => this.#run('hash', task));
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
    const task: CompareTask = { password: input, hash: toNodeBcryptHash(hash, info) };
    return this.#schedule(() => this.#run('compare', task));
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

  /**
   * Ends the hashing threads once the hashes running on them have finished. Idle threads end by
   * themselves after a few seconds and never keep the process alive, so this is for releasing them
   * at a known moment: at the end of a test file, or in a graceful shutdown after the server has
   * stopped taking requests. The hasher stays usable; the next hash starts new threads.
   */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.close();
  }

  // The names are the worker file's exports; piscina hands back whatever they return.
  #run(name: 'hash', task: HashTask): Promise<string>;
  #run(name: 'compare', task: CompareTask): Promise<boolean>;
  #run(name: 'hash' | 'compare', task: HashTask | CompareTask): Promise<unknown> {
    const pool = (this.#pool ??= this.#startPool());
    return pool.run(task, { name }).catch((error: unknown) => {
      throw this.#startFailures.get(pool) ?? error;
    });
  }

  // No threads start until the first hash, so importing the package (the CLI, the migrations)
  // costs nothing. `maxThreads` equals the semaphore's limit, so every admitted hash gets a thread.
  #startPool(): Piscina {
    const pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: 0,
      maxThreads: this.maxConcurrency,
      idleTimeout: WORKER_IDLE_TIMEOUT_MS,
      niceIncrement: this.niceIncrement,
      recordTiming: false,
    });
    // A thread that fails while starting (an unloadable worker file or bcrypt binary) has no task
    // to fail, so piscina reports it here and starts no other; unheard, the event would crash the
    // process and the waiting hashes would hang. Dropping the pool fails them, with the start-up
    // error rather than piscina's generic "Terminating worker thread", and the next hash tries a
    // fresh pool.
    pool.on('error', (error: unknown) => {
      this.#startFailures.set(pool, error);
      if (this.#pool === pool) this.#pool = undefined;
      void pool.destroy();
    });
    return pool;
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
