import type { ForkCensus, QueryCounts, StartupPhases } from '../protocol';

/** One load round against one server, with that server's own CPU and SQL counts over the round. */
export interface RoundResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server process CPU (user + system) over the round. */
  cpuSeconds: number;
  requestsPerCpuSecond: number;
  queries: QueryCounts;
  non2xx: number;
  errors: number;
}

/** One server in one A/B scenario: medians over its rounds. */
export interface ServerRun {
  rounds: RoundResult[];
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerCpuSecond: number;
  /** CPU seconds per wall second: 1.0 = one core saturated. */
  cpuBusy: number;
  /** Every SQL round trip per request, background request-log writes included. */
  sqlPerRequest: number;
  /** Round trips on the request's own path (counted per request in the server): pre-pings included, request-log inserts and their pre-pings not. */
  requestPathSqlPerRequest: number;
  /** Pool pre-ping `select 1` per request. */
  pingsPerRequest: number;
  non2xx: number;
  errors: number;
}

/** A goal of the issue and whether this run met it (undefined: could not be measured). */
export interface Goal {
  scenario: number;
  text: string;
  measured: string;
  met: boolean | undefined;
}

/** Scenarios 1–4: ours vs baseline on the same route. */
export interface AbScenario {
  id: number;
  title: string;
  /** What the load requests, e.g. `GET /users/:id` over 1000 users without memberships. */
  load: string;
  ours: ServerRun;
  baseline: ServerRun;
  ratios: { throughput: number; p50: number; p99: number; cpuEfficiency: number };
  /** Whether both servers answered a sample request with the same JSON body. */
  sameBody: boolean;
  bodyDifference?: string;
}

/** Scenario 5 for one server. */
export interface FloodRun {
  healthRequestsPerSecond: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthNon2xx: number;
  usersCreated: number;
  postNon2xx: Record<string, number>;
  postErrors: number;
  hashesPerSecond: number;
  singleHashMs: number;
  cpus: number;
  maxConcurrency: number;
  /** cpus ÷ single-hash time. */
  idealHashesPerSecond: number;
  /** hashesPerSecond ÷ idealHashesPerSecond. */
  hashingEfficiency: number;
}

/**
 * Scenario 5: a flood of `POST /users` (each one hashes a password) with `GET /health` alongside, ours vs
 * baseline.
 */
export interface FloodScenario {
  seconds: number;
  concurrency: number;
  healthRate: number;
  ours: FloodRun;
  baseline: FloodRun;
}

/** Scenario 6: our API under a long mixed load; heap and RSS (bytes) after the warm-up and after the soak. */
export interface SoakScenario {
  requests: number;
  warmupRequests: number;
  mix: string;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  heapAfterWarmupBytes: number;
  heapAfterSoakBytes: number;
  heapGrowth: number;
  rssAfterSoakBytes: number;
  forks: ForkCensus;
}

/** Scenario 7 on one database: median milliseconds from spawn to the first ready answer, ours vs baseline. */
export interface ColdStartRow {
  database: 'pglite' | 'postgresql';
  oursMs: number;
  baselineMs: number;
  ratio: number;
  oursPhases: StartupPhases;
  baselinePhases: StartupPhases;
  runs: number;
}

/** Where and how the run happened. */
export interface RunMeta {
  date: string;
  mode: 'full' | 'quick';
  machine: {
    cpuModel: string;
    cpus: number;
    memoryGiB: number;
    os: string;
    node: string;
    postgres: string;
  };
  pinning: string;
  dataSet: { users: number; companies: number; memberships: number; liveMemberships: number; seedSeconds: number };
  load: { connections: number; warmupSeconds: number; roundSeconds: number; rounds: number };
  durationSeconds: number;
  /** 1-minute load average of the machine when the run started and ended (other work on it skews results). */
  loadAverage: { start: number; end: number };
}

/** Everything one bench run measured: what results.json holds. */
export interface BenchResults {
  meta: RunMeta;
  abScenarios: AbScenario[];
  /** Absent when the run left the scenario out (`--only`). */
  flood?: FloodScenario;
  soak?: SoakScenario;
  coldStart: ColdStartRow[];
  goals: Goal[];
}
