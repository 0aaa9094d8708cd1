import type { ChildHandle } from '../ipc/parent-side';
import type { LoadSpec } from '../protocol';
import type { AbScenario, RoundResult, ServerRun } from '../report/results';
import { median, ratio } from '../stats';
import { type BenchContext, type LogLevel, measureRound, originOf } from './context';

/** One of the A/B scenarios (1–4, 8–10). */
export interface AbDefinition {
  /** The scenario's number in reports and `--only`. */
  id: number;
  /** What the scenario compares, for reports. */
  title: string;
  /** Both servers log at this level; `off` pits `buildApp` without a logger against a baseline without one. */
  logLevel: LogLevel;
  /** What the load requests, for the report. */
  load: string;
  /** Paths requested round-robin. */
  paths: string[];
}

/**
 * The A/B scenarios over the prepared data set. "Ours" is the production server process at
 * `LOG_LEVEL=warn` (1–4) and at the default `info` (8, 9), against the baseline logging at the same
 * level; 10 is the earlier bench's comparison, `buildApp` without a logger against a baseline without one.
 */
export function abDefinitions(context: BenchContext): AbDefinition[] {
  const { userIdsWithoutCompanies, userIdsWithCompanies } = context.database;
  const userById = {
    load: `\`GET /users/:id\` over ${userIdsWithoutCompanies.length} users without memberships`,
    paths: userIdsWithoutCompanies.map((id) => `/users/${id}`),
  };
  return [
    { id: 1, title: '`GET /health` (warn)', logLevel: 'warn', load: '`GET /health`', paths: ['/health'] },
    { id: 2, title: '`GET /users/:id` (warn)', logLevel: 'warn', ...userById },
    { id: 3, title: '`GET /users?page=1&pageSize=20` with total (warn)', logLevel: 'warn', load: '`GET /users?page=1&pageSize=20`', paths: ['/users?page=1&pageSize=20'] },
    {
      id: 4,
      title: '`GET /users/:id` with companies (join) (warn)',
      logLevel: 'warn',
      load: `\`GET /users/:id\` over ${userIdsWithCompanies.length} users with 3 memberships (some soft-deleted)`,
      paths: userIdsWithCompanies.map((id) => `/users/${id}`),
    },
    { id: 8, title: '`GET /health` (info)', logLevel: 'info', load: '`GET /health`, one log line per request on our side, two on the baseline', paths: ['/health'] },
    { id: 9, title: '`GET /users/:id` (info)', logLevel: 'info', ...userById },
    { id: 10, title: '`GET /users/:id`, `buildApp` without a logger (earlier variant)', logLevel: 'off', ...userById },
  ];
}

/** Key-sorted JSON, so two bodies compare equal whatever order their servers wrote the keys in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The first place two JSON values differ (`data.companies[0].role`), or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (canonicalJson(a) === canonicalJson(b)) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
    return `${path || '(body)'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${path}: ${a.length} vs ${b.length} items`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const child = Array.isArray(a) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], child);
    if (difference !== undefined) return difference;
  }
  return undefined;
}

async function bodyOf(server: ChildHandle, path: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(`${originOf(server)}${path}`, { headers });
  return { status: response.status, body: await response.json() };
}

/** Medians of a server's rounds. */
export function summariseRounds(rounds: readonly RoundResult[]): ServerRun {
  const per = (f: (r: RoundResult) => number) => median(rounds.map(f));
  const sqlPerRequest = per((r) => r.queries.total / r.requests);
  return {
    rounds: [...rounds],
    requestsPerSecond: per((r) => r.requestsPerSecond),
    p50Ms: per((r) => r.p50Ms),
    p99Ms: per((r) => r.p99Ms),
    requestsPerCpuSecond: per((r) => r.requestsPerCpuSecond),
    cpuBusy: per((r) => r.cpuSeconds / r.seconds),
    sqlPerRequest,
    requestPathSqlPerRequest: per((r) => (r.queries.requestsWithQueries > 0 ? r.queries.requestPath / r.queries.requestsWithQueries : 0)),
    pingsPerRequest: per((r) => (r.queries.requestsWithQueries > 0 ? (r.queries.ping - r.queries.requestLogPing) / r.queries.requestsWithQueries : 0)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

/**
 * Runs one A/B scenario: checks both servers answer a sample request identically, warms each up,
 * then alternates measured rounds A B A B ... and compares medians.
 */
export async function runAbScenario(context: BenchContext, definition: AbDefinition, ours: ChildHandle, baseline: ChildHandle): Promise<AbScenario> {
  const { settings, authHeaders } = context;
  const sample = definition.paths[0] ?? '/health';
  const [oursBody, baselineBody] = await Promise.all([bodyOf(ours, sample, authHeaders), bodyOf(baseline, sample, authHeaders)]);
  const bodyDifference = firstDifference(oursBody, baselineBody);

  const spec = (server: ChildHandle, seconds: number, amount?: number): LoadSpec => ({
    label: `${definition.id}`,
    origin: originOf(server),
    connections: settings.connections,
    ...(amount === undefined ? { durationSeconds: seconds } : { amount }),
    headers: authHeaders,
    paths: definition.paths,
  });
  const servers = [
    { kind: 'ours', handle: ours },
    { kind: 'baseline', handle: baseline },
  ] as const;
  if (settings.warmupSeconds > 0) {
    for (const { handle } of servers) await context.loadgen.ask('load', [spec(handle, settings.warmupSeconds)]);
  }
  const rounds: Record<'ours' | 'baseline', RoundResult[]> = { ours: [], baseline: [] };
  for (let round = 0; round < settings.rounds; round++) {
    for (const { kind, handle } of servers) {
      const result = await measureRound(context, handle, spec(handle, settings.roundSeconds, settings.roundRequests));
      rounds[kind].push(result);
      context.log(`  ${definition.id} round ${round + 1} ${kind}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(2)} ms, ${(result.requests / result.cpuSeconds).toFixed(0)} req/CPU-s`);
    }
  }
  const oursRun = summariseRounds(rounds.ours);
  const baselineRun = summariseRounds(rounds.baseline);
  return {
    id: definition.id,
    title: definition.title,
    load: definition.load,
    ours: oursRun,
    baseline: baselineRun,
    ratios: {
      throughput: ratio(oursRun.requestsPerSecond, baselineRun.requestsPerSecond),
      p50: ratio(oursRun.p50Ms, baselineRun.p50Ms),
      p99: ratio(oursRun.p99Ms, baselineRun.p99Ms),
      cpuEfficiency: ratio(oursRun.requestsPerCpuSecond, baselineRun.requestsPerCpuSecond),
    },
    sameBody: bodyDifference === undefined,
    ...(bodyDifference === undefined ? {} : { bodyDifference }),
  };
}
