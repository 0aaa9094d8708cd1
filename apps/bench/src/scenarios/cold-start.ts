import { request } from 'node:http';
import { createServer } from 'node:net';
import { attachChild, spawnChild } from '../ipc/parent-side';
import type { StartupPhases } from '../protocol';
import type { ColdStartRow } from '../report/results';
import { median, ratio } from '../stats';
import { type BenchContext, type ServerKind, serverOptions, sleep } from './context';

/** A port free on loopback right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function readyStatus(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/health/ready', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => {
      resolve(undefined);
    });
    req.end();
  });
}

const READY_TIMEOUT_MS = 60_000;

async function coldStartOnce(kind: ServerKind, context: BenchContext, databaseUrl: string): Promise<{ ms: number; phases: StartupPhases }> {
  const port = await freePort();
  const options = serverOptions(kind, context, databaseUrl, { env: { BENCH_PORT: String(port) } });
  const started = performance.now();
  const child = spawnChild(options);
  const handle = attachChild(child, options);
  handle.catch(() => undefined);
  try {
    for (;;) {
      if ((await readyStatus(port)) === 200) break;
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`${options.name} was not ready within ${READY_TIMEOUT_MS} ms`);
      if (child.exitCode !== null) await handle;
      await sleep(2);
    }
    const ms = performance.now() - started;
    const server = await handle;
    await server.stop();
    return { ms, phases: server.phases };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

const medianPhases = (runs: readonly StartupPhases[]): StartupPhases => ({
  modulesLoadedMs: median(runs.map((p) => p.modulesLoadedMs)),
  databaseReadyMs: median(runs.map((p) => p.databaseReadyMs)),
  appBuiltMs: median(runs.map((p) => p.appBuiltMs)),
  listeningMs: median(runs.map((p) => p.listeningMs)),
});

/**
 * Scenario 7: from spawning the process to the first `GET /health/ready` 200, on embedded PGlite (in
 * memory) and on the PostgreSQL bench database, ours and baseline alternately.
 */
export async function runColdStart(context: BenchContext): Promise<ColdStartRow[]> {
  const rows: ColdStartRow[] = [];
  for (const [database, url] of [
    ['pglite', 'pglite://memory'],
    ['postgresql', context.database.url],
  ] as const) {
    const runs: Record<ServerKind, { ms: number; phases: StartupPhases }[]> = { ours: [], baseline: [] };
    for (let i = 0; i < context.settings.coldStarts; i++) {
      for (const kind of ['ours', 'baseline'] as const) runs[kind].push(await coldStartOnce(kind, context, url));
    }
    const oursMs = median(runs.ours.map((r) => r.ms));
    const baselineMs = median(runs.baseline.map((r) => r.ms));
    context.log(`  7 ${database}: ours ${oursMs.toFixed(0)} ms, baseline ${baselineMs.toFixed(0)} ms`);
    rows.push({
      database,
      oursMs,
      baselineMs,
      ratio: ratio(oursMs, baselineMs),
      oursPhases: medianPhases(runs.ours.map((r) => r.phases)),
      baselinePhases: medianPhases(runs.baseline.map((r) => r.phases)),
      runs: context.settings.coldStarts,
    });
  }
  return rows;
}
