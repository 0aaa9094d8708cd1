import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abDefinitions } from '../scenarios/ab';
import { type BenchContext, load, originOf, startServer } from '../scenarios/context';
import { type CpuProfile, type ProfileSummary, renderProfileSummary, summariseCpuProfile } from './cpu-profile';

/** Where the profile went and what it says. */
export interface ProfileRun {
  profilePath: string;
  summaryPath: string;
  summary: ProfileSummary;
  requestsPerSecond: number;
  requests: number;
}

/**
 * Records a CPU profile of our API under scenario 2 (`GET /users/:id`): the server child runs with
 * `--cpu-prof`, is loaded for `profileSeconds` after a short warm-up, and exits cleanly so V8 writes
 * the profile. The summary (self time by package and function) goes to
 * `<out>/profile-users-by-id.summary.md`; the raw profile stays in a temp dir (open it in Chrome
 * DevTools or speedscope).
 */
export async function runProfile(context: BenchContext, scenarioId = 2): Promise<ProfileRun> {
  const { settings } = context;
  const dir = mkdtempSync(join(tmpdir(), 'eventlead-cpu-prof-'));
  const scenario = abDefinitions(context).find((d) => d.id === scenarioId);
  if (scenario === undefined) throw new Error(`Scenario ${scenarioId} cannot be profiled (1–4 can).`);
  const server = await startServer('ours', context, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '500'] });
  let result;
  try {
    const spec = (seconds: number) => ({ label: 'profile', origin: originOf(server), connections: settings.connections, durationSeconds: seconds, headers: context.authHeaders, paths: scenario.paths });
    if (settings.warmupSeconds > 0) await load(context, spec(settings.warmupSeconds));
    result = await load(context, spec(settings.profileSeconds));
  } finally {
    await server.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`No .cpuprofile was written to ${dir}.`);
  const profilePath = join(dir, file);
  const summary = summariseCpuProfile(JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile, 30);
  const summaryPath = join(settings.outDir, scenarioId === 2 ? 'profile-users-by-id.summary.md' : `profile-scenario-${scenarioId}.summary.md`);
  writeFileSync(
    summaryPath,
    [
      `# CPU profile of ${scenario.title} (generated)`,
      '',
      `\`pnpm --filter @eventlead/bench profile${scenarioId === 2 ? "" : ` ${scenarioId}`}\` on ${new Date().toISOString()}: our API child under \`node --cpu-prof\` (500 µs sampling), ${settings.connections} connections, ${settings.warmupSeconds} s of warm-up + ${settings.profileSeconds} s of ${scenario.load}: ${result.requests.toLocaleString('en-AU')} requests at ${result.requestsPerSecond.toFixed(0)} req/s. The profile covers the whole process life (start-up included).`,
      '',
      renderProfileSummary(summary),
    ].join('\n'),
  );
  return { profilePath, summaryPath, summary, requestsPerSecond: result.requestsPerSecond, requests: result.requests };
}
