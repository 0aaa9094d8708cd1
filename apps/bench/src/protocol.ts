/**
 * The IPC messages between the bench (parent) and its children: the servers under test and the load
 * generator. Every question gets exactly one reply with the same id.
 */

/** SQL round trips a server made, by kind. */
export interface QueryCounts {
  /** Every round trip, whatever its kind. */
  total: number;
  /** Pool pre-pings (`select 1` before a connection is handed out). */
  ping: number;
  /** Background inserts into log.ApiRequest / log.ApplicationError, and the pre-pings before them. */
  requestLog: number;
  /** The pre-pings before those background inserts. */
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
  /** `process.cpuUsage()` system time of the server process, microseconds. */
  cpuSystemMicros: number;
  /** Round trips since the server started, by kind. */
  queries: QueryCounts;
  /** `process.memoryUsage().heapUsed`, bytes. */
  heapUsed: number;
  /** `process.memoryUsage().rss`, bytes. */
  rss: number;
}

/** Heap after forced full garbage collections (needs `--expose-gc`). */
export interface HeapAfterGc {
  /** V8 heap in use after the collections, bytes. */
  heapUsed: number;
  /** Resident set size after the collections, bytes. */
  rss: number;
}

/** Single-thread bcrypt timing, measured inside the server with its own hasher. */
export interface HashProbe {
  /** Median milliseconds of one `hashPassword()` with nothing else running. */
  singleHashMs: number;
  /** How many hashes the median is over. */
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
  /** The server's CPU, SQL and memory counters. */
  stats: { arg: undefined; answer: ServerStats };
  /** Heap and RSS after forced full collections (the child needs `--expose-gc`). */
  heap: { arg: undefined; answer: HeapAfterGc };
  /** Times `samples` single hashes with the server's own hasher. */
  hashProbe: { arg: { samples: number }; answer: HashProbe };
  /** Counts the EntityManager forks still alive (soak). */
  forks: { arg: undefined; answer: ForkCensus };
  /** The load generator runs these loads one after the other. */
  load: { arg: LoadSpec[]; answer: LoadResult[] };
  /** Starts V8's CPU profiler in the server (sampling every `intervalMicros`). */
  profileStart: { arg: { intervalMicros: number }; answer: null };
  /** Stops it and writes the `.cpuprofile` to `path`. */
  profileStop: { arg: { path: string }; answer: null };
  /** Asks the child to close and exit. */
  stop: { arg: undefined; answer: null };
}

/** The name of a question in {@link Questions}. */
export type QuestionName = keyof Questions;

/** Parent → child. */
export interface AskMessage {
  /** Tells an ask from the other messages. */
  kind: 'ask';
  /** Matches the reply to the question. */
  id: number;
  /** Which question. */
  question: QuestionName;
  /** Its argument, typed by {@link Questions}. */
  arg: unknown;
}

/** Child → parent: the answer to one {@link AskMessage}. */
export type ReplyMessage =
  | {
      /** Tells a reply from the other messages. */
      kind: 'reply';
      /** The id of the {@link AskMessage} it answers. */
      id: number;
      /** The question was answered. */
      ok: true;
      /** The answer, typed by {@link Questions}. */
      value: unknown;
    }
  | {
      /** Tells a reply from the other messages. */
      kind: 'reply';
      /** The id of the {@link AskMessage} it answers. */
      id: number;
      /** The child failed to answer. */
      ok: false;
      /** What went wrong, as a message. */
      error: string;
    };

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
export type StartMessage =
  | {
      /** The child serves. */
      kind: 'ready';
      /** Its listening port (0 for the load generator). */
      port: number;
      /** How long each start-up step took. */
      phases: StartupPhases;
    }
  | {
      /** The child could not start. */
      kind: 'failed';
      /** Why, as a message. */
      error: string;
    };

/** Every message a child sends its parent over IPC. */
export type ChildMessage = ReplyMessage | StartMessage;

/** One load to generate with autocannon. */
export interface LoadSpec {
  /** Names the load in reports. */
  label: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Concurrent connections. */
  connections: number;
  /** Seconds of load; ignored when `amount` is set. */
  durationSeconds?: number;
  /** Total requests, then stop. */
  amount?: number;
  /** Requests per second over all connections (fixed-rate load); unlimited when absent. */
  overallRate?: number;
  /** Headers sent with every request (e.g. the admin bearer token). */
  headers?: Record<string, string>;
  /** GET paths, used round-robin. */
  paths?: string[];
  /** `POST /users` with a fresh email each time (the password flood). */
  createUsers?: { emailPrefix: string; password: string };
}

/** What one load produced, with latencies measured per response (sub-millisecond). */
export interface LoadResult {
  /** The label of the {@link LoadSpec}. */
  label: string;
  /** How long the load actually ran, seconds. */
  durationSeconds: number;
  /** Responses received. */
  requests: number;
  /** Responses with a 2xx status. */
  ok2xx: number;
  /** Responses with any other status. */
  non2xx: number;
  /** Requests that failed without a response (connection errors). */
  errors: number;
  /** Requests that got no response in time. */
  timeouts: number;
  /** Responses per second over the whole load. */
  requestsPerSecond: number;
  /** Latency percentiles and maximum, milliseconds. */
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Status codes other than 2xx, with counts. */
  statusCodes: Record<string, number>;
}
