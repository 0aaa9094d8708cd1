import { BoundedSemaphore } from './semaphore';

/** A task that finishes only when the test says so. */
function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-settled promise callback run. */
async function flush(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('BoundedSemaphore', () => {
  test('runs at most maxConcurrency tasks and starts waiters in arrival order', async () => {
    const semaphore = new BoundedSemaphore(2, 10);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map(
      (gate, index) =>
        semaphore.tryRun(async () => {
          started.push(index);
          await gate.promise;
          return index;
        })!,
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect({ active: semaphore.active, queued: semaphore.queued }).toEqual({
      active: 2,
      queued: 2,
    });

    gates[1]!.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    expect({ active: semaphore.active, queued: semaphore.queued }).toEqual({
      active: 2,
      queued: 1,
    });

    for (const gate of gates) gate.resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
    expect({ active: semaphore.active, queued: semaphore.queued }).toEqual({
      active: 0,
      queued: 0,
    });
  });

  test('refuses a task synchronously once the queue is full', async () => {
    const semaphore = new BoundedSemaphore(1, 1);
    const gate = deferred();
    const first = semaphore.tryRun(() => gate.promise);
    const second = semaphore.tryRun(() => Promise.resolve('second'));
    const third = semaphore.tryRun(() => Promise.resolve('third'));

    expect(first).toBeInstanceOf(Promise);
    expect(second).toBeInstanceOf(Promise);
    expect(third).toBeUndefined();

    gate.resolve();
    await expect(second).resolves.toBe('second');
    // Once the backlog has drained there is room again.
    await expect(semaphore.tryRun(() => Promise.resolve('fourth'))).resolves.toBe('fourth');
  });

  test('with maxQueue 0, refuses whatever cannot start at once', async () => {
    const semaphore = new BoundedSemaphore(1, 0);
    const gate = deferred();
    const first = semaphore.tryRun(() => gate.promise);
    expect(semaphore.tryRun(() => Promise.resolve())).toBeUndefined();
    gate.resolve();
    await first;
  });

  test('frees the slot when a task fails', async () => {
    const semaphore = new BoundedSemaphore(1, 1);
    const failing = semaphore.tryRun(() => Promise.reject(new Error('boom')));
    const next = semaphore.tryRun(() => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(semaphore.active).toBe(0);
  });

  test.each([
    [0, 1],
    [1.5, 1],
    [Number.NaN, 1],
    [1, -1],
    [1, 0.5],
  ])('rejects maxConcurrency %p with maxQueue %p', (maxConcurrency, maxQueue) => {
    expect(() => new BoundedSemaphore(maxConcurrency, maxQueue)).toThrow(RangeError);
  });
});
