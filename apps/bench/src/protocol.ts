/**
 * The IPC messages between the bench (parent) and its children: the servers under test and the load
 * generator. Every question gets exactly one reply with the same id.
 */

/** SQL round trips a server made, by kind. */
export interface QueryCounts {
  total: number;
  /** Pool pre-pings (`select 1` before a connection is handed out). */
  ping: number;
  /** Background inserts into log.ApiRequest / log.ApplicationError, and the pre-pings before them. */
  requestLog: number;
  requestLogPing: number;
  /** Everything else. */
  other: number;
  /** Round trips made while serving an HTTP request (pre-pings included, request log excluded). */
  requestPath: number;
  /** Distinct HTTP requests that made at least one round trip. */
  requestsWithQueries: number;
}

/** What a server reports about itself between rounds. */
export interface ServerStats {
  /** `process.cpuUsage()` of the server process, microseconds. */
  cpuUserMicros: number;
  cpuSystemMicros: number;
  queries: QueryCounts;
  heapUsed: number;
  rss: number;
}

/** Heap after forced full garbage collections (needs `--expose-gc`). */
export interface HeapAfterGc {
  heapUsed: number;
  rss: number;
}

/** Single-thread bcrypt timing, measured inside the server with its own hasher. */
export interface HashProbe {
  /** Median milliseconds of one `hashPassword()` with nothing else running. */
  singleHashMs: number;
  samples: number;
  /** CPUs the server process may run on (its affinity). */
  cpus: number;
  /** The hasher's concurrency limit. */
  maxConcurrency: number;
}

/** Whether request units of work outlive their requests (soak). */
export interface ForkCensus {
  /** EntityManager forks created since tracking started. */
  created: number;
  /** Forks still reachable after full GCs. */
  alive: number;
  /** Entities held in the identity maps of those surviving forks. */
  entitiesHeld: number;
  /** Entities in the global EntityManager's identity map (must stay 0). */
  globalIdentityMap: number;
}

/** The questions the parent can ask a child. */
export interface Questions {
  stats: { arg: undefined; answer: ServerStats };
  heap: { arg: undefined; answer: HeapAfterGc };
  hashProbe: { arg: { samples: number }; answer: HashProbe };
  forks: { arg: undefined; answer: ForkCensus };
  load: { arg: LoadSpec[]; answer: LoadResult[] };
  /** Starts V8's CPU profiler in the server (sampling every `intervalMicros`). */
  profileStart: { arg: { intervalMicros: number }; answer: null };
  /** Stops it and writes the `.cpuprofile` to `path`. */
  profileStop: { arg: { path: string }; answer: null };
  stop: { arg: undefined; answer: null };
}

/** The name of a question in {@link Questions}. */
export type QuestionName = keyof Questions;

/** Parent → child. */
export interface AskMessage {
  kind: 'ask';
  id: number;
  question: QuestionName;
  arg: unknown;
}

/** Child → parent: the answer to one {@link AskMessage}. */
export type ReplyMessage = { kind: 'reply'; id: number; ok: true; value: unknown } | { kind: 'reply'; id: number; ok: false; error: string };

/** Milliseconds since the child process started, at each start-up step. */
export interface StartupPhases {
  /** Every module loaded, `main()` entered. */
  modulesLoadedMs: number;
  /** Database connection or ORM ready. */
  databaseReadyMs: number;
  /** App built (plugins and routes registered). */
  appBuiltMs: number;
  /** Listening. */
  listeningMs: number;
}

/** Child → parent once it serves (or failed to start). */
export type StartMessage = { kind: 'ready'; port: number; phases: StartupPhases } | { kind: 'failed'; error: string };

/** Every message a child sends its parent over IPC. */
export type ChildMessage = ReplyMessage | StartMessage;

/** One load to generate with autocannon. */
export interface LoadSpec {
  label: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  connections: number;
  /** Seconds of load; ignored when `amount` is set. */
  durationSeconds?: number;
  /** Total requests, then stop. */
  amount?: number;
  /** Requests per second over all connections (fixed-rate load); unlimited when absent. */
  overallRate?: number;
  headers?: Record<string, string>;
  /** GET paths, used round-robin. */
  paths?: string[];
  /** `POST /users` with a fresh email each time (the password flood). */
  createUsers?: { emailPrefix: string; password: string };
}

/** What one load produced, with latencies measured per response (sub-millisecond). */
export interface LoadResult {
  label: string;
  durationSeconds: number;
  requests: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Status codes other than 2xx, with counts. */
  statusCodes: Record<string, number>;
}
