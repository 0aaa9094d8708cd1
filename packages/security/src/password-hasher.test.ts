import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, getPriority } from 'node:os';
import { EmptyPasswordError, HashingCapacityError, PasswordTooLongError } from './errors';
import {
  DEFAULT_NICE_INCREMENT,
  defaultHashingConcurrency,
  PasswordHasher,
} from './password-hasher';

// Cost 10 keeps the suite quick; the default cost of 12 is asserted in password.test.ts.
const hasher = new PasswordHasher({ cost: 10 });

afterAll(() => hasher.close());

/**
 * Hashes produced by other bcrypt implementations, with the password that made them. Each is checked
 * with its password (true) and with a one-character change (false).
 */
const FOREIGN_HASHES: readonly { source: string; password: string; wrong: string; hash: string }[] =
  [
    {
      source: '$2y$ PHP manual, password_verify() example',
      password: 'rasmuslerdorf',
      wrong: 'rasmuslerdorF',
      hash: '$2y$07$BCryptRequires22Chrcte/VlQH0piJtjXl.0t1XkA8pw9dMXTpOq',
    },
    {
      source: '$2y$ PHP manual, password_hash() example output',
      password: 'rasmuslerdorf',
      wrong: 'rasmuslerdor',
      hash: '$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a',
    },
    {
      source: '$2a$ Openwall crypt_blowfish wrapper.c vector',
      password: 'U*U',
      wrong: 'U*V',
      hash: '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW',
    },
    {
      source: '$2a$ Openwall crypt_blowfish wrapper.c vector',
      password: 'U*U*U',
      wrong: 'U*U*',
      hash: '$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a',
    },
    {
      source: '$2a$ php-src password_verify.phpt',
      password: 'rasmuslerdorf',
      wrong: 'rasmusler',
      hash: '$2a$07$usesomesillystringfore2uDLvp1Ii2e./U9C8sBjqp8I90dH6hi',
    },
    {
      source: '$2b$ pyca/bcrypt test vector',
      password: 'Kk4DQuMMfZL9o',
      wrong: 'Kk4DQuMMfZL9O',
      hash: '$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm',
    },
    {
      source: '$2b$ pyca/bcrypt test vector',
      password: 'dEe6XfVGrrfSH',
      wrong: 'badpass',
      hash: '$2b$04$2Siw3Nv3Q/gTOIPetAyPr.GNj3aO0lb1E5E9UumYGKjP9BYqlNWJe',
    },
  ];

describe('PasswordHasher.verify with hashes from other implementations', () => {
  test.each(FOREIGN_HASHES)('$source: true with the right password', async ({ password, hash }) => {
    await expect(hasher.verify(password, hash)).resolves.toBe(true);
  });

  test.each(FOREIGN_HASHES)('$source: false with a wrong one', async ({ wrong, hash }) => {
    await expect(hasher.verify(wrong, hash)).resolves.toBe(false);
  });

  // Openwall's vector for a 98-character password; bcrypt only ever saw the first 72 bytes of it.
  const LONG_VECTOR = '$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui';
  const FIRST_72 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

  test('a 72-byte password verifies against the Openwall long-password vector', async () => {
    expect(FIRST_72).toHaveLength(72);
    await expect(hasher.verify(FIRST_72, LONG_VECTOR)).resolves.toBe(true);
  });

  test('the full 98-byte password is refused rather than truncated to match', async () => {
    await expect(
      hasher.verify(`${FIRST_72}chars after 72 are ignored`, LONG_VECTOR),
    ).rejects.toBeInstanceOf(PasswordTooLongError);
  });
});

describe('PasswordHasher.verify with malformed hashes', () => {
  test.each([
    ['an empty hash', ''],
    ['plain text', 'password'],
    ['a truncated hash', '$2b$10$abcdefghijklmnopqrstuu'],
    ['an unsupported $2x$ hash', '$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e'],
    ['an MD5-crypt hash', '$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0'],
    ['a non-string', null as unknown as string],
  ])('answers false for %s instead of throwing', async (_label, hash) => {
    await expect(hasher.verify('rasmuslerdorf', hash)).resolves.toBe(false);
  });
});

