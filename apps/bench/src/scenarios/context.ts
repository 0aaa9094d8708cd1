import { dirname, join } from 'node:path';
import type { BenchDatabase } from '../database/bench-database';
import { type ChildHandle, type ChildOptions, startChild } from '../ipc/parent-side';
import type { LoadResult, LoadSpec, QueryCounts, ServerStats } from '../protocol';
import type { RoundResult } from '../report/results';
import type { BenchSettings } from '../settings';

/** The two servers compared. */
export type ServerKind = 'ours' | 'baseline';

/** Log level of an A/B pair: both servers log alike (`off`: no logger on either side). */
export type LogLevel = 'off' | 'warn' | 'info';

/** The API's production entry point, `node apps/api/dist/server.js`, as `pnpm start` runs it. */
const PRODUCTION_SERVER = join(dirname(require.resolve('@eventlead/api')), 'server.js');
const PRODUCTION_PROBE = join(__dirname, '..', 'servers', 'production-probe.js');

const SCRIPTS: Record<ServerKind | 'loadgen', string> = {
  ours: join(__dirname, '..', 'servers', 'api-server.js'),
  baseline: join(__dirname, '..', 'servers', 'baseline-server.js'),
  loadgen: join(__dirname, '..', 'load', 'loadgen.js'),
};

/** What every scenario works with. */
export interface BenchContext {
  /** The resolved command line and environment. */
  readonly settings: BenchSettings;
  /** The prepared database the servers connect to. */
  readonly database: BenchDatabase;
  /** The admin bearer token and its SHA-256 (what the servers are configured with). */
  readonly tokenSha256: string;
  /** `Authorization: Bearer <token>`, for requests to the admin routes. */
  readonly authHeaders: Record<string, string>;
  /** The load generator child. */
  readonly loadgen: ChildHandle;
  /** Writes a progress line to the bench's output. */
  log(message: string): void;
}

/** Options for a server child: its script, database, token and CPU. */
export function serverOptions(
  kind: ServerKind,
  context: Pick<BenchContext, 'settings' | 'tokenSha256'>,
  databaseUrl: string,
  extra: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): ChildOptions {
  return {
    name: kind === 'ours' ? 'API server (ours)' : 'baseline server',
    script: SCRIPTS[kind],
    env: { BENCH_DATABASE_URL: databaseUrl, BENCH_ADMIN_TOKEN_SHA256: context.tokenSha256, ...extra.env },
    nodeArgs: ['--expose-gc', ...(extra.nodeArgs ?? [])],
    ...(context.settings.pinning ? { cpu: context.settings.pinning.server } : {}),
  };
}

/** Starts a server on the bench database. */
export function startServer(kind: ServerKind, context: BenchContext, extra: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Promise<ChildHandle> {
  return startChild(serverOptions(kind, context, context.database.url, extra));
}

/**
 * Starts the server of an A/B pair. `ours` at a log level is the production server process
 * (`NODE_ENV=production node apps/api/dist/server.js`, its config from the environment, its logger
 * and asynchronous log destination), with the bench probe preloaded; at `off` it is `buildApp`
 * without a logger (the earlier bench's variant, labelled as such). The baseline logs with
 * Fastify's default request logging at the same level. Log lines go to /dev/null on both sides.
 */
export function startPairServer(kind: ServerKind, context: BenchContext, level: LogLevel): Promise<ChildHandle> {
  if (level === 'off') return startServer(kind, context);
  const base = serverOptions(kind, context, context.database.url, { env: { BENCH_LOG_LEVEL: level } });
  if (kind === 'baseline') return startChild({ ...base, discardStdout: true });
  return startChild({
    ...base,
    name: `API production server (ours, LOG_LEVEL=${level})`,
    script: PRODUCTION_SERVER,
    nodeArgs: ['--expose-gc', '--require', PRODUCTION_PROBE],
    discardStdout: true,
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: level,
      DATABASE_URL: context.database.url,
      ADMIN_TOKEN_SHA256: context.tokenSha256,
      HOST: '127.0.0.1',
      PORT: '0',
      // One loopback client sends all the load: the limit must not throttle it (the plugin still runs).
      RATE_LIMIT_MAX: '1000000',
    },
  });
}

/** Starts the load generator, pinned to its own CPU. */
export function startLoadgen(settings: BenchSettings): Promise<ChildHandle> {
  return startChild({ name: 'load generator', script: SCRIPTS.loadgen, ...(settings.pinning ? { cpu: settings.pinning.load } : {}) });
}

/** `http://127.0.0.1:<port>` of a server child. */
export const originOf = (server: ChildHandle) => `http://127.0.0.1:${server.port}`;

/** Runs one load and returns its result. */
export async function load(context: BenchContext, spec: LoadSpec): Promise<LoadResult> {
  const [result] = await context.loadgen.ask('load', [spec]);
  if (result === undefined) throw new Error('The load generator returned no result.');
  return result;
}

function roundOf(result: LoadResult, before: ServerStats, after: ServerStats): RoundResult {
  const cpuSeconds = (after.cpuUserMicros - before.cpuUserMicros + after.cpuSystemMicros - before.cpuSystemMicros) / 1e6;
  return {
    requests: result.requests,
    seconds: result.durationSeconds,
    requestsPerSecond: result.requestsPerSecond,
    p50Ms: result.latencyMs.p50,
    p99Ms: result.latencyMs.p99,
    cpuSeconds,
    requestsPerCpuSecond: cpuSeconds > 0 ? result.requests / cpuSeconds : Number.NaN,
    queries: Object.fromEntries(Object.entries(after.queries).map(([key, value]) => [key, value - before.queries[key as keyof QueryCounts]])) as unknown as QueryCounts,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** One measured round: the server's CPU and SQL counters are read just before and after the load. */
export async function measureRound(context: BenchContext, server: ChildHandle, spec: LoadSpec): Promise<RoundResult> {
  const before = await server.ask('stats', undefined);
  const result = await load(context, spec);
  const after = await server.ask('stats', undefined);
  return roundOf(result, before, after);
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
