import type { SoakScenario } from '../report/results';
import { type BenchContext, load, originOf, sleep, startServer } from './context';

/** A deterministic shuffle (mulberry32), so every run requests the same sequence. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const MIX = '40% /health, 25% /users/:id, 20% /users/:id with companies, 10% /users pages 1–50, 5% /ref/user-statuses';

/** The soak's request mix: 1000 paths in the proportions of {@link MIX}. */
export function soakPaths(withoutCompanies: readonly number[], withCompanies: readonly number[]): string[] {
  const paths: string[] = [];
  const pick = (ids: readonly number[], i: number) => ids[i % ids.length] ?? 1;
  for (let i = 0; i < 1000; i++) {
    const slot = i % 20;
    if (slot < 8) paths.push('/health');
    else if (slot < 13) paths.push(`/users/${pick(withoutCompanies, i)}`);
    else if (slot < 17) paths.push(`/users/${pick(withCompanies, i)}`);
    else if (slot < 19) paths.push(`/users?page=${1 + (i % 50)}&pageSize=20`);
    else paths.push('/ref/user-statuses');
  }
  return shuffled(paths, 7);
}

// The request log flushes at most 1 s after a request; its buffer must be empty when the heap is read.
const FLUSH_WAIT_MS = 1_200;

/**
 * Scenario 6: our API under a long mixed load. The heap (after forced GCs) is read after the warm-up
 * and after the soak; every EntityManager fork is tracked, and after the soak and GC we count forks
 * still alive and the entities their identity maps hold.
 */
export async function runSoak(context: BenchContext): Promise<SoakScenario> {
  const { settings, database } = context;
  const server = await startServer('ours', context, { env: { BENCH_TRACK_FORKS: '1' } });
  try {
    const paths = soakPaths(database.userIdsWithoutCompanies, database.userIdsWithCompanies);
    const spec = (amount: number) => ({ label: 'soak', origin: originOf(server), connections: settings.connections, amount, headers: context.authHeaders, paths });
    await load(context, spec(settings.soakWarmupRequests));
    await sleep(FLUSH_WAIT_MS);
    const before = await server.ask('heap', undefined);
    const result = await load(context, spec(settings.soakRequests));
    await sleep(FLUSH_WAIT_MS);
    const after = await server.ask('heap', undefined);
    const forks = await server.ask('forks', undefined);
    context.log(`  6: heap ${(before.heapUsed / 1_048_576).toFixed(1)} → ${(after.heapUsed / 1_048_576).toFixed(1)} MiB, ${forks.alive}/${forks.created} forks alive, ${forks.entitiesHeld} entities held`);
    return {
      requests: result.requests,
      warmupRequests: settings.soakWarmupRequests,
      mix: MIX,
      requestsPerSecond: result.requestsPerSecond,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      heapAfterWarmupBytes: before.heapUsed,
      heapAfterSoakBytes: after.heapUsed,
      heapGrowth: (after.heapUsed - before.heapUsed) / before.heapUsed,
      rssAfterSoakBytes: after.rss,
      forks,
    };
  } finally {
    await server.stop();
  }
}
