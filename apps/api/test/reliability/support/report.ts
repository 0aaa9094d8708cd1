import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Environment variable naming the folder where each reliability test file leaves its figures. */
export const RUN_DIR_ENV = 'RELIABILITY_RUN_DIR';

/** What one part of the suite (one test file on one database) did and saw. */
export interface PartFigures {
  part: string;
  database: string;
  /** Distinct bad inputs sent (hand-written corpus entries and generated cases). */
  inputsTried: number;
  /** Faults injected, by kind (killed connections, proxy cuts, thrown subscribers, SIGTERM...). */
  faultsInjected: Record<string, number>;
  requestsMade: number;
  /** Answers by status class (`2xx`, `3xx`, `4xx`) and by exact status for 5xx (`500`, `503`). */
  statuses: Record<string, number>;
  /** 5xx answers a test allowed because it injected the fault that caused them (503 while the database is down). */
  expected5xx: number;
  /** 5xx answers explained by a listed known defect of a package this suite does not fix. */
  knownDefect5xx: number;
  /** 5xx answers nobody asked for and no known defect explains: a new defect each. */
  unexpected5xx: number;
  /** Acknowledged writes (2xx, or log rows of answered requests) missing afterwards. */
  rowsLost: number;
  /** Rows written by refused or failed requests, which must leave nothing behind. */
  rowsLeftBehind: number;
  responsesScanned: number;
  logLinesScanned: number;
  /** Secrets (passwords, hashes, tokens, connection strings) found in responses or logs. */
  secretsFound: number;
  /** Defects still open in packages this suite does not fix, reproduced by `test.failing` cases. */
  knownDefects: string[];
  notes: string[];
  durationMs: number;
}

/** An empty figure set for `part` on `database`. */
export function emptyFigures(part: string, database: string): PartFigures {
  return {
    part,
    database,
    inputsTried: 0,
    faultsInjected: {},
    requestsMade: 0,
    statuses: {},
    expected5xx: 0,
    knownDefect5xx: 0,
    unexpected5xx: 0,
    rowsLost: 0,
    rowsLeftBehind: 0,
    responsesScanned: 0,
    logLinesScanned: 0,
    secretsFound: 0,
    knownDefects: [],
    notes: [],
    durationMs: 0,
  };
}

/** Adds one fault of `kind` to the figures. */
export function countFault(figures: PartFigures, kind: string, times = 1): void {
  figures.faultsInjected[kind] = (figures.faultsInjected[kind] ?? 0) + times;
}

/** Adds one answer with `status` to the figures. */
export function countStatus(figures: PartFigures, status: number, expected5xx: boolean): void {
  figures.requestsMade += 1;
  const key = status >= 500 ? String(status) : `${Math.floor(status / 100)}xx`;
  figures.statuses[key] = (figures.statuses[key] ?? 0) + 1;
  if (status >= 500) {
    if (expected5xx) figures.expected5xx += 1;
    else figures.unexpected5xx += 1;
  }
}

/** Leaves this part's figures for the run's report (no-op outside a jest run with the global setup). */
export function savePartFigures(figures: PartFigures): void {
  const dir = process.env[RUN_DIR_ENV];
  if (dir === undefined || dir === '') return;
  const name = `${figures.part}-${figures.database}-${process.pid}-${Date.now()}.json`.replace(/[^A-Za-z0-9._-]/g, '_');
  writeFileSync(join(dir, name), JSON.stringify(figures));
}

/** The whole run, as written to the report file. */
export interface ReliabilityReport {
  generatedAt: string;
  variant: 'short' | 'long';
  totals: {
    inputsTried: number;
    faultsInjected: number;
    requestsMade: number;
    fiveXx: number;
    expected5xx: number;
    knownDefect5xx: number;
    unexpected5xx: number;
    rowsLost: number;
    rowsLeftBehind: number;
    secretsFound: number;
    responsesScanned: number;
    logLinesScanned: number;
  };
  faultsByKind: Record<string, number>;
  knownDefects: string[];
  parts: PartFigures[];
}

/** Sums the parts into the report. */
export function summarise(parts: PartFigures[], variant: 'short' | 'long', now = new Date()): ReliabilityReport {
  const sum = (pick: (p: PartFigures) => number) => parts.reduce((total, p) => total + pick(p), 0);
  const faultsByKind: Record<string, number> = {};
  for (const part of parts) {
    for (const [kind, n] of Object.entries(part.faultsInjected)) faultsByKind[kind] = (faultsByKind[kind] ?? 0) + n;
  }
  const sorted = [...parts].sort((a, b) => `${a.part} ${a.database}`.localeCompare(`${b.part} ${b.database}`));
  return {
    generatedAt: now.toISOString(),
    variant,
    totals: {
      inputsTried: sum((p) => p.inputsTried),
      faultsInjected: Object.values(faultsByKind).reduce((a, b) => a + b, 0),
      requestsMade: sum((p) => p.requestsMade),
      fiveXx: sum((p) => p.expected5xx + p.knownDefect5xx + p.unexpected5xx),
      expected5xx: sum((p) => p.expected5xx),
      knownDefect5xx: sum((p) => p.knownDefect5xx),
      unexpected5xx: sum((p) => p.unexpected5xx),
      rowsLost: sum((p) => p.rowsLost),
      rowsLeftBehind: sum((p) => p.rowsLeftBehind),
      secretsFound: sum((p) => p.secretsFound),
      responsesScanned: sum((p) => p.responsesScanned),
      logLinesScanned: sum((p) => p.logLinesScanned),
    },
    faultsByKind,
    knownDefects: [...new Set(parts.flatMap((p) => p.knownDefects))].sort(),
    parts: sorted,
  };
}

/** Reads every part left in `dir`. */
export function readParts(dir: string): PartFigures[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as PartFigures);
}

/**
 * Where the report goes: `RELIABILITY_REPORT` when set (the `test:reliability` scripts point it at
 * `docs/reliability/report.json`); otherwise a temporary file, so a plain `pnpm test` never leaves the
 * work tree changed.
 */
export function reportPath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.RELIABILITY_REPORT?.trim();
  if (configured) return resolve(configured);
  return join(tmpdir(), 'eventlead-reliability-report.json');
}

/** The report as a few lines for the terminal. */
export function formatReport(report: ReliabilityReport, path: string): string {
  const t = report.totals;
  const lines = [
    '',
    `Reliability report (${report.variant} run, ${report.parts.length} parts) → ${path}`,
    `  inputs tried      ${t.inputsTried}`,
    `  faults injected   ${t.faultsInjected}  ${JSON.stringify(report.faultsByKind)}`,
    `  requests made     ${t.requestsMade}`,
    `  5xx answers       ${t.fiveXx} (expected under injected faults: ${t.expected5xx}, from known open defects: ${t.knownDefect5xx}, unexpected: ${t.unexpected5xx})`,
    `  rows lost         ${t.rowsLost}`,
    `  rows left behind  ${t.rowsLeftBehind}`,
    `  secrets found     ${t.secretsFound} (in ${t.responsesScanned} responses and ${t.logLinesScanned} log lines)`,
  ];
  if (report.knownDefects.length > 0) {
    lines.push('  known defects (open in packages this suite does not fix):');
    for (const d of report.knownDefects) lines.push(`    - ${d}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the report file (creating its folder). */
export function writeReport(report: ReliabilityReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
