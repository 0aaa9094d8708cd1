import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { type BenchDatabase, createBenchDatabase, dropBenchDatabase } from './database/bench-database';
import { type ChildHandle, killAllChildren } from './ipc/parent-side';
import { runProfile, type ProfileRun } from './profile/run-profile';
import { evaluateGoals } from './report/goals';
import { renderResultsFile } from './report/markdown';
import type { AbScenario, BenchResults, ColdStartRow, FloodScenario, RunMeta, SoakScenario } from './report/results';
import { abDefinitions, runAbScenario } from './scenarios/ab';
import { runColdStart } from './scenarios/cold-start';
import { type BenchContext, type LogLevel, startLoadgen, startPairServer } from './scenarios/context';
import { runFlood } from './scenarios/flood';
import { runSoak } from './scenarios/soak';
import type { BenchSettings } from './settings';

/** Whether `taskset` can pin processes here (Linux with util-linux). */
export function tasksetWorks(): boolean {
  return spawnSync('taskset', ['--cpu-list', '0', 'true'], { stdio: 'ignore' }).status === 0;
}

let interrupted = false;

/** Whether a run was stopped by SIGINT/SIGTERM (its cleanup is under way; errors after it are expected). */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** What a run wrote. */
export interface BenchOutcome {
  /** What the bench measured; absent for a profile run. */
  results?: BenchResults;
  /** The profiles, for a `--profile` run. */
  profile?: ProfileRun;
  /** Where results.json was written. */
  jsonPath?: string;
  /** Where results.md was written. */
  markdownPath?: string;
}

function machine(postgres: string): RunMeta['machine'] {
  const list = cpus();
  return {
    cpuModel: (list[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    cpus: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    postgres,
  };
}

/**
 * Runs the bench end to end: creates and seeds the bench database, starts the servers and the load
 * generator, runs the scenarios (or the profile), writes results.json and results.md, and — whatever
 * happens, SIGINT included — kills every child and drops the database.
 */
export async function runBench(settings: BenchSettings, print: (message: string) => void = console.log): Promise<BenchOutcome> {
  const started = performance.now();
  const log = (message: string) => {
    print(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
  };
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  let database: BenchDatabase | undefined;
  let cleanedUp = false;
  const cleanUp = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    killAllChildren();
    await dropBenchDatabase(settings.serverUrl, settings.databaseName).catch((error: unknown) => {
      log(`could not drop database ${settings.databaseName}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    log(`${signal}: stopping the bench, killing its processes and dropping ${settings.databaseName}`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const wants = (id: number) => settings.only === undefined || settings.only.has(id);
  try {
    log(`bench: ${settings.quick ? 'quick' : 'full'} run, database ${settings.databaseName}, results to ${settings.outDir}`);
    log(`seeding ${settings.dataSet.users.toLocaleString('en-AU')} users, ${settings.dataSet.companies.toLocaleString('en-AU')} companies...`);
    database = await createBenchDatabase(settings.serverUrl, settings.databaseName, settings.dataSet);
    log(`  seeded in ${database.seedSeconds.toFixed(1)} s: ${JSON.stringify(database.rows)}`);

    const token = randomBytes(24).toString('base64url');
    const loadgen = await startLoadgen(settings);
    const context: BenchContext = {
      settings,
      database,
      tokenSha256: createHash('sha256').update(token).digest('hex'),
      authHeaders: { authorization: `Bearer ${token}` },
      loadgen,
      log,
    };
    mkdirSync(settings.outDir, { recursive: true });

    if (settings.profile !== undefined) {
      log(`profiling scenario ${settings.profile}: ours and the baseline...`);
      const profile = await runProfile(context, settings.profile);
      for (const [label, p] of [['ours', profile.ours], ['baseline', profile.baseline]] as const) {
        log(`  ${label}: ${p.round.requestsPerSecond.toFixed(0)} req/s, ${p.round.requestsPerCpuSecond.toFixed(0)} req/CPU-s; raw profile ${p.profilePath}`);
      }
      log(`  summary ${profile.summaryPath}`);
      await loadgen.stop();
      return { profile };
    }

    const abScenarios: AbScenario[] = [];
    const definitions = abDefinitions(context).filter((d) => wants(d.id));
    // One pair of servers per log level, started afresh, in the order the scenarios come.
    for (const level of [...new Set(definitions.map((d) => d.logLevel))] as LogLevel[]) {
      let ours: ChildHandle | undefined;
      let baseline: ChildHandle | undefined;
      try {
        [ours, baseline] = await Promise.all([startPairServer('ours', context, level), startPairServer('baseline', context, level)]);
        for (const definition of definitions.filter((d) => d.logLevel === level)) {
          log(`scenario ${definition.id}: ${definition.title}`);
          abScenarios.push(await runAbScenario(context, definition, ours, baseline));
        }
      } finally {
        await ours?.stop();
        await baseline?.stop();
      }
    }
    let flood: FloodScenario | undefined;
    if (wants(5)) {
      log('scenario 5: password flood');
      flood = await runFlood(context);
    }
    let soak: SoakScenario | undefined;
    if (wants(6)) {
      log(`scenario 6: soak (${settings.soakRequests.toLocaleString('en-AU')} requests)`);
      soak = await runSoak(context);
    }
    let coldStart: ColdStartRow[] = [];
    if (wants(7)) {
      log('scenario 7: cold start');
      coldStart = await runColdStart(context);
    }
    await loadgen.stop();

    const results: BenchResults = {
      meta: {
        date: new Date().toISOString(),
        mode: settings.quick ? 'quick' : 'full',
        machine: machine(database.postgresVersion),
        pinning: settings.pinning
          ? `Servers pinned to CPU ${settings.pinning.server}, load generator to CPU ${settings.pinning.load} (taskset); PostgreSQL unpinned`
          : 'No CPU pinning (taskset missing, fewer than 2 CPUs, or BENCH_PIN=0)',
        dataSet: { ...database.rows, seedSeconds: database.seedSeconds },
        load: { connections: settings.connections, warmupSeconds: settings.warmupSeconds, roundSeconds: settings.roundSeconds, ...(settings.roundRequests === undefined ? {} : { roundRequests: settings.roundRequests }), rounds: settings.rounds },
        durationSeconds: (performance.now() - started) / 1000,
        loadAverage: { start: loadAtStart, end: loadavg()[0] ?? Number.NaN },
      },
      abScenarios,
      ...(flood ? { flood } : {}),
      ...(soak ? { soak } : {}),
      coldStart,
      goals: evaluateGoals(abScenarios, flood, soak),
    };
    const jsonPath = join(settings.outDir, 'results.json');
    const markdownPath = join(settings.outDir, 'results.md');
    writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(markdownPath, renderResultsFile(results));
    return { results, jsonPath, markdownPath };
  } finally {
    await cleanUp();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
