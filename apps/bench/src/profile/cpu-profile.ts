/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) the summary reads. */
export interface CpuProfile {
  /** The call-tree nodes, each a function at one call site with its children's ids. */
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
    children?: number[];
  }[];
  /** When profiling started, microseconds (V8's clock). */
  startTime: number;
  /** When profiling ended, microseconds (V8's clock). */
  endTime: number;
  /** The node id on top of the stack at each sample. */
  samples?: number[];
  /** Microseconds between one sample and the previous one. */
  timeDeltas?: number[];
}

/** One function's time. */
export interface FunctionTime {
  /** The function's name (`(anonymous)` for unnamed ones). */
  functionName: string;
  /** Where it lives: `package path:line`, shortened. */
  location: string;
  /** Package or area the function belongs to (see {@link packageOf}). */
  area: string;
  /** Time with the function on top of the stack, milliseconds. */
  selfMs: number;
  /** Time with the function anywhere on the stack, milliseconds. */
  totalMs: number;
}

/** Self time of one package or area. */
export interface AreaTime {
  /** The package or area. */
  area: string;
  /** Its functions' self time, milliseconds. */
  selfMs: number;
  /** Its share of the busy time, 0 to 1. */
  share: number;
}

/** What {@link summariseCpuProfile} finds. */
export interface ProfileSummary {
  /** Sampled wall time. */
  wallMs: number;
  /** Time the process was busy: wall minus `(idle)`. */
  busyMs: number;
  /** The functions with the most self time, most first. */
  topSelf: FunctionTime[];
  /** The functions with the most total time, most first. */
  topTotal: FunctionTime[];
  /** Self time by package or area, most first. */
  byArea: AreaTime[];
  /**
   * Self time by package with the time of Node's core and native functions charged to the package
   * that called them (the nearest package frame above them on the stack): pino's share then includes
   * the stream writes it makes, fastify's the header writes. What runs with no package above it (HTTP
   * parsing, the event loop) stays `node core` / `native`.
   */
  byCaller: AreaTime[];
}

const SPECIAL = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/**
 * The package or area a script URL belongs to: `fastify`, `@mikro-orm/core`, `@eventlead/api`,
 * `node core`, `native`, or the special V8 entries (`(garbage collector)`, `(program)`, `(idle)`).
 * @example packageOf('file:///repo/node_modules/.pnpm/fastify@5.1.0/node_modules/fastify/lib/route.js', 'x') // 'fastify'
 */
export function packageOf(url: string, functionName: string): string {
  if (url === '') return SPECIAL.has(functionName) ? functionName : 'native';
  if (url.startsWith('node:')) return 'node core';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    const [first, second] = rest;
    if (first === undefined) return 'other';
    return first.startsWith('@') && second !== undefined ? `${first}/${second}` : first;
  }
  const workspace = /\/(apps|packages|tooling)\/([^/]+)\//.exec(path);
  if (workspace?.[2] !== undefined) return `@eventlead/${workspace[2]}`;
  return 'other';
}

function shortLocation(url: string, line: number): string {
  if (url === '') return '';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  let short = nm >= 0 ? path.slice(nm + '/node_modules/'.length) : path;
  const workspace = /\/((?:apps|packages|tooling)\/.*)$/.exec(short);
  if (nm < 0 && workspace?.[1] !== undefined) short = workspace[1];
  return `${short}:${line + 1}`;
}

/**
 * Self and total (inclusive) time per function and self time per package, from the samples of a
 * `.cpuprofile`. A sample's duration is the gap to the next sample. Total time counts a function once
 * per sample even when it recurses.
 */