describe('PasswordHasher.hash', () => {
  test('produces a $2b$ hash at the configured cost that verifies, with a fresh salt each time', async () => {
    const [first, second] = await Promise.all([
      hasher.hash('correct horse battery staple'),
      hasher.hash('correct horse battery staple'),
    ]);
    expect(first).toMatch(/^\$2b\$10\$[./A-Za-z0-9]{53}$/);
    expect(second).not.toBe(first);
    await expect(hasher.verify('correct horse battery staple', first)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapl', first)).resolves.toBe(false);
  });

  test('normalises to NFKC on both sides: a decomposed é verifies against a composed one', async () => {
    const hash = await hasher.hash('caf\u00e9 au lait');
    await expect(hasher.verify('cafe\u0301 au lait', hash)).resolves.toBe(true);
  });

  test.each([
    ['72 ASCII bytes', 'a'.repeat(72)],
    ['24 × € = 72 bytes', '€'.repeat(24)],
  ])('accepts %s and verifies it', async (_label, password) => {
    const hash = await hasher.hash(password);
    await expect(hasher.verify(password, hash)).resolves.toBe(true);
    // bcrypt reads every byte given: changing the last one must change the outcome.
    await expect(hasher.verify(`${password.slice(0, -1)}b`, hash)).resolves.toBe(false);
  });

  test.each([
    ['73 ASCII bytes', 'a'.repeat(73)],
    ['24 × € plus one ASCII character', `${'€'.repeat(24)}a`],
  ])('refuses %s with PasswordTooLongError', async (_label, password) => {
    await expect(hasher.hash(password)).rejects.toBeInstanceOf(PasswordTooLongError);
  });

  test('refuses an empty password', async () => {
    await expect(hasher.hash('')).rejects.toBeInstanceOf(EmptyPasswordError);
    await expect(
      hasher.verify('', '$2b$04$2Siw3Nv3Q/gTOIPetAyPr.GNj3aO0lb1E5E9UumYGKjP9BYqlNWJe'),
    ).rejects.toBeInstanceOf(EmptyPasswordError);
  });
});

describe('PasswordHasher.needsRehash', () => {
  const policy = new PasswordHasher({ cost: 12 });
  const body = 'BCryptRequires22Chrcte/VlQH0piJtjXl.0t1XkA8pw9dMXTpOq';

  test.each([
    ['a $2b$ hash at the policy cost', `$2b$12$${body}`, false],
    ['a $2b$ hash above the policy cost', `$2b$13$${body}`, false],
    ['a $2b$ hash below the policy cost', `$2b$11$${body}`, true],
    ['a $2y$ hash at the policy cost', `$2y$12$${body}`, true],
    ['a $2a$ hash above the policy cost', `$2a$14$${body}`, true],
    ['a malformed hash', 'not-a-hash', true],
  ])('%s → %p', (_label, hash, expected) => {
    expect(policy.needsRehash(hash)).toBe(expected);
  });
});

describe('PasswordHasher options', () => {
  test.each([9, 4, 10.5, 32, Number.NaN])('refuses cost %p', (cost) => {
    expect(() => new PasswordHasher({ cost })).toThrow(RangeError);
  });

  test.each([10, 12, 14])('accepts cost %p', (cost) => {
    expect(new PasswordHasher({ cost }).cost).toBe(cost);
  });

  test.each([-1, 1.5, 20, Number.NaN])('refuses niceIncrement %p', (niceIncrement) => {
    expect(() => new PasswordHasher({ niceIncrement })).toThrow(RangeError);
  });

  test('hashes as many passwords at once as the process may use CPUs, by default', () => {
    expect(new PasswordHasher().maxConcurrency).toBe(availableParallelism());
    expect(defaultHashingConcurrency()).toBe(availableParallelism());
  });

  test.each([
    [1, 1],
    [2, 2],
    [16, 16],
    [0, 1],
  ])('default concurrency with %p usable CPUs is %p', (cpus, expected) => {
    expect(defaultHashingConcurrency(cpus)).toBe(expected);
  });
});

describe('PasswordHasher capacity', () => {
  test('refuses the third concurrent request with maxConcurrency 1 and maxQueue 1', async () => {
    const limited = new PasswordHasher({ cost: 10, maxConcurrency: 1, maxQueue: 1 });
    const first = limited.hash('first password');
    const second = limited.hash('second password');
    const third = limited.hash('third password');

    expect(limited.stats()).toEqual({
      active: 1,
      queued: 1,
      rejected: 1,
      maxConcurrency: 1,
      maxQueue: 1,
    });
    const error = await third.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(HashingCapacityError);
    const capacity = error as HashingCapacityError;
    expect(capacity.statusCode).toBe(503);
    expect(capacity.code).toBe('HASHING_CAPACITY');
    expect(Number.isInteger(capacity.retryAfterSeconds)).toBe(true);
    expect(capacity.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(capacity.message).not.toContain('third password');

    await expect(first).resolves.toMatch(/^\$2b\$10\$/);
    await expect(second).resolves.toMatch(/^\$2b\$10\$/);
    expect(limited.stats()).toMatchObject({ active: 0, queued: 0, rejected: 1 });
  });

  test('verification shares the same limit', async () => {
    const limited = new PasswordHasher({ cost: 10, maxConcurrency: 1, maxQueue: 0 });
    const hash = '$2b$04$2Siw3Nv3Q/gTOIPetAyPr.GNj3aO0lb1E5E9UumYGKjP9BYqlNWJe';
    const running = limited.verify('dEe6XfVGrrfSH', hash);
    await expect(limited.verify('dEe6XfVGrrfSH', hash)).rejects.toBeInstanceOf(
      HashingCapacityError,
    );
    await expect(running).resolves.toBe(true);
    // With the slot free again, the same request goes through.
    await expect(limited.verify('dEe6XfVGrrfSH', hash)).resolves.toBe(true);
  });

  test.each([
    [1, 32],
    [2, 32],
    [4, 32],
    [8, 64],
  ])('with %p slots the queue defaults to %p (8 per slot, at least 32)', (slots, queue) => {
    expect(new PasswordHasher({ cost: 10, maxConcurrency: slots }).stats()).toMatchObject({
      maxConcurrency: slots,
      maxQueue: queue,
    });
  });

  test('with one slot, a burst of sign-ups waits; only the 34th at once is refused', async () => {
    // At the event loop's priority: this is about the queue, and 33 hashes on a thread at nice 10
    // starve behind a busy machine's other work (they took over 30 s beside a full test run).
    const single = new PasswordHasher({ cost: 10, maxConcurrency: 1, niceIncrement: 0 });
    const burst = Array.from({ length: 33 }, (_, index) => single.hash(`password number ${index}`));
    const refused = single.hash('one too many');

    expect(single.stats()).toEqual({
      active: 1,
      queued: 32,
      rejected: 1,
      maxConcurrency: 1,
      maxQueue: 32,
    });
    await expect(refused).rejects.toBeInstanceOf(HashingCapacityError);
    const hashes = await Promise.all(burst);
    expect(new Set(hashes).size).toBe(33);
    await single.close();
  });
});

/** One thread of this process as Linux reports it in /proc/self/task/<tid>/stat. */
interface ThreadSample {
  readonly tid: number;
  readonly nice: number;
  /** User plus system CPU time, in clock ticks. */
  readonly cpuTicks: number;
}

function sampleThreads(): ThreadSample[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      return []; // the thread ended between the listing and the read
    }
    // Fields after the parenthesised command name, which may itself contain spaces: state is
    // field 3, utime 14, stime 15, nice 19 (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [
      {
        tid: Number(tid),
        nice: Number(fields[16]),
        cpuTicks: Number(fields[11]) + Number(fields[12]),
      },
    ];
  });
}

