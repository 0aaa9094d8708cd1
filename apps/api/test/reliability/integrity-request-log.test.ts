import { holdLock } from './support/lock-holder';
import { describeReliability } from './support/harness';

const MAX_BUFFERED = 50;
const FLOOD = 600;

describeReliability(
  'integrity: request log bounded',
  (get) => {
    test(`with log.ApiRequest locked, a flood of ${FLOOD} 404s keeps the writer at ${MAX_BUFFERED} rows at most (in-flight batches included); the rest are dropped, counted and logged, not per row`, async () => {
      const c = get();
      const app = await c.buildExtraApp({ requestLog: { maxBuffered: MAX_BUFFERED, flushIntervalMs: 5 } });
      const writer = app.requestLog.requests;
      const lock = await holdLock(c.orm, [{ sql: 'lock table "log"."ApiRequest" in exclusive mode' }]);
      try {
        const concurrency = 10;
        let sent = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async (_, worker) => {
            for (let i = worker; i < FLOOD; i += concurrency) {
              const res = await c.call({ method: 'GET', url: `/flood/${i}` }, { app });
              expect(res.statusCode).toBe(404);
              sent += 1;
            }
          }),
        );
        expect(sent).toBe(FLOOD);
        expect(writer.written).toBe(0); // the table is locked: nothing could be written
        expect(writer.pending).toBeLessThanOrEqual(MAX_BUFFERED);
        expect(writer.highWater).toBeLessThanOrEqual(MAX_BUFFERED);
        expect(writer.overflowed).toBeGreaterThanOrEqual(FLOOD - MAX_BUFFERED);
        expect(writer.pending + writer.dropped).toBe(FLOOD);
        const reports = c.logs.filter((line) => line.includes('log.ApiRequest writer full'));
        expect(reports.length).toBeGreaterThanOrEqual(1);
        expect(reports.length).toBeLessThanOrEqual(3);
        expect(reports[0]).toMatch(/"level":40/);
      } finally {
        await lock.release();
      }
      const held = writer.pending;
      await writer.flush();
      expect(writer.written).toBe(held);
      expect(writer.pending).toBe(0);
    }, 60_000);
  },
  // PGlite serves one connection: nothing else can hold a lock there.
  { databases: ['postgresql'] },
);
