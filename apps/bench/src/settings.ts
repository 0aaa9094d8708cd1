import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PostgreSQL server the bench uses when `BENCH_POSTGRES_URL` is unset. */
export const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';
/** The database the bench creates (and drops) on that server. */
export const DEFAULT_DATABASE = 'eventlead_bench';

/** How big the generated data set is. */
export interface DataSetSize {
  /** Users to generate. */
  readonly users: number;
  /** Companies to generate. */
  readonly companies: number;
}

/** Everything a bench run needs to know, resolved from the command line and the environment. */
export interface BenchSettings {
  /** `--quick`: small data set and short rounds, a smoke test. */
  readonly quick: boolean;
  /** `--profile [id]`: CPU-profile both servers of A/B scenario `id` (default 2) instead of running the bench. */
  readonly profile: number | undefined;
  /** Server URL (any database on it); the bench database is created next to it. */
  readonly serverUrl: string;
  /** Name of the database created for the run, dropped at the end. */
  readonly databaseName: string;
  /** Where results.json and results.md are written. */
  readonly outDir: string;
  /** How big the generated data set is. */
  readonly dataSet: DataSetSize;
  /** Load of every A/B round: connections and whole seconds (autocannon rounds up). */
  readonly connections: number;
  /** Seconds of warm-up load before the rounds. */
  readonly warmupSeconds: number;
  /** Seconds of load per round. */
  readonly roundSeconds: number;
  /**
   * Requests per round instead of {@link BenchSettings.roundSeconds}: quick runs, a smoke test of the
   * whole bench, send a fixed number (autocannon's shortest timed round is a whole second).
   */
  readonly roundRequests: number | undefined;
  /** A/B rounds per server per scenario (A B A B ...). */
  readonly rounds: number;
  /** Password flood: concurrent `POST /users`, seconds, and the fixed `/health` rate beside it. */
  readonly floodConcurrency: number;
  /** Seconds the flood lasts. */
  readonly floodSeconds: number;
  /**
   * `POST /users` to send instead of {@link BenchSettings.floodSeconds} of them: quick runs, a smoke
   * test, wait for a fixed few creates to be answered however slowly a loaded machine hashes them.
   */
  readonly floodRequests: number | undefined;
  /** `GET /health` requests per second beside the flood. */
  readonly floodHealthRate: number;
  /** Soak: requests after the warm-up, and the warm-up itself. */
  readonly soakRequests: number;
  /** Requests of the warm-up before the soak. */
  readonly soakWarmupRequests: number;
  /** Cold starts per server and database. */
  readonly coldStarts: number;
  /** Seconds of load while the CPU profile is recorded. */
  readonly profileSeconds: number;
  /** `--only 1,2`: run only these scenarios (all when undefined). */
  readonly only: ReadonlySet<number> | undefined;
  /** CPU the servers are pinned to and CPU the load generator is pinned to (taskset), or none. */
  readonly pinning: { readonly server: number; readonly load: number } | undefined;
}

/** A command-line or environment value the bench cannot use. */
export class BenchSettingsError extends Error {
  /** A stable machine-readable code. */
  readonly code = 'BENCH_SETTINGS_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'BenchSettingsError';
  }
}

const USAGE = `Usage: eventlead-bench [--quick] [--profile [id]] [--only <ids>] [--out <dir>]

  --quick        small data set, short rounds (also BENCH_QUICK=1); results go to a temp dir
  --profile [id] CPU-profile both servers (ours as the scenario runs it, and the baseline) under the
                 load of A/B scenario id (1-4, 8-10; default 2: GET /users/:id) instead of running
                 the bench; the comparison goes to <out>/profile-*.summary.md
  --only <ids>   run only these scenarios, e.g. --only 1,2,4 (ids 1-10 as in the README)
  --out <dir>    where results.json / results.md go (also BENCH_OUT_DIR);
                 default docs/performance for a full run, a temp dir for --quick

Environment: BENCH_POSTGRES_URL (default ${DEFAULT_POSTGRES_URL}),
BENCH_DATABASE (default ${DEFAULT_DATABASE}), BENCH_PIN=0 to switch CPU pinning off.`;

/** The text `--help` prints. */
export function usage(): string {
  return USAGE;
}

/** The A/B scenarios, the ones `--profile` can record. */
const PROFILABLE = new Set([1, 2, 3, 4, 8, 9, 10]);