export function summariseCpuProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const keyOf = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    return frame === undefined ? '?' : `${frame.functionName}\u0000${frame.url}\u0000${frame.lineNumber}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const frames = new Map<string, CpuProfile['nodes'][number]['callFrame']>();
  let wallUs = 0;
  let idleUs = 0;
  const meanDelta = deltas.length > 1 ? deltas.slice(1).reduce((a, b) => a + b, 0) / (deltas.length - 1) : 0;

  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? 0;
    const duration = i + 1 < deltas.length ? (deltas[i + 1] ?? 0) : meanDelta;
    wallUs += duration;
    const node = byId.get(id);
    if (node === undefined) continue;
    if (node.callFrame.functionName === '(idle)') idleUs += duration;
    const key = keyOf(id);
    frames.set(key, node.callFrame);
    self.set(key, (self.get(key) ?? 0) + duration);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = keyOf(at);
      if (seen.has(k)) continue;
      seen.add(k);
      const frame = byId.get(at)?.callFrame;
      if (frame !== undefined) frames.set(k, frame);
      total.set(k, (total.get(k) ?? 0) + duration);
    }
  }

  const row = (key: string): FunctionTime => {
    const frame = frames.get(key) ?? { functionName: '?', url: '', lineNumber: 0 };
    return {
      functionName: frame.functionName === '' ? '(anonymous)' : frame.functionName,
      location: shortLocation(frame.url, frame.lineNumber),
      area: packageOf(frame.url, frame.functionName),
      selfMs: (self.get(key) ?? 0) / 1000,
      totalMs: (total.get(key) ?? 0) / 1000,
    };
  };
  // The area each node's self time is charged to by caller (memoised: a node's answer is its own
  // package, or else its parent's answer).
  const callerArea = new Map<number, string>();
  const chargedTo = (id: number): string => {
    const known = callerArea.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    const own = frame === undefined ? 'native' : packageOf(frame.url, frame.functionName);
    let area = own;
    if (own === 'node core' || own === 'native') {
      const up = parent.get(id);
      const above = up === undefined ? own : chargedTo(up);
      area = above === '(root)' || above === '(program)' || above === '(idle)' || above === '(garbage collector)' ? own : above;
    }
    callerArea.set(id, area);
    return area;
  };
  const callers = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? 0;
    const node = byId.get(id);
    if (node === undefined || node.callFrame.functionName === '(idle)') continue;
    const duration = i + 1 < deltas.length ? (deltas[i + 1] ?? 0) : meanDelta;
    const area = chargedTo(id);
    callers.set(area, (callers.get(area) ?? 0) + duration);
  }

  const busyUs = wallUs - idleUs;
  const notSpecial = (key: string) => !SPECIAL.has(frames.get(key)?.functionName ?? '') || frames.get(key)?.url !== '';
  const topSelf = [...self.keys()].filter((k) => frames.get(k)?.functionName !== '(idle)').map(row).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  const topTotal = [...total.keys()].filter(notSpecial).map(row).sort((a, b) => b.totalMs - a.totalMs).slice(0, top);

  const areas = new Map<string, number>();
  for (const [key, us] of self) {
    const frame = frames.get(key);
    if (frame === undefined || frame.functionName === '(idle)') continue;
    const area = packageOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const byArea = [...areas.entries()]
    .map(([area, us]) => ({ area, selfMs: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);

  const byCaller = [...callers.entries()]
    .map(([area, us]) => ({ area, selfMs: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);

  return { wallMs: wallUs / 1000, busyMs: busyUs / 1000, topSelf, topTotal, byArea, byCaller };
}

const f1 = (n: number) => n.toFixed(1);

/** Markdown tables of a {@link ProfileSummary}. */
export function renderProfileSummary(summary: ProfileSummary): string {
  const share = (ms: number) => (summary.busyMs > 0 ? `${f1((ms / summary.busyMs) * 100)}%` : 'n/a');
  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  const lines = [
    `Sampled ${f1(summary.wallMs / 1000)} s, busy ${f1(summary.busyMs / 1000)} s (shares below are of busy time).`,
    '',
    '**Self time by package**',
    '',
    '| package / area | self ms | share |',
    '| --- | ---: | ---: |',
    ...summary.byArea.map((a) => `| ${a.area} | ${f1(a.selfMs)} | ${f1(a.share * 100)}% |`),
    '',
    '**Top functions by self time**',
    '',
    '| # | function | where | self ms | self | total |',
    '| ---: | --- | --- | ---: | ---: | ---: |',
    ...summary.topSelf.map((r, i) => `| ${i + 1} | ${code(r.functionName)} | ${r.location === '' ? r.area : code(r.location)} | ${f1(r.selfMs)} | ${share(r.selfMs)} | ${share(r.totalMs)} |`),
    '',
    '**Top functions by total (inclusive) time**',
    '',
    '| # | function | where | total ms | total |',
    '| ---: | --- | --- | ---: | ---: |',
    ...summary.topTotal.map((r, i) => `| ${i + 1} | ${code(r.functionName)} | ${r.location === '' ? r.area : code(r.location)} | ${f1(r.totalMs)} | ${share(r.totalMs)} |`),
    '',
  ];
  return lines.join('\n');
}

/** One side of a {@link renderProfileComparison}: a profile summary and the requests served while it was recorded. */
export interface ProfiledSide {
  /** Names the side in the comparison. */
  readonly label: string;
  /** The summary of its profile. */
  readonly summary: ProfileSummary;
  /** Requests served while the profile was recorded. */
  readonly requests: number;
}

/**
 * Markdown tables comparing two profiles of the same load per request: sampled busy microseconds per
 * request by package (self time, and with Node core and native time charged to the calling package),
 * largest difference first, and each side's top functions by self time per request.
 */
export function renderProfileComparison(ours: ProfiledSide, baseline: ProfiledSide, top = 25): string {
  const perRequest = (ms: number, side: ProfiledSide) => (side.requests > 0 ? (ms * 1000) / side.requests : Number.NaN);
  const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  const compare = (pick: (summary: ProfileSummary) => AreaTime[]) => {
    const areas = new Set([...pick(ours.summary).map((a) => a.area), ...pick(baseline.summary).map((a) => a.area)]);
    const rows = [...areas].map((area) => {
      const a = perRequest(pick(ours.summary).find((x) => x.area === area)?.selfMs ?? 0, ours);
      const b = perRequest(pick(baseline.summary).find((x) => x.area === area)?.selfMs ?? 0, baseline);
      return { area, a, b, difference: a - b };
    });
    rows.sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference));
    const busyA = perRequest(ours.summary.busyMs, ours);
    const busyB = perRequest(baseline.summary.busyMs, baseline);
    return [
      `| package / area | ${ours.label} µs/req | ${baseline.label} µs/req | difference |`,
      '| --- | ---: | ---: | ---: |',
      `| **busy (all)** | **${f2(busyA)}** | **${f2(busyB)}** | **${f2(busyA - busyB)}** |`,
      ...rows.filter((r) => Math.abs(r.difference) >= 0.05 || r.a >= 0.5 || r.b >= 0.5).map((r) => `| ${r.area} | ${f2(r.a)} | ${f2(r.b)} | ${f2(r.difference)} |`),
    ];
  };
  const topOf = (side: ProfiledSide) => [
    `**Top functions of ${side.label} by self time** (µs per request)`,
    '',
    '| # | function | where | self µs/req | total µs/req |',
    '| ---: | --- | --- | ---: | ---: |',
    ...side.summary.topSelf
      .slice(0, top)
      .map((r, i) => `| ${i + 1} | ${code(r.functionName)} | ${r.location === '' ? r.area : code(r.location)} | ${f2(perRequest(r.selfMs, side))} | ${f2(perRequest(r.totalMs, side))} |`),
    '',
  ];
  return [
    '**By package, Node core and native time charged to the calling package** (sampled main-thread busy time per request)',
    '',
    ...compare((s) => s.byCaller),
    '',
    '**By package, self time only** (Node core and native functions on their own lines)',
    '',
    ...compare((s) => s.byArea),
    '',
    ...topOf(ours),
    ...topOf(baseline),
  ].join('\n');
}
