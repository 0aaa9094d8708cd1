/** Options of {@link BufferedWriter}. */
export interface BufferedWriterOptions<T> {
  /** Writes one batch; a rejection drops that batch (logged by `onError`), never the process. */
  write: (batch: T[]) => Promise<void>;
  /** Rows per write. */
  batchSize?: number;
  /** Longest a row waits before it is written. */
  flushIntervalMs?: number;
  /** Rows held at most; beyond it the newest rows are dropped and counted, so memory stays bounded. */
  maxBuffered?: number;
  onError?: (error: unknown, droppedRows: number) => void;
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
  private closed = false;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;
  /** Rows refused because the buffer was full or their batch failed. */
  dropped = 0;
  /** Rows written successfully. */
  written = 0;

  constructor(private readonly options: BufferedWriterOptions<T>) {
    this.batchSize = options.batchSize ?? 200;
    this.flushIntervalMs = options.flushIntervalMs ?? 1_000;
    this.maxBuffered = options.maxBuffered ?? 10_000;
  }

  /** Queues a row; cheap and synchronous. */
  push(row: T): void {
    if (this.closed || this.buffer.length >= this.maxBuffered) {
      this.dropped += 1;
      return;
    }
    this.buffer.push(row);
    if (this.buffer.length >= this.batchSize) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs).unref();
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Writes everything queued so far; batches are written one after another, never in parallel. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      this.inFlight = this.inFlight.then(() => this.writeBatch(batch));
    }
    return this.inFlight;
  }

  /** Stops accepting rows and writes what is left. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private async writeBatch(batch: T[]): Promise<void> {
    try {
      await this.options.write(batch);
      this.written += batch.length;
    } catch (error) {
      this.dropped += batch.length;
      this.options.onError?.(error, batch.length);
    }
  }
}
