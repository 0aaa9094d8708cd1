import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildHandle } from '../ipc/parent-side';
import type { LoadSpec } from '../protocol';
import type { RoundResult } from '../report/results';
import { abDefinitions } from '../scenarios/ab';
import { type BenchContext, measureRound, originOf, startPairServer } from '../scenarios/context';
import { type CpuProfile, type ProfileSummary, renderProfileComparison, summariseCpuProfile } from './cpu-profile';

/** The scenarios `--profile` can record: the A/B ones. */
export const PROFILABLE_SCENARIOS = [1, 2, 3, 4, 8, 9, 10] as const;

/** Sampling interval of the profiler, microseconds. */
const INTERVAL_MICROS = 250;

/** One server's profile. */
export interface ProfiledServer {
  /** Where the `.cpuprofile` was written. */
  profilePath: string;
  /** What the profile says. */
  summary: ProfileSummary;
  /** The profiled round's throughput, latency and counts. */
  round: RoundResult;
}

/** Where the profiles went and what they say. */
export interface ProfileRun {
  /** Where the comparison of the two profiles was written (Markdown). */
  summaryPath: string;
  /** Our API's profile. */
  ours: ProfiledServer;
  /** The baseline's profile. */
  baseline: ProfiledServer;
}

/** The summary file of a scenario's profile (scenario 2 keeps its historical name). */
export function profileSummaryName(scenarioId: number): string {
  return scenarioId === 2 ? 'profile-users-by-id.summary.md' : `profile-scenario-${scenarioId}.summary.md`;
}

async function profileOne(context: BenchContext, server: ChildHandle, spec: LoadSpec, path: string): Promise<ProfiledServer> {
  await server.ask('profileStart', { intervalMicros: INTERVAL_MICROS });
  let round: RoundResult;
  try {
    round = await measureRound(context, server, spec);
  } finally {
    await server.ask('profileStop', { path });
  }
  return { profilePath: path, summary: summariseCpuProfile(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, 40), round };
}

/**
 * Records CPU profiles of both servers of an A/B scenario under its load, as the bench runs them:
 * "ours" is the production server at the scenario's `LOG_LEVEL` (or `buildApp` without a logger for
 * scenario 10), the baseline logs alike. Both are warmed up, then each is profiled in turn (V8's
 * sampling profiler, started and stopped over IPC, so start-up is left out) for `profileSeconds` of
 * the same load. The summary compares them per request: `<out>/profile-users-by-id.summary.md` for
 * scenario 2, `<out>/profile-scenario-<id>.summary.md` otherwise; the raw `.cpuprofile` files stay in
 * a temp dir (Chrome DevTools, speedscope).
 */
export async function runProfile(context: BenchContext, scenarioId = 2): Promise<ProfileRun> {
  const { settings } = context;
  const dir = mkdtempSync(join(tmpdir(), 'eventlead-cpu-prof-'));
  const scenario = abDefinitions(context).find((d) => d.id === scenarioId);
  if (scenario === undefined) throw new Error(`Scenario ${scenarioId} cannot be profiled (${PROFILABLE_SCENARIOS.join(', ')} can).`);
  let ours: ChildHandle | undefined;
  let baseline: ChildHandle | undefined;
  let profiles: { ours: ProfiledServer; baseline: ProfiledServer };
  try {
    [ours, baseline] = await Promise.all([startPairServer('ours', context, scenario.logLevel), startPairServer('baseline', context, scenario.logLevel)]);
    const spec = (server: ChildHandle, seconds: number): LoadSpec => ({
      label: 'profile',
      origin: originOf(server),
      connections: settings.connections,
      durationSeconds: seconds,
      headers: context.authHeaders,
      paths: scenario.paths,
    });
    if (settings.warmupSeconds > 0) {
      for (const server of [ours, baseline]) await context.loadgen.ask('load', [spec(server, settings.warmupSeconds)]);
    }
    profiles = {
      ours: await profileOne(context, ours, spec(ours, settings.profileSeconds), join(dir, `scenario-${scenarioId}-ours.cpuprofile`)),
      baseline: await profileOne(context, baseline, spec(baseline, settings.profileSeconds), join(dir, `scenario-${scenarioId}-baseline.cpuprofile`)),
    };
  } finally {
    await ours?.stop();
    await baseline?.stop();
  }
  const side = (label: string, p: ProfiledServer) => ({ label, summary: p.summary, requests: p.round.requests });
  const cpuMicros = (r: RoundResult) => (r.cpuSeconds * 1e6) / r.requests;
  const line = (label: string, r: RoundResult) =>
    `| ${label} | ${r.requests.toLocaleString('en-AU')} | ${r.requestsPerSecond.toFixed(0)} | ${cpuMicros(r).toFixed(1)} | ${r.requestsPerCpuSecond.toFixed(0)} |`;
  const summaryPath = join(settings.outDir, profileSummaryName(scenarioId));
  writeFileSync(
    summaryPath,
    [
      `# CPU profiles of ${scenario.title}: ours and the baseline (generated)`,
      '',
      `\`pnpm bench -- --profile ${scenarioId}\` on ${new Date().toISOString()}${settings.quick ? ' (quick)' : ''}: both servers of the scenario as the bench runs them ("ours" ${scenario.logLevel === 'off' ? '= `buildApp` without a logger, the baseline without one' : `= the production server at \`LOG_LEVEL=${scenario.logLevel}\`, the baseline logging at the same level`}), each warmed up for ${settings.warmupSeconds} s, then profiled in turn with V8's sampling profiler (every ${INTERVAL_MICROS} µs, started and stopped over IPC, so start-up is not in it) under ${settings.profileSeconds} s of ${scenario.load}, ${settings.connections} connections. The profiler itself costs CPU; the ratios below are of these profiled rounds.`,
      '',
      '| server | requests | req/s | server CPU µs/req | req per server CPU-s |',
      '| --- | ---: | ---: | ---: | ---: |',
      line('ours', profiles.ours.round),
      line('baseline', profiles.baseline.round),
      `| ours/baseline | | ${(profiles.ours.round.requestsPerSecond / profiles.baseline.round.requestsPerSecond).toFixed(2)} | ${(cpuMicros(profiles.ours.round) / cpuMicros(profiles.baseline.round)).toFixed(2)} | ${(profiles.ours.round.requestsPerCpuSecond / profiles.baseline.round.requestsPerCpuSecond).toFixed(2)} |`,
      '',
      `Raw profiles: \`${profiles.ours.profilePath}\`, \`${profiles.baseline.profilePath}\`. Sampled busy time counts the main thread only (time in system calls included); server CPU counts every thread of the process.`,
      '',
      renderProfileComparison(side('ours', profiles.ours), side('baseline', profiles.baseline), 30),
    ].join('\n'),
  );
  return { summaryPath, ...profiles };
}
