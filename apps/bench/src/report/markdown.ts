import type { AbScenario, BenchResults, FloodRun, ServerRun } from './results';

const num = (value: number, digits = 0): string => {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-AU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};
const ms = (value: number) => num(value, value < 10 ? 2 : 1);
const x = (value: number) => (Number.isFinite(value) ? `**${value.toFixed(2)}**` : 'n/a');
const mib = (bytes: number) => `${num(bytes / 1_048_576, 1)} MiB`;
const metText = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : '**NOT met**');

function serverRow(id: string, title: string, server: string, run: ServerRun): string {
  const errors = run.non2xx + run.errors > 0 ? ` (${num(run.non2xx)} non-2xx, ${num(run.errors)} errors)` : '';
  return `| ${id} | ${title} | ${server}${errors} | ${num(run.requestsPerSecond)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${num(run.requestsPerCpuSecond)} | ${num(run.cpuBusy * 100)}% | ${num(run.sqlPerRequest, 2)} |`;
}

function abRows(s: AbScenario): string[] {
  return [
    serverRow(String(s.id), s.title, 'ours', s.ours),
    serverRow('', '', 'baseline', s.baseline),
    `|  |  | ours/baseline | ${x(s.ratios.throughput)} | ${x(s.ratios.p50)} | ${x(s.ratios.p99)} | ${x(s.ratios.cpuEfficiency)} |  |  |`,
  ];
}

function floodRow(server: string, f: FloodRun): string {
  const postProblems = Object.entries(f.postNon2xx).map(([code, count]) => `${count}× ${code}`);
  if (f.postErrors > 0) postProblems.push(`${f.postErrors} errors`);
  return `| ${server} | ${num(f.healthRequestsPerSecond)} | ${ms(f.healthP50Ms)} | ${ms(f.healthP99Ms)} | ${num(f.usersCreated)} | ${num(f.hashesPerSecond, 2)} | ${num(f.singleHashMs)} | ${f.cpus} | ${f.maxConcurrency} | ${num(f.idealHashesPerSecond, 2)} | ${x(f.hashingEfficiency)} | ${postProblems.join(', ') || 'none'} |`;
}

/**
 * The Markdown report of one run: the main table (medians, ratios ours/baseline), the goals, and
 * the flood, soak and cold-start tables. The README's Performance section embeds it.
 */
