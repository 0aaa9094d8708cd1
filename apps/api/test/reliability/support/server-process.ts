import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const API_DIR = join(__dirname, '..', '..', '..');
/** The compiled server the suite starts, as production does. */
export const SERVER_JS = join(API_DIR, 'dist', 'server.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds `dist/` when it is missing or older than `src/` (turbo runs tests after the dependencies'
 * build, not this package's own), so the process under test is the code under test.
 */
export function ensureServerBuilt(): void {
  let built = 0;
  try {
    built = statSync(SERVER_JS).mtimeMs;
  } catch {
    built = 0;
  }
  if (built >= newestMtime(join(API_DIR, 'src'))) return;
  const tsc = require.resolve('typescript/bin/tsc', { paths: [API_DIR] });
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: API_DIR, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`building the API failed:\n${result.stdout}${result.stderr}`);
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

/** `promise`'s value, or 'hung' when it takes longer than `ms` (the timer is cleared either way). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<'hung'>((resolve) => {
        timer = setTimeout(() => {
          resolve('hung');
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A started `node dist/server.js`. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** Every line the process wrote (stdout and stderr). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `predicate` holds for the lines so far (polled), rejects after `timeoutMs`. */
  waitFor(predicate: (lines: readonly string[]) => boolean, timeoutMs: number, what: string): Promise<void>;
  /** Kills the process if it still runs (SIGKILL) and waits for it. */
  stop(): Promise<void>;
}

/** Starts the compiled API with `env` (nothing else of this process's environment but PATH). */
export function startServer(env: Record<string, string>, port: number): ServerProcess {
  const child = spawn(process.execPath, [SERVER_JS], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: 'pipe',
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l !== ''));
    });
    stream.on('end', () => {
      if (rest !== '') lines.push(rest);
    });
  }
  let status: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      status = { code, signal };
      resolve(status);
    });
  });
  return {
    child,
    port,
    lines,
    exited,
    async waitFor(predicate, timeoutMs, what) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(lines)) {
        if (status !== undefined) throw new Error(`the server exited (${JSON.stringify(status)}) while waiting for ${what}:\n${lines.slice(-20).join('\n')}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${lines.slice(-20).join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (status === undefined) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** What a real HTTP request got: a response, or the socket error instead. */
export interface HttpOutcome {
  status?: number;
  headers?: IncomingHttpHeaders;
  body?: string;
  error?: string;
  ms: number;
}

/** One HTTP request over a real socket; never rejects (errors are part of the outcome). */
export function send(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; agent?: Agent | false; timeoutMs?: number },
): Promise<HttpOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers, agent: options.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started });
        });
        res.on('error', (e: NodeJS.ErrnoException) => {
          resolve({ error: e.code ?? e.message, ms: Date.now() - started });
        });
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => {
      resolve({ error: e.code ?? e.message, ms: Date.now() - started });
    });
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
