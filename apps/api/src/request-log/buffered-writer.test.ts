import { BufferedWriter } from './buffered-writer';

describe('BufferedWriter', () => {
  test('writes in batches of batchSize and everything on close', async () => {
    const batches: number[][] = [];
    const writer = new BufferedWriter<number>({ write: (b) => { batches.push(b); return Promise.resolve(); }, batchSize: 3, flushIntervalMs: 60_000 });
    for (let i = 0; i < 7; i++) writer.push(i);
    await writer.close();
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(writer.written).toBe(7);
    expect(writer.pending).toBe(0);
  });

  test('bounds memory: rows beyond maxBuffered are dropped and counted', async () => {
    const written: number[] = [];
    const writer = new BufferedWriter<number>({ write: (b) => { written.push(...b); return Promise.resolve(); }, batchSize: 100, maxBuffered: 5, flushIntervalMs: 60_000 });
    for (let i = 0; i < 8; i++) writer.push(i);
    expect(writer.pending).toBe(5);
    expect(writer.dropped).toBe(3);
    await writer.close();
    expect(written).toEqual([0, 1, 2, 3, 4]);
  });

  test('rows in batches being written count against maxBuffered: a stuck write bounds the writer, drops are reported, not per row', async () => {
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => { release = resolve; });
    const reports: number[] = [];
    const writer = new BufferedWriter<number>({
      write: () => stuck,
      batchSize: 10,
      maxBuffered: 25,
      flushIntervalMs: 60_000,
      overflowReportMs: 60_000,
      onOverflow: (n) => reports.push(n),
    });
    for (let i = 0; i < 1_000; i++) writer.push(i);
    expect(writer.pending).toBe(25);
    expect(writer.highWater).toBe(25);
    expect(writer.overflowed).toBe(975);
    expect(writer.dropped).toBe(975);
    expect(reports).toEqual([1]); // the first drop at once, the rest held back for the next report
    release();
    await writer.close();
    expect(writer.written).toBe(25);
    expect(writer.pending).toBe(0);
    expect(reports).toEqual([1, 974]);
  });

  test('a failing write is reported and does not stop later batches', async () => {
    const errors: number[] = [];
    let calls = 0;
    const writer = new BufferedWriter<number>({
      write: () => (++calls === 1 ? Promise.reject(new Error('db down')) : Promise.resolve()),
      batchSize: 2,
      flushIntervalMs: 60_000,
      onError: (_e, n) => errors.push(n),
    });
    for (let i = 0; i < 4; i++) writer.push(i);
    await writer.close();
    expect(errors).toEqual([2]);
    expect(writer.written).toBe(2);
    expect(writer.dropped).toBe(2);
  });

  test('rows pushed after close are refused', async () => {
    const writer = new BufferedWriter<number>({ write: () => Promise.resolve() });
    await writer.close();
    writer.push(1);
    expect(writer.dropped).toBe(1);
  });
});