export function renderMarkdown(results: BenchResults): string {
  const { meta } = results;
  const m = meta.machine;
  const lines: string[] = [];
  lines.push(`Run ${meta.date} (${meta.mode}, ${num(meta.durationSeconds)} s) on ${m.cpus} × ${m.cpuModel}, ${num(m.memoryGiB)} GiB, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}; 1-minute load average ${num(meta.loadAverage.start, 1)} at the start, ${num(meta.loadAverage.end, 1)} at the end.`);
  lines.push(`${meta.pinning}. Data: ${num(meta.dataSet.users)} users, ${num(meta.dataSet.companies)} companies, ${num(meta.dataSet.memberships)} memberships (${num(meta.dataSet.liveMemberships)} live); schema from the migrations, reference rows from seedReferenceData, seeded in ${num(meta.dataSet.seedSeconds, 1)} s.`);
  lines.push(`Load: ${meta.load.connections} connections, ${meta.load.rounds} ${meta.load.rounds === 1 ? 'round' : 'rounds'} × ${meta.load.roundRequests === undefined ? `${meta.load.roundSeconds} s` : `${meta.load.roundRequests} requests`} per server, alternating ours/baseline after a ${meta.load.warmupSeconds} s warm-up each; medians over rounds. "ours" = the production server process (\`NODE_ENV=production node apps/api/dist/server.js\`) at the scenario's \`LOG_LEVEL\`, or \`buildApp\` without a logger where the scenario says so; "baseline" = bare Fastify + \`pg\` with named prepared statements and Fastify's request logging at the same level, same routes, JSON, soft-delete rules and token check.`);
  lines.push('');
  lines.push('| # | scenario | server | req/s | p50 ms | p99 ms | req per server CPU-s | server CPU | SQL per req |');
  lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of results.abScenarios) lines.push(...abRows(s));
  lines.push('');
  const bodies = results.abScenarios.filter((s) => !s.sameBody);
  lines.push(
    bodies.length === 0
      ? 'Both servers answered a sample request of every scenario with the same JSON body.'
      : `**Bodies differ** in scenario ${bodies.map((s) => `${s.id} (${s.bodyDifference ?? ''})`).join(', ')}.`,
  );
  lines.push('');
  lines.push('Goals (ratios ours/baseline from this run):');
  lines.push('');
  lines.push('| # | goal | measured | result |');
  lines.push('| --- | --- | --- | --- |');
  for (const g of results.goals) lines.push(`| ${g.scenario} | ${g.text} | ${g.measured} | ${metText(g.met)} |`);
  lines.push('');
  const f = results.flood;
  if (f) {
    lines.push(
      f.requests === undefined
        ? `Password flood (5): ${f.concurrency} concurrent \`POST /users\` for ${f.seconds} s while \`GET /health\` runs at a fixed ${f.healthRate} req/s.`
        : `Password flood (5): ${f.requests} \`POST /users\` over ${f.concurrency} connections, each answer waited for, while \`GET /health\` runs at a fixed ${f.healthRate} req/s for ${f.seconds} s.`,
    );
    lines.push('');
    lines.push('| server | /health req/s | /health p50 ms | /health p99 ms | users created | hashes/s | single hash ms | CPUs | hash concurrency | ideal hashes/s | efficiency | POST problems |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    lines.push(floodRow('ours', f.ours));
    lines.push(floodRow('baseline', f.baseline));
    lines.push('');
  }
  const s = results.soak;
  if (s) {
    lines.push(`Soak (6, ours only): ${num(s.requests)} requests (${s.mix}) after ${num(s.warmupRequests)} warm-up requests, at ${num(s.requestsPerSecond)} req/s, ${num(s.non2xx)} non-2xx, ${num(s.errors)} errors.`);
    lines.push('');
    lines.push('| heap after warm-up (after GC) | heap after soak (after GC) | growth | RSS after soak | forks created | forks alive after GC | entities they hold | global identity map |');
    lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    lines.push(`| ${mib(s.heapAfterWarmupBytes)} | ${mib(s.heapAfterSoakBytes)} | ${num(s.heapGrowth * 100, 1)}% | ${mib(s.rssAfterSoakBytes)} | ${num(s.forks.created)} | ${num(s.forks.alive)} | ${num(s.forks.entitiesHeld)} | ${num(s.forks.globalIdentityMap)} |`);
    lines.push('');
  }
  if (results.coldStart.length > 0) {
    lines.push('Cold start (7): process spawn to the first `GET /health/ready` 200, median; phases are ms since process start (modules loaded / database ready / app built / listening).');
    lines.push('');
    lines.push('| database | ours ms | baseline ms | ours/baseline | ours phases | baseline phases |');
    lines.push('| --- | ---: | ---: | ---: | --- | --- |');
    const phases = (p: { modulesLoadedMs: number; databaseReadyMs: number; appBuiltMs: number; listeningMs: number }) =>
      `${num(p.modulesLoadedMs)} / ${num(p.databaseReadyMs)} / ${num(p.appBuiltMs)} / ${num(p.listeningMs)}`;
    for (const c of results.coldStart) {
      lines.push(`| ${c.database} | ${num(c.oursMs)} | ${num(c.baselineMs)} | ${x(c.ratio)} | ${phases(c.oursPhases)} | ${phases(c.baselinePhases)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The whole results.md file: a title, how to reproduce, and the report. */
export function renderResultsFile(results: BenchResults): string {
  return [
    '# Benchmark results',
    '',
    `Generated by \`pnpm bench\`${results.meta.mode === 'quick' ? ' (quick mode: small data set, short rounds — a smoke test, not a measurement)' : ''}; see [README](README.md) for what each scenario does and how to reproduce.`,
    '',
    renderMarkdown(results),
  ].join('\n');
}
