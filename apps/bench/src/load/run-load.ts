import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from '../protocol';
import { percentileOfSorted } from '../stats';

/** Grows a Float64Array as latencies arrive: no per-response allocation on the load generator. */
class LatencyRecorder {
  #values = new Float64Array(65_536);
  #length = 0;

  add(ms: number): void {
    if (this.#length === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2);
      bigger.set(this.#values);
      this.#values = bigger;
    }
    this.#values[this.#length++] = ms;
  }

  sorted(): Float64Array {
    return this.#values.slice(0, this.#length).sort();
  }
}

function requestsOf(spec: LoadSpec): autocannon.Request[] {
  if (spec.createUsers) {
    const { emailPrefix, password } = spec.createUsers;
    let n = 0;
    return [
      {
        method: 'POST',
        path: '/users',
        setupRequest: (request) => {
          n += 1;
          const body = JSON.stringify({ email: `${emailPrefix}${n}@bench.example.com`, password, firstName: 'Flood', lastName: `User ${n}` });
          return { ...request, body };
        },
      },
    ];
  }
  const paths = spec.paths ?? ['/'];
  return paths.map((path) => ({ method: 'GET', path }));
}

/**
 * Runs one autocannon load and summarises it. Latency percentiles come from every response's own
 * timing (autocannon's histogram rounds to whole milliseconds, too coarse for a 1 ms route).
 */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies = new LatencyRecorder();
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.createUsers) headers['content-type'] = 'application/json';
  const started = process.hrtime.bigint();
  return new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.origin,
        connections: spec.connections,
        ...(spec.amount === undefined ? { duration: spec.durationSeconds ?? 5 } : { amount: spec.amount }),
        ...(spec.overallRate === undefined ? {} : { overallRate: spec.overallRate }),
        headers,
        requests: requestsOf(spec),
        // bcrypt at cost 12 queued behind 15 others takes seconds; nothing else comes close.
        timeout: 30,
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) {
          reject(error);
          return;
        }
        const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
        const sorted = latencies.sorted();
        const statusCodes: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(result.statusCodeStats as Record<string, { count: number }>)) {
          if (!code.startsWith('2')) statusCodes[code] = count;
        }
        const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
        resolve({
          label: spec.label,
          durationSeconds: wallSeconds,
          requests,
          ok2xx: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          requestsPerSecond: requests / wallSeconds,
          latencyMs: {
            p50: percentileOfSorted(sorted, 50),
            p90: percentileOfSorted(sorted, 90),
            p99: percentileOfSorted(sorted, 99),
            max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN),
          },
          statusCodes,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.add(responseTime);
    });
  });
}
