import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchSettingsError, DEFAULT_DATABASE, DEFAULT_POSTGRES_URL, resolveSettings } from './settings';

const context = { workspaceRoot: '/repo', canPin: true, cpuCount: 2 };

describe('resolveSettings', () => {
  test('a full run writes to docs/performance with the issue’s data set and pins server and load apart', () => {
    const s = resolveSettings([], {}, context);
    expect(s).toMatchObject({
      quick: false,
      outDir: join('/repo', 'docs', 'performance'),
      serverUrl: DEFAULT_POSTGRES_URL,
      databaseName: DEFAULT_DATABASE,
      pinning: { server: 1, load: 0 },
      floodConcurrency: 16,
      floodSeconds: 12,
      floodRequests: undefined,
      soakRequests: 100_000,
    });
    expect(s.dataSet.users).toBeGreaterThanOrEqual(100_000);
    expect(s.dataSet.companies).toBeGreaterThanOrEqual(10_000);
  });

  test.each([
    [['--quick'], {}],
    [[], { BENCH_QUICK: '1' }],
    [['--', '--quick'], {}],
  ])('a quick run (%j %j) never writes to docs/performance', (argv, env) => {
    const s = resolveSettings(argv, env, context);
    // resolveSettings made the folder: remove it, so test runs leave no eventlead-bench-* behind.
    rmSync(s.outDir, { recursive: true, force: true });
    expect(s.quick).toBe(true);
    // The smoke test's flood waits for a fixed few creates instead of hoping one finishes in time.
    expect(s).toMatchObject({ floodConcurrency: 4, floodRequests: 4 });
    expect(s.outDir.startsWith(join(tmpdir(), 'eventlead-bench-'))).toBe(true);
    expect(s.dataSet.users).toBeLessThan(10_000);
  });

  test('--out and BENCH_OUT_DIR choose the output directory', () => {
    expect(resolveSettings(['--quick', '--out', '/x'], {}, context).outDir).toBe('/x');
    expect(resolveSettings([], { BENCH_OUT_DIR: '/y' }, context).outDir).toBe('/y');
  });

  test('--only and --profile pick scenarios', () => {
    expect([...(resolveSettings(['--only', '2,4'], {}, context).only ?? [])]).toEqual([2, 4]);
    expect(resolveSettings(['--profile'], {}, context).profile).toBe(2);
    expect(resolveSettings(['--profile', '1'], {}, context).profile).toBe(1);
    expect(resolveSettings(['--profile', '9'], {}, context).profile).toBe(9);
    expect(resolveSettings([], {}, context).profile).toBeUndefined();
  });

  test('no pinning without taskset, on one CPU, or with BENCH_PIN=0', () => {
    expect(resolveSettings([], {}, { ...context, canPin: false }).pinning).toBeUndefined();
    expect(resolveSettings([], {}, { ...context, cpuCount: 1 }).pinning).toBeUndefined();
    expect(resolveSettings([], { BENCH_PIN: '0' }, context).pinning).toBeUndefined();
  });

  test.each([
    [['--fast'], {}],
    [['--out'], {}],
    [['--only', '11'], {}],
    [['--profile', '6'], {}],
    [[], { BENCH_DATABASE: 'drop table; --' }],
    [[], { BENCH_POSTGRES_URL: 'mysql://x' }],
  ])('refuses %j %j', (argv, env) => {
    expect(() => resolveSettings(argv, env, context)).toThrow(BenchSettingsError);
  });
});
