import { type CpuProfile, packageOf, renderProfileSummary, summariseCpuProfile } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
const FASTIFY = 'file:///repo/node_modules/.pnpm/fastify@5.12.8/node_modules/fastify/lib/route.js';
const ORM = 'file:///repo/node_modules/.pnpm/@mikro-orm+core@6.6.16/node_modules/@mikro-orm/core/EntityManager.js';

// root → handler (fastify) → findOne (orm) → findOne (recursion) ; root → (idle) ; root → (garbage collector)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
    { id: 2, callFrame: frame('handler', FASTIFY, 10), children: [3] },
    { id: 3, callFrame: frame('findOne', ORM, 99), children: [4] },
    { id: 4, callFrame: frame('findOne', ORM, 99) },
    { id: 5, callFrame: frame('(idle)') },
    { id: 6, callFrame: frame('(garbage collector)') },
  ],
  startTime: 0,
  endTime: 10_000,
  // Each sample lasts until the next one: 1000 µs apart.
  samples: [2, 3, 4, 4, 5, 5, 6, 2],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summariseCpuProfile', () => {
  const summary = summariseCpuProfile(profile);

  test('splits wall time into busy and idle', () => {
    expect(summary.wallMs).toBeCloseTo(8, 6);
    expect(summary.busyMs).toBeCloseTo(6, 6);
  });

  test('merges the nodes of one function and counts recursion once in total time', () => {
    const findOne = summary.topSelf.find((r) => r.functionName === 'findOne');
    expect(findOne).toMatchObject({ area: '@mikro-orm/core', location: '@mikro-orm/core/EntityManager.js:100' });
    expect(findOne?.selfMs).toBeCloseTo(3, 6);
    expect(summary.topTotal.find((r) => r.functionName === 'findOne')?.totalMs).toBeCloseTo(3, 6);
    expect(summary.topTotal.find((r) => r.functionName === 'handler')?.totalMs).toBeCloseTo(5, 6);
  });

  test('leaves idle time out of the function and package tables', () => {
    expect(summary.topSelf.map((r) => r.functionName)).not.toContain('(idle)');
    expect(summary.byArea.map((a) => a.area)).toEqual(['@mikro-orm/core', 'fastify', '(garbage collector)']);
    expect(summary.byArea.reduce((sum, a) => sum + a.share, 0)).toBeCloseTo(1, 6);
  });

  test('charges Node core and native time to the calling package', () => {
    const NODE = 'node:internal/streams/writable';
    const withCore: CpuProfile = {
      ...profile,
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 7] },
        { id: 2, callFrame: frame('handler', FASTIFY, 10), children: [3] },
        { id: 3, callFrame: frame('write', NODE, 5), children: [4] },
        { id: 4, callFrame: frame('writeBuffer') },
        { id: 7, callFrame: frame('parserOnHeadersComplete', 'node:_http_common', 70) },
      ],
      samples: [2, 3, 4, 4, 7],
      timeDeltas: [0, 1000, 1000, 1000, 1000],
    };
    const charged = summariseCpuProfile(withCore);
    expect(Object.fromEntries(charged.byCaller.map((a) => [a.area, a.selfMs]))).toEqual({ fastify: 4, 'node core': 1 });
    expect(Object.fromEntries(charged.byArea.map((a) => [a.area, a.selfMs]))).toEqual({ fastify: 1, 'node core': 2, native: 2 });
  });

  test('renders Markdown tables naming the functions', () => {
    const markdown = renderProfileSummary(summary);
    expect(markdown).toContain('| @mikro-orm/core | 3.0 | 50.0% |');
    expect(markdown).toContain('`findOne`');
  });
});

describe('packageOf', () => {
  test.each([
    [FASTIFY, 'x', 'fastify'],
    [ORM, 'x', '@mikro-orm/core'],
    ['file:///work/main/apps/api/dist/plugins/orm.js', 'x', '@eventlead/api'],
    ['node:internal/streams/writable', 'x', 'node core'],
    ['', '(garbage collector)', '(garbage collector)'],
    ['', 'writev', 'native'],
  ])('%s → %s', (url, name, expected) => {
    expect(packageOf(url, name)).toBe(expected);
  });
});
