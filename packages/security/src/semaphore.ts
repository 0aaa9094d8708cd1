/**
 * A counting semaphore with a bounded wait queue. Work beyond `maxConcurrency` waits in FIFO order;
 * work beyond `maxQueue` waiting tasks is not accepted at all, so the caller can refuse it at once
 * instead of letting an unbounded backlog build up in memory.
 */
export class BoundedSemaphore {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    /** Tasks that may run at the same time (a positive integer). */
    readonly maxConcurrency: number,
    /** Tasks that may wait for a slot (0 or more); beyond them `tryRun` refuses with `undefined`. */
    readonly maxQueue: number,
  ) {
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
      throw new RangeError(`maxConcurrency must be a positive integer, got ${maxConcurrency}`);
    }
    if (!Number.isInteger(maxQueue) || maxQueue < 0) {
      throw new RangeError(`maxQueue must be a non-negative integer, got ${maxQueue}`);
    }
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.#waiting.length;
  }

  /**
   * Runs `task` as soon as a slot is free. The decision to accept is taken synchronously, so a
   * caller sees the refusal before anything is awaited.
   * @returns the task's promise, or undefined when the queue is full and the task was not accepted
   */
  tryRun<T>(task: () => Promise<T>): Promise<T> | undefined {
    if (this.#active < this.maxConcurrency) {
      this.#active += 1;
      return this.#execute(task);
    }
    if (this.#waiting.length >= this.maxQueue) return undefined;
    return new Promise<void>((resolve) => {
      this.#waiting.push(resolve);
    }).then(() => this.#execute(task));
  }

  async #execute<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  #release(): void {
    const next = this.#waiting.shift();
    // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
    if (next) next();
    else this.#active -= 1;
  }
}
