import type { FloodRun, FloodScenario } from '../report/results';
import { type BenchContext, type ServerKind, originOf, startServer } from './context';

// Passes the API's password policy; each request gets a fresh email so every one hashes and inserts.
const FLOOD_PASSWORD = 'Flood-password-2024!';

async function floodOne(context: BenchContext, kind: ServerKind): Promise<FloodRun> {
  const { settings } = context;
  const server = await startServer(kind, context);
  try {
    const probe = await server.ask('hashProbe', { samples: settings.quick ? 1 : 5 });
    const origin = originOf(server);
    const [health, posts] = await context.loadgen.ask('load', [
      { label: 'health', origin, connections: 4, durationSeconds: settings.floodSeconds, overallRate: settings.floodHealthRate, paths: ['/health'] },
      {
        label: 'create users',
        origin,
        connections: settings.floodConcurrency,
        ...(settings.floodRequests === undefined ? { durationSeconds: settings.floodSeconds } : { amount: settings.floodRequests }),
        headers: context.authHeaders,
        createUsers: { emailPrefix: `flood-${kind}-${Date.now()}-`, password: FLOOD_PASSWORD },
      },
    ]);
    if (health === undefined || posts === undefined) throw new Error('The load generator returned no flood result.');
    const hashesPerSecond = posts.ok2xx / posts.durationSeconds;
    const idealHashesPerSecond = probe.cpus / (probe.singleHashMs / 1000);
    return {
      healthRequestsPerSecond: health.requestsPerSecond,
      healthP50Ms: health.latencyMs.p50,
      healthP99Ms: health.latencyMs.p99,
      healthNon2xx: health.non2xx,
      usersCreated: posts.ok2xx,
      postNon2xx: posts.statusCodes,
      postErrors: posts.errors + posts.timeouts,
      hashesPerSecond,
      singleHashMs: probe.singleHashMs,
      cpus: probe.cpus,
      maxConcurrency: probe.maxConcurrency,
      idealHashesPerSecond,
      hashingEfficiency: hashesPerSecond / idealHashesPerSecond,
    };
  } finally {
    // A fresh server per flood: hashes still queued when the load stops must not spill into the next one.
    await server.stop();
  }
}

/**
 * Scenario 5: `POST /users` from 16 connections (each one a bcrypt hash at cost 12) while `GET /health`
 * runs at a fixed rate; `/health` latency shows whether hashing starves the event loop, and the
 * creation rate is compared with what the server's CPUs can hash one hash at a time.
 */
export async function runFlood(context: BenchContext): Promise<FloodScenario> {
  const ours = await floodOne(context, 'ours');
  context.log(`  5 ours: /health p99 ${ours.healthP99Ms.toFixed(2)} ms, ${ours.hashesPerSecond.toFixed(2)} hashes/s (ideal ${ours.idealHashesPerSecond.toFixed(2)})`);
  const baseline = await floodOne(context, 'baseline');
  context.log(`  5 baseline: /health p99 ${baseline.healthP99Ms.toFixed(2)} ms, ${baseline.hashesPerSecond.toFixed(2)} hashes/s`);
  const { floodSeconds, floodRequests, floodConcurrency, floodHealthRate } = context.settings;
  return {
    seconds: floodSeconds,
    ...(floodRequests === undefined ? {} : { requests: floodRequests }),
    concurrency: floodConcurrency,
    healthRate: floodHealthRate,
    ours,
    baseline,
  };
}
