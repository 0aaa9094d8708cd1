import type { AbScenario, FloodScenario, Goal, SoakScenario } from './results';

const at = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const atLeast = (value: number, min: number): boolean | undefined => (Number.isFinite(value) ? value >= min : undefined);
const atMost = (value: number, max: number): boolean | undefined => (Number.isFinite(value) ? value <= max : undefined);
const both = (a: boolean | undefined, b: boolean | undefined) => (a === undefined || b === undefined ? undefined : a && b);

/**
 * The goals, checked against one run, ours being the production server. Scenario ids: 1
 * health, 2 user by id, 3 user page with total, 4 user with companies (all at `LOG_LEVEL=warn`), 5
 * password flood, 6 soak, 7 cold start (reported, no threshold), 8 health at `info`, 9 user by id at
 * `info` (reported, no threshold), 10 user by id without loggers (reported, no threshold).
 */
export function evaluateGoals(ab: readonly AbScenario[], flood: FloodScenario | undefined, soak: SoakScenario | undefined): Goal[] {
  const goals: Goal[] = [];
  const scenario = (id: number) => ab.find((s) => s.id === id);
  const s1 = scenario(1);
  if (s1) goals.push({ scenario: 1, text: '`GET /health` at `warn` throughput ≥ 0.90 × bare Fastify', measured: at(s1.ratios.throughput), met: atLeast(s1.ratios.throughput, 0.9) });
  const s2 = scenario(2);
  if (s2) {
    goals.push({ scenario: 2, text: '`GET /users/:id` throughput ≥ 0.80 × baseline', measured: at(s2.ratios.throughput), met: atLeast(s2.ratios.throughput, 0.8) });
    goals.push({ scenario: 2, text: '`GET /users/:id` requests per CPU-second ≥ 0.60 × baseline', measured: at(s2.ratios.cpuEfficiency), met: atLeast(s2.ratios.cpuEfficiency, 0.6) });
  }
  const s3 = scenario(3);
  if (s3) {
    goals.push({ scenario: 3, text: '`GET /users?page=1&pageSize=20` (with total) throughput ≥ 0.80 × baseline', measured: at(s3.ratios.throughput), met: atLeast(s3.ratios.throughput, 0.8) });
    goals.push({ scenario: 3, text: '`GET /users?page=1&pageSize=20` (with total) requests per CPU-second ≥ 0.50 × baseline', measured: at(s3.ratios.cpuEfficiency), met: atLeast(s3.ratios.cpuEfficiency, 0.5) });
  }
  const s4 = scenario(4);
  if (s4) {
    goals.push({ scenario: 4, text: '`GET /users/:id` with companies throughput ≥ 0.50 × baseline', measured: at(s4.ratios.throughput), met: atLeast(s4.ratios.throughput, 0.5) });
    goals.push({
      scenario: 4,
      text: '`GET /users/:id` with companies: ≤ 2 SQL round trips per request (request path)',
      measured: `${at(s4.ours.requestPathSqlPerRequest)} (of which pool pre-ping ${at(s4.ours.pingsPerRequest)}; all incl. request log ${at(s4.ours.sqlPerRequest, 3)})`,
      met: atMost(s4.ours.requestPathSqlPerRequest, 2.0001),
    });
  }
  const s8 = scenario(8);
  if (s8) goals.push({ scenario: 8, text: '`GET /health` at `info` (both logging) throughput ≥ 0.85 × bare Fastify', measured: at(s8.ratios.throughput), met: atLeast(s8.ratios.throughput, 0.85) });
  if (flood) {
    goals.push({ scenario: 5, text: '`/health` p99 < 25 ms during 16 concurrent `POST /users`', measured: `${at(flood.ours.healthP99Ms)} ms`, met: Number.isFinite(flood.ours.healthP99Ms) ? flood.ours.healthP99Ms < 25 : undefined });
    goals.push({
      scenario: 5,
      text: 'hashing ≥ 0.9 × (cores ÷ single-hash time)',
      measured: `${at(flood.ours.hashingEfficiency)} (${at(flood.ours.hashesPerSecond)}/s of ideal ${at(flood.ours.idealHashesPerSecond)}/s)`,
      met: both(atLeast(flood.ours.hashingEfficiency, 0.9), flood.ours.usersCreated > 0 ? true : undefined),
    });
  }
  if (soak) {
    goals.push({ scenario: 6, text: 'soak: heap after warm-up grows ≤ 5%', measured: `${at(soak.heapGrowth * 100, 1)}%`, met: atMost(soak.heapGrowth, 0.05) });
    goals.push({
      scenario: 6,
      text: 'soak: no identity map survives a request',
      measured: `${soak.forks.alive} of ${soak.forks.created} forks alive after GC, ${soak.forks.entitiesHeld} entities held; global identity map ${soak.forks.globalIdentityMap}`,
      met: soak.forks.entitiesHeld === 0 && soak.forks.globalIdentityMap === 0,
    });
  }
  return goals;
}
