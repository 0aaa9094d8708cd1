import type { ForkCensus, QueryCounts, StartupPhases } from '../protocol';

/** One load round against one server, with that server's own CPU and SQL counts over the round. */
export interface RoundResult {
  /** Responses received in the round. */
  requests: number;
  /** How long the round ran. */
  seconds: number;
  /** Responses per second. */
  requestsPerSecond: number;
  /** Median latency, milliseconds. */
  p50Ms: number;
  /** 99th-percentile latency, milliseconds. */
  p99Ms: number;
  /** Server process CPU (user + system) over the round. */
  cpuSeconds: number;
  /** Requests per second of server CPU: how cheaply the server answers. */
  requestsPerCpuSecond: number;
  /** The server's round trips during the round, by kind. */
  queries: QueryCounts;
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** Requests without a response: connection errors and timeouts. */
  errors: number;
}

/** One server in one A/B scenario: medians over its rounds. */
export interface ServerRun {
  /** Every round of this server, in the order run. */
  rounds: RoundResult[];
  /** Median responses per second over the rounds. */
  requestsPerSecond: number;
  /** Median of the rounds' median latencies, milliseconds. */
  p50Ms: number;
  /** Median of the rounds' 99th-percentile latencies, milliseconds. */
  p99Ms: number;
  /** Median requests per CPU-second over the rounds. */
  requestsPerCpuSecond: number;
  /** CPU seconds per wall second: 1.0 = one core saturated. */
  cpuBusy: number;
  /** Every SQL round trip per request, background request-log writes included. */
  sqlPerRequest: number;
  /** Round trips on the request's own path (counted per request in the server): pre-pings included, request-log inserts and their pre-pings not. */
  requestPathSqlPerRequest: number;
  /** Pool pre-ping `select 1` per request. */
  pingsPerRequest: number;
  /** Non-2xx responses over all rounds. */
  non2xx: number;
  /** Requests without a response over all rounds. */
  errors: number;
}

/** A goal of the issue and whether this run met it (undefined: could not be measured). */
export interface Goal {
  /** The scenario the goal belongs to. */
  scenario: number;
  /** The goal, as the issue states it. */
  text: string;
  /** The measured value, formatted. */
  measured: string;
  /** Whether the goal was met; undefined when it could not be measured. */
  met: boolean | undefined;
}

/** Scenarios 1–4: ours vs baseline on the same route. */
export interface AbScenario {
  /** The scenario number. */
  id: number;
  /** What the scenario compares. */
  title: string;
  /** What the load requests, e.g. `GET /users/:id` over 1000 users without memberships. */
  load: string;
  /** Our API. */
  ours: ServerRun;
  /** The baseline server (bare Fastify with hand-written queries). */
  baseline: ServerRun;
  /**
   * Ours ÷ baseline for throughput, median latency, p99 latency and requests per CPU-second (NaN when not
   * measurable).
   */
  ratios: { throughput: number; p50: number; p99: number; cpuEfficiency: number };
  /** Whether both servers answered a sample request with the same JSON body. */
  sameBody: boolean;
  /** Where the bodies first differ, when they do. */
  bodyDifference?: string;
}

/** Scenario 5 for one server. */
export interface FloodRun {
  /** `GET /health` responses per second beside the flood. */
  healthRequestsPerSecond: number;
  /** Median `/health` latency, milliseconds. */
  healthP50Ms: number;
  /** 99th-percentile `/health` latency, milliseconds. */
  healthP99Ms: number;
  /** `/health` responses other than 2xx. */
  healthNon2xx: number;
  /** `POST /users` answered 2xx: each one hashed a password. */
  usersCreated: number;
  /** `POST /users` responses other than 2xx, counted by status. */
  postNon2xx: Record<string, number>;
  /** `POST /users` requests without a response. */
  postErrors: number;
  /** Passwords hashed per second (users created over the flood's seconds). */
  hashesPerSecond: number;
  /** Median milliseconds of one hash with nothing else running (the server's probe). */
  singleHashMs: number;
  /** CPUs the server process may run on. */
  cpus: number;
  /** The hasher's concurrency limit. */
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
  /** How long the flood ran, seconds (the `/health` load's; with `requests`, the creates take what they take). */
  seconds: number;
  /** Creates sent in all, when the flood sent a fixed number instead of running for `seconds` (quick runs). */
  requests?: number;
  /** Concurrent `POST /users` connections. */
  concurrency: number;
  /** Fixed rate of `GET /health` beside the flood, requests per second. */
  healthRate: number;
  /** Our API under the flood. */
  ours: FloodRun;
  /** The baseline under the flood. */
  baseline: FloodRun;
}

