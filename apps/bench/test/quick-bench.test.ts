import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BenchResults } from '../src/report/results';

// The quick bench end to end against a real PostgreSQL server: the CI smoke test of `pnpm bench`.
// Nothing here asserts on timings; it checks the run completes, reports every scenario, keeps the
// committed results untouched, and leaves no database behind.
const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
const cli = join(__dirname, '..', 'dist', 'cli.js');

if (serverUrl === undefined && process.env.CI) {
  test('the quick bench needs PostgreSQL in CI', () => {
    throw new Error('Set TEST_POSTGRES_URL (or BENCH_POSTGRES_URL) so the quick bench runs in CI.');
  });
}

(serverUrl === undefined ? describe.skip : describe)('pnpm bench --quick [postgresql]', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'eventlead-bench-test-'));
  // Its own database, so a bench running at the same time on the same server is not disturbed.
  const databaseName = `eventlead_bench_test_${randomBytes(4).toString('hex')}`;
  let run: ReturnType<typeof spawnSync>;
  let results: BenchResults;

  beforeAll(() => {
    run = spawnSync(process.execPath, [cli, '--quick', '--out', outDir], {
      env: { ...process.env, BENCH_POSTGRES_URL: serverUrl, BENCH_DATABASE: databaseName },
      encoding: 'utf8',
      timeout: 290_000,
    });
    if (run.status !== 0) throw new Error(`quick bench exited ${String(run.status)}:\n${String(run.stdout)}\n${String(run.stderr)}`);
    results = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as BenchResults;
  }, 300_000);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  test('writes results for all seven scenarios', () => {
    expect(results.meta.mode).toBe('quick');
    // Some memberships are soft-deleted, so the soft-delete filter has rows to hide.
    expect(results.meta.dataSet.liveMemberships).toBeLessThan(results.meta.dataSet.memberships);
    expect(results.abScenarios.map((s) => s.id)).toEqual([1, 2, 3, 4, 8, 9, 10]);
    for (const s of results.abScenarios) {
      expect(s.ours.rounds.length).toBeGreaterThan(0);
      expect(s.baseline.rounds.length).toBe(s.ours.rounds.length);
      expect(s.ours.requestsPerSecond).toBeGreaterThan(0);
      expect(s.baseline.requestsPerSecond).toBeGreaterThan(0);
    }
    expect(results.flood?.ours.usersCreated).toBeGreaterThan(0);
    expect(results.soak?.requests).toBeGreaterThan(0);
    expect(results.coldStart.map((c) => c.database)).toEqual(['pglite', 'postgresql']);
    expect(results.goals.map((g) => g.scenario)).toEqual([1, 2, 2, 3, 3, 4, 4, 8, 5, 5, 6, 6]);
  });

  test('the baseline answers every scenario with the same JSON as the API, without errors', () => {
    for (const s of results.abScenarios) {
      expect({ scenario: s.id, sameBody: s.sameBody, difference: s.bodyDifference }).toEqual({ scenario: s.id, sameBody: true, difference: undefined });
      expect(s.ours.non2xx + s.ours.errors + s.baseline.non2xx + s.baseline.errors).toBe(0);
    }
  });

  test('counts the API’s SQL round trips', () => {
    const userById = results.abScenarios.find((s) => s.id === 2);
    expect(userById?.ours.requestPathSqlPerRequest).toBeGreaterThanOrEqual(1);
    expect(userById?.baseline.sqlPerRequest).toBeGreaterThanOrEqual(1);
  });

  test('writes the Markdown report with every table', () => {
    const markdown = readFileSync(join(outDir, 'results.md'), 'utf8');
    for (const heading of ['`GET /health`', '`GET /users/:id` with companies (join)', 'Password flood (5)', 'Soak (6', 'Cold start (7)', '| # | goal |']) {
      expect(markdown).toContain(heading);
    }
    expect(String(run.stdout)).toContain('results:');
  });

  test('writes only to the temp dir it was given', () => {
    expect(existsSync(join(outDir, 'results.json'))).toBe(true);
    expect(String(run.stdout)).not.toContain(join('docs', 'performance'));
  });

  test('drops its database at the end', async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
