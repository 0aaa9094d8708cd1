import { evaluateGoals } from './goals';
import { renderMarkdown } from './markdown';
import type { AbScenario, BenchResults, FloodScenario, ServerRun, SoakScenario } from './results';

const run = (requestsPerSecond: number, requestsPerCpuSecond: number, sql = 1): ServerRun => ({
  rounds: [],
  requestsPerSecond,
  p50Ms: 1,
  p99Ms: 5,
  requestsPerCpuSecond,
  cpuBusy: 1,
  sqlPerRequest: sql,
  requestPathSqlPerRequest: sql,
  pingsPerRequest: 0,
  non2xx: 0,
  errors: 0,
});

const ab = (id: number, throughput: number, cpuEfficiency: number, sql = 1): AbScenario => ({
  id,
  title: `scenario ${id}`,
  load: 'x',
  ours: run(throughput * 1000, cpuEfficiency * 1000, sql),
  baseline: run(1000, 1000),
  ratios: { throughput, p50: 1, p99: 1, cpuEfficiency },
  sameBody: true,
});

const floodRun = { healthRequestsPerSecond: 200, healthP50Ms: 1, healthP99Ms: 10, healthNon2xx: 0, usersCreated: 40, postNon2xx: {}, postErrors: 0, hashesPerSecond: 3.8, singleHashMs: 250, cpus: 1, maxConcurrency: 3, idealHashesPerSecond: 4, hashingEfficiency: 0.95 };
const flood: FloodScenario = { seconds: 10, concurrency: 16, healthRate: 200, ours: floodRun, baseline: floodRun };
const soak: SoakScenario = {
  requests: 100_000,
  warmupRequests: 10_000,
  mix: 'mixed',
  requestsPerSecond: 1000,
  non2xx: 0,
  errors: 0,
  heapAfterWarmupBytes: 100,
  heapAfterSoakBytes: 104,
  heapGrowth: 0.04,
  rssAfterSoakBytes: 1,
  forks: { created: 100, alive: 0, entitiesHeld: 0, globalIdentityMap: 0 },
};

describe('evaluateGoals', () => {
  test('checks every goal of the issue against its threshold', () => {
    // Each threshold just met or just missed: 1 ≥ 0.90, 2 ≥ 0.80 and ≥ 0.60, 3 ≥ 0.80 and ≥ 0.50, 8 ≥ 0.85.
    const goals = evaluateGoals([ab(1, 0.89, 1), ab(2, 0.8, 0.59), ab(3, 0.79, 0.5), ab(4, 0.7, 1, 3), ab(8, 0.85, 1)], flood, soak);
    expect(goals.map((g) => [g.scenario, g.met])).toEqual([
      [1, false],
      [2, true],
      [2, false],
      [3, false],
      [3, true],
      [4, true],
      [4, false],
      [8, true],
      [5, true],
      [5, true],
      [6, true],
      [6, true],
    ]);
  });

  test('a slow /health under the flood, a growing heap and a surviving identity map fail their goals', () => {
    const goals = evaluateGoals(
      [],
      { ...flood, ours: { ...floodRun, healthP99Ms: 25, hashingEfficiency: 0.5 } },
      { ...soak, heapGrowth: 0.06, forks: { created: 10, alive: 2, entitiesHeld: 5, globalIdentityMap: 0 } },
    );
    expect(goals.map((g) => g.met)).toEqual([false, false, false, false]);
  });

  test('a ratio that could not be measured is neither met nor failed', () => {
    expect(evaluateGoals([ab(1, Number.NaN, 1)], undefined, undefined)[0]?.met).toBeUndefined();
  });
});

describe('renderMarkdown', () => {
  const results: BenchResults = {
    meta: {
      date: '2026-01-01T00:00:00.000Z',
      mode: 'full',
      machine: { cpuModel: 'Test CPU', cpus: 2, memoryGiB: 24, os: 'Linux', node: 'v20', postgres: '15' },
      pinning: 'Servers pinned to CPU 1',
      dataSet: { users: 100_000, companies: 10_000, memberships: 140_000, liveMemberships: 133_000, seedSeconds: 5 },
      load: { connections: 10, warmupSeconds: 3, roundSeconds: 6, rounds: 5 },
      durationSeconds: 600,
      loadAverage: { start: 0.5, end: 1.5 },
    },
    abScenarios: [ab(1, 0.9, 0.8), { ...ab(2, 0.5, 0.4), sameBody: false, bodyDifference: 'data.id: 1 vs 2' }],
    flood,
    soak,
    coldStart: [
      {
        database: 'postgresql',
        oursMs: 900,
        baselineMs: 300,
        ratio: 3,
        runs: 5,
        oursPhases: { modulesLoadedMs: 500, databaseReadyMs: 700, appBuiltMs: 850, listeningMs: 860 },
        baselinePhases: { modulesLoadedMs: 100, databaseReadyMs: 101, appBuiltMs: 150, listeningMs: 151 },
      },
    ],
    goals: [],
  };
  const markdown = renderMarkdown(results);

  test('shows the machine, each server and the ratio rows', () => {
    expect(markdown).toContain('2 × Test CPU, 24 GiB');
    expect(markdown).toContain('| 1 | scenario 1 | ours | 900 |');
    expect(markdown).toContain('|  |  | baseline | 1,000 |');
    expect(markdown).toContain('|  |  | ours/baseline | **0.90** |');
  });

  test('calls out a scenario whose bodies differ', () => {
    expect(markdown).toContain('**Bodies differ** in scenario 2 (data.id: 1 vs 2)');
  });

  test('has the flood, soak and cold-start tables', () => {
    expect(markdown).toContain('| ours | 200 | 1.00 | 10.0 | 40 | 3.80 | 250 | 1 | 3 | 4.00 | **0.95** | none |');
    expect(markdown).toContain('| 0.0 MiB | 0.0 MiB | 4.0% |');
    expect(markdown).toContain('| postgresql | 900 | 300 | **3.00** | 500 / 700 / 850 / 860 | 100 / 101 / 150 / 151 |');
  });
});
