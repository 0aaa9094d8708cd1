/** Options of {@link BufferedWriter}. */
export interface BufferedWriterOptions<T> {
  /** Writes one batch; a rejection drops that batch (logged by `onError`), never the process. */
  write: (batch: T[]) => Promise<void>;
  /** Rows per write. */
  batchSize?: number;
  /** Longest a row waits before it is written. */
  flushIntervalMs?: number;
  /**
   * Rows held at most, waiting or in a batch being written; beyond it the newest rows are dropped and
   * counted, so memory stays bounded however long the writes take.
   */
  maxBuffered?: number;
  /** Told about a failed write and how many rows it dropped. */
  onError?: (error: unknown, droppedRows: number) => void;
  /**
   * Told how many rows were refused because the writer was full: at most once per
   * `overflowReportMs` (the first drop is told at once), never once per row, and once more on close.
   */
  onOverflow?: (droppedRows: number) => void;
  /** Shortest time between two `onOverflow` reports. */
  overflowReportMs?: number;
}

/**
 * Collects rows in memory and writes them in batches in the background, so that recording a request
 * never delays or fails the response. `close()` writes what is left (graceful shutdown).
 * @example const w = new BufferedWriter({ write: (rows) => insert(rows) }); w.push(row); await w.close();
 */
export class BufferedWriter<T> {
  private buffer: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  /** Rows taken out of the buffer into batches not yet written: they still take memory. */
  private inFlightRows = 0;
  private closed = false;
  private unreportedOverflow = 0;
  private lastOverflowReport = Number.NEGATIVE_INFINITY;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;
  private readonly overflowReportMs: number;
  /** Rows refused because the writer was full or closed, or because their batch failed. */
  dropped = 0;
  /** Rows refused because the writer was full (part of `dropped`). */
  overflowed = 0;
  /** Rows written successfully. */
  written = 0;
  /** The most rows ever held at once (waiting and in flight). */
  highWater = 0;

  constructor(private readonly options: BufferedWriterOptions<T>) {
    this.batchSize = options.batchSize ?? 200;
    this.flushIntervalMs = options.flushIntervalMs ?? 1_000;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.overflowReportMs = options.overflowReportMs ?? 10_000;
  }

  /** Queues a row; cheap and synchronous. */
  push(row: T): void {
    if (this.closed) {
      this.dropped += 1;
      return;
    }
    if (this.pending >= this.maxBuffered) {
      this.dropped += 1;
      this.overflowed += 1;
      this.unreportedOverflow += 1;
      if (Date.now() - this.lastOverflowReport >= this.overflowReportMs) this.reportOverflow();
      return;
    }
    this.buffer.push(row);
    this.highWater = Math.max(this.highWater, this.pending);
    if (this.buffer.length >= this.batchSize) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs).unref();
  }

  /** Rows not yet written: waiting in the buffer or in a batch being written. */
  get pending(): number {
    return this.buffer.length + this.inFlightRows;
  }

  /** Writes everything queued so far; batches are written one after another, never in parallel. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      this.inFlightRows += batch.length;
      this.inFlight = this.inFlight.then(() => this.writeBatch(batch));
    }
    return this.inFlight;
  }

  /** Stops accepting rows and writes what is left. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.unreportedOverflow > 0) this.reportOverflow();
  }

  private reportOverflow(): void {
    const count = this.unreportedOverflow;
    this.unreportedOverflow = 0;
    this.lastOverflowReport = Date.now();
    this.options.onOverflow?.(count);
  }

  private async writeBatch(batch: T[]): Promise<void> {
    try {
      await this.options.write(batch);
      this.written += batch.length;
    } catch (error) {
      this.dropped += batch.length;
      this.options.onError?.(error, batch.length);
    } finally {
      this.inFlightRows -= batch.length;
    }
  }
}
