import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { availableParallelism } from 'node:os';
import { defaultPasswordHasher, hashPassword } from '@eventlead/security';
import type { HashProbe, HeapAfterGc, ServerStats } from '../protocol';
import { median } from '../stats';
import { queryCounts } from './query-counter';

/** `ServerStats` of this process now. */
export function serverStats(): ServerStats {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return { cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system, queries: queryCounts(), heapUsed: memory.heapUsed, rss: memory.rss };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

/**
 * Heap after full collections: several `gc()` calls with pauses between them, so finalizers and
 * weak callbacks run and what they release is collected too. Needs `--expose-gc`.
 */
export async function heapAfterGc(): Promise<HeapAfterGc> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('Start the server with --expose-gc to measure the heap after GC.');
  for (let i = 0; i < 4; i++) {
    gc();
    await tick();
  }
  const memory = process.memoryUsage();
  return { heapUsed: memory.heapUsed, rss: memory.rss };
}

/** Listening address and port from the environment (`BENCH_PORT`, 0 = any free port). */
export function listenOptions(): { host: string; port: number } {
  const port = Number(process.env.BENCH_PORT ?? '0');
  return { host: '127.0.0.1', port: Number.isInteger(port) && port >= 0 ? port : 0 };
}

/** A required environment variable of a server child. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set (the bench sets it).`);
  return value;
}

/**
 * Times `samples` password hashes one after another with the shared hasher, nothing else running:
 * the single-hash time the flood's hashing rate is compared with.
 */
export async function probeHashing({ samples }: { samples: number }): Promise<HashProbe> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await hashPassword(`probe-password-${i}-Aa1!`);
    times.push(performance.now() - start);
  }
  return { singleHashMs: median(times), samples, cpus: availableParallelism(), maxConcurrency: defaultPasswordHasher.maxConcurrency };
}

let profiler: Session | undefined;

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params, (error, result) => {
      if (error) reject(error);
      else resolve(result as T);
    });
  });
}

/**
 * Starts V8's sampling CPU profiler in this process (what `node --cpu-prof` uses), so a profile covers
 * only the load the bench generates between {@link startProfile} and {@link stopProfile}, not start-up.
 */
export async function startProfile({ intervalMicros }: { intervalMicros: number }): Promise<null> {
  if (profiler !== undefined) throw new Error('A CPU profile is already being recorded.');
  const session = new Session();
  session.connect();
  profiler = session;
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: intervalMicros });
  await post(session, 'Profiler.start');
  return null;
}

/** Stops the profiler started by {@link startProfile} and writes the `.cpuprofile` JSON to `path`. */
export async function stopProfile({ path }: { path: string }): Promise<null> {
  const session = profiler;
  if (session === undefined) throw new Error('No CPU profile is being recorded.');
  profiler = undefined;
  try {
    const { profile } = await post<{ profile: unknown }>(session, 'Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
  } finally {
    session.disconnect();
  }
  return null;
}