/**
 * The CPU ticks gained between two samples by the main thread and by the other threads at a given
 * nice value. Threads started in between count from zero.
 */
function cpuTicksGained(
  before: ThreadSample[],
  after: ThreadSample[],
  nice: number,
): { total: number; mainThread: number; atNice: number } {
  const start = new Map(before.map((thread) => [thread.tid, thread.cpuTicks]));
  const gained = { total: 0, mainThread: 0, atNice: 0 };
  for (const thread of after) {
    const delta = thread.cpuTicks - (start.get(thread.tid) ?? 0);
    gained.total += delta;
    if (thread.tid === process.pid) gained.mainThread += delta;
    else if (thread.nice === nice) gained.atNice += delta;
  }
  return gained;
}

// A nice value is a per-thread attribute only on Linux, and only there does the hasher apply one
// (see PasswordHasherOptions.niceIncrement); /proc/self/task is Linux's too.
const onLinux = process.platform === 'linux' ? describe : describe.skip;

onLinux('PasswordHasher thread priority (Linux)', () => {
  const mainNice = getPriority();
  // Threads at nice 19 get about 1.5% of a core beside busy ones: beside a full test run on two
  // cores, half a second of their CPU can take most of a minute.
  const STARVED_TIMEOUT_MS = 120_000;

  test.each([
    ['the default', undefined, DEFAULT_NICE_INCREMENT],
    ['the largest', 19, 19],
    ['a zero', 0, 0],
  ])('with %s increment, bcrypt runs on other threads at that much lower priority', async (
    _label,
    niceIncrement,
    increment,
  ) => {
    const workerNice = Math.min(19, mainNice + increment);
    const niced = new PasswordHasher({ cost: 11, maxConcurrency: 2, niceIncrement });
    expect(niced.niceIncrement).toBe(increment);
    try {
      const before = sampleThreads();
      await Promise.all(['first', 'second', 'third', 'fourth'].map((word) => niced.hash(word)));
      const gained = cpuTicksGained(before, sampleThreads(), workerNice);

      // Four hashes at cost 11 take about half a second of CPU. Had the nice not been applied, or had
      // bcrypt run on libuv's thread pool (its asynchronous API) or on the main thread, most of
      // that time would show elsewhere.
      expect(gained.atNice).toBeGreaterThan(gained.total / 2);
      expect(gained.mainThread).toBeLessThan(gained.total / 2);
      // The event loop keeps its priority.
      expect(getPriority()).toBe(mainNice);
      expect(sampleThreads().find((thread) => thread.tid === process.pid)?.nice).toBe(mainNice);
    } finally {
      await niced.close();
    }
  }, STARVED_TIMEOUT_MS);

  test('close() ends the hashing threads, and the hasher still works afterwards', async () => {
    // An increment no other hasher in this file uses, to find this hasher's threads.
    const increment = 7;
    const nice = mainNice + increment;
    if (nice > 19) throw new Error(`the test process already runs at nice ${mainNice}`);
    const closing = new PasswordHasher({ cost: 10, maxConcurrency: 2, niceIncrement: increment });
    const countThreads = (): number =>
      sampleThreads().filter((thread) => thread.nice === nice).length;

    const hash = await closing.hash('correct horse battery staple');
    expect(countThreads()).toBeGreaterThanOrEqual(1);
    await closing.close();
    expect(countThreads()).toBe(0);

    await expect(closing.verify('correct horse battery staple', hash)).resolves.toBe(true);
    await closing.close();
    expect(countThreads()).toBe(0);
  }, STARVED_TIMEOUT_MS);
});