const truthy = (value: string | undefined): boolean => value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** What {@link resolveSettings} needs besides argv and env. */
export interface ResolveContext {
  /** The repository root: a full run writes to `<root>/docs/performance`. */
  readonly workspaceRoot: string;
  /** Whether `taskset` can pin processes to CPUs here, and how many CPUs there are. */
  readonly canPin: boolean;
  /** CPUs on this machine (`os.cpus().length`). */
  readonly cpuCount: number;
}

/**
 * Turns the command line and environment into {@link BenchSettings}. A quick run without `--out`
 * writes to a fresh temp dir so it never overwrites the committed results.
 * @example resolveSettings(['--quick'], process.env, { workspaceRoot, canPin: true, cpuCount: 2 })
 */
export function resolveSettings(argv: readonly string[], env: NodeJS.ProcessEnv, context: ResolveContext): BenchSettings {
  let quick = truthy(env.BENCH_QUICK);
  let profile: number | undefined;
  let only: Set<number> | undefined;
  let outDir = env.BENCH_OUT_DIR?.trim() === '' ? undefined : env.BENCH_OUT_DIR?.trim();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--profile') {
      profile = 2;
      const next = argv[i + 1];
      if (next !== undefined && /^[0-9]+$/.test(next)) {
        profile = Number(next);
        i++;
        if (!PROFILABLE.has(profile)) throw new BenchSettingsError('--profile takes an A/B scenario id: 1-4 or 8-10 (default 2).');
      }
    }
    else if (arg === '--out') {
      outDir = argv[++i];
      if (outDir === undefined || outDir.startsWith('--')) throw new BenchSettingsError('--out needs a directory.');
    } else if (arg === '--only') {
      const ids = (argv[++i] ?? '').split(',').map((id) => Number(id.trim()));
      if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id < 1 || id > 10)) {
        throw new BenchSettingsError('--only takes scenario ids from 1 to 10, comma-separated (e.g. --only 2,4).');
      }
      only = new Set(ids);
    } else if (arg === '--') continue;
    else throw new BenchSettingsError(`Unknown argument ${arg ?? ''}.\n\n${USAGE}`);
  }
  const databaseName = env.BENCH_DATABASE?.trim() ?? DEFAULT_DATABASE;
  if (!DATABASE_NAME.test(databaseName)) {
    throw new BenchSettingsError('BENCH_DATABASE must be a lower-case PostgreSQL identifier (letters, digits, _).');
  }
  const serverUrl = env.BENCH_POSTGRES_URL?.trim() ?? DEFAULT_POSTGRES_URL;
  if (!/^postgres(ql)?:\/\//.test(serverUrl)) {
    throw new BenchSettingsError('BENCH_POSTGRES_URL must be a postgresql:// URL.');
  }
  const pin = context.canPin && context.cpuCount >= 2 && env.BENCH_PIN?.trim() !== '0';
  const common = {
    quick,
    profile,
    serverUrl,
    databaseName,
    outDir: outDir ?? (quick ? mkdtempSync(join(tmpdir(), 'eventlead-bench-')) : join(context.workspaceRoot, 'docs', 'performance')),
    floodConcurrency: 16,
    only,
    pinning: pin ? { server: 1, load: 0 } : undefined,
  };
  if (quick) {
    return {
      ...common,
      dataSet: { users: 2_000, companies: 200 },
      connections: 8,
      // A smoke test, not a measurement: one round of a few hundred requests per server (autocannon's
      // shortest timed round is a whole second), no warm-up.
      warmupSeconds: 0,
      roundSeconds: 1,
      roundRequests: 400,
      rounds: 1,
      // A fixed few creates, each waited for: in a CI run with every suite at once, the hashing
      // threads' lowered priority left 5 s of flood without a single cost-12 hash finished. Four
      // connections, four creates: about a second on an idle machine, and bounded by the loader's
      // 30 s timeout on a starved one.
      floodConcurrency: 4,
      floodRequests: 4,
      floodSeconds: 5,
      floodHealthRate: 100,
      soakRequests: 600,
      soakWarmupRequests: 100,
      coldStarts: 1,
      profileSeconds: 3,
    };
  }
  return {
    ...common,
    dataSet: { users: 100_000, companies: 10_000 },
    connections: 10,
    warmupSeconds: 3,
    roundSeconds: 5,
    roundRequests: undefined,
    rounds: 4,
    floodSeconds: 12,
    floodRequests: undefined,
    floodHealthRate: 200,
    soakRequests: 100_000,
    soakWarmupRequests: 10_000,
    coldStarts: 5,
    profileSeconds: 20,
  };
}