/** Scenario 6: our API under a long mixed load; heap and RSS (bytes) after the warm-up and after the soak. */
export interface SoakScenario {
  /** Requests after the warm-up. */
  requests: number;
  /** Requests of the warm-up, before the first heap reading. */
  warmupRequests: number;
  /** The request mix, as a description. */
  mix: string;
  /** Responses per second over the soak. */
  requestsPerSecond: number;
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** Requests without a response. */
  errors: number;
  /** Heap used after the warm-up and full collections, bytes. */
  heapAfterWarmupBytes: number;
  /** Heap used after the soak and full collections, bytes. */
  heapAfterSoakBytes: number;
  /** (after − warm-up) ÷ warm-up: 0.05 is 5% growth. */
  heapGrowth: number;
  /** Resident set size after the soak, bytes. */
  rssAfterSoakBytes: number;
  /** EntityManager forks that outlived their requests. */
  forks: ForkCensus;
}

/** Scenario 7 on one database: median milliseconds from spawn to the first ready answer, ours vs baseline. */
export interface ColdStartRow {
  /** The database both servers ran on. */
  database: 'pglite' | 'postgresql';
  /** Our median time to ready, milliseconds. */
  oursMs: number;
  /** The baseline's median time to ready, milliseconds. */
  baselineMs: number;
  /** oursMs ÷ baselineMs. */
  ratio: number;
  /** Our median time at each start-up step. */
  oursPhases: StartupPhases;
  /** The baseline's median time at each start-up step. */
  baselinePhases: StartupPhases;
  /** Cold starts per server the medians are over. */
  runs: number;
}

/** Where and how the run happened. */
export interface RunMeta {
  /** When the results were put together, ISO 8601. */
  date: string;
  /** `quick` for `--quick` (small data set, short rounds), else `full`. */
  mode: 'full' | 'quick';
  /** The machine the run happened on. */
  machine: {
    cpuModel: string;
    cpus: number;
    memoryGiB: number;
    os: string;
    node: string;
    postgres: string;
  };
  /** Which CPUs the servers and the load generator were pinned to, in words. */
  pinning: string;
  /** The generated data set: row counts and how long seeding took. */
  dataSet: { users: number; companies: number; memberships: number; liveMemberships: number; seedSeconds: number };
  /** The load of every A/B round: connections, seconds (or requests, in quick runs) and rounds per server. */
  load: { connections: number; warmupSeconds: number; roundSeconds: number; roundRequests?: number; rounds: number };
  /** How long the whole run took, seconds. */
  durationSeconds: number;
  /** 1-minute load average of the machine when the run started and ended (other work on it skews results). */
  loadAverage: { start: number; end: number };
}

/** Everything one bench run measured: what results.json holds. */
export interface BenchResults {
  /** Where and how the run happened. */
  meta: RunMeta;
  /** The A/B scenarios run, ours vs baseline. */
  abScenarios: AbScenario[];
  /** Absent when the run left the scenario out (`--only`). */
  flood?: FloodScenario;
  /** Absent when the run left the scenario out (`--only`). */
  soak?: SoakScenario;
  /** Cold starts per database; empty when left out. */
  coldStart: ColdStartRow[];
  /** The goals and whether this run met them. */
  goals: Goal[];
}
