import { type ChildProcess, spawn } from 'node:child_process';
import type { ChildMessage, QuestionName, Questions, StartupPhases } from '../protocol';

/** How to start a child. */
export interface ChildOptions {
  /** Shown in errors. */
  name: string;
  /** Compiled script to run with node. */
  script: string;
  /** The child's environment (default: the bench's own). */
  env?: NodeJS.ProcessEnv;
  /** Extra node flags (`--expose-gc`, `--cpu-prof`...). */
  nodeArgs?: string[];
  /** Pin the process (all its threads) to this CPU with taskset. */
  cpu?: number;
  /** Send the child's stdout (a server's log lines) to /dev/null instead of the bench's output. */
  discardStdout?: boolean;
  /** Give up on a child that has not reported ready by then. */
  startTimeoutMs?: number;
}

/** A running child that has reported ready. */
export interface ChildHandle {
  /** The name given in {@link ChildOptions}, shown in errors. */
  readonly name: string;
  /** The child's process id. */
  readonly pid: number;
  /** Listening port (0 for the load generator). */
  readonly port: number;
  /** How long the child's start-up steps took. */
  readonly phases: StartupPhases;
  /**
   * Asks the child one of {@link Questions} and resolves with its answer; rejects on an error reply, when the
   * child exits, or after `timeoutMs` (default 10 minutes).
   */
  ask<Q extends QuestionName>(question: Q, arg: Questions[Q]['arg'], timeoutMs?: number): Promise<Questions[Q]['answer']>;
  /** Asks the child to close and exit; kills it if it has not exited in time. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every child still running (SIGKILL): for failures, SIGINT and process exit. */
export function killAllChildren(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}

/** How many children are still running (0 after a clean run). */
export function runningChildren(): number {
  return running.size;
}

process.on('exit', killAllChildren);

/** Spawns a node script with an IPC channel, optionally pinned to a CPU, without waiting for it. */
export function spawnChild(options: ChildOptions): ChildProcess {
  const nodeArgs = [...(options.nodeArgs ?? []), options.script];
  const [command, args] =
    options.cpu === undefined ? [process.execPath, nodeArgs] : ['taskset', ['--cpu-list', String(options.cpu), process.execPath, ...nodeArgs]];
  const child = spawn(command, args, { stdio: ['ignore', options.discardStdout ? 'ignore' : 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...options.env } });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Wraps a spawned child: waits for its ready message, then answers questions. */
export function attachChild(child: ChildProcess, options: ChildOptions): Promise<ChildHandle> {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  let nextId = 1;
  const failAll = (error: Error) => {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    pending.clear();
  };

  return new Promise<ChildHandle>((resolve, reject) => {
    const startTimer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start within ${options.startTimeoutMs ?? 60_000} ms`));
    }, options.startTimeoutMs ?? 60_000);

    child.once('exit', (code, signal) => {
      clearTimeout(startTimer);
      const error = new Error(`${options.name} exited (code ${String(code)}, signal ${String(signal)})`);
      failAll(error);
      reject(error);
    });
    child.once('error', (error) => {
      clearTimeout(startTimer);
      reject(error);
    });

    child.on('message', (raw: unknown) => {
      const message = raw as ChildMessage;
      if (message.kind === 'failed') {
        clearTimeout(startTimer);
        reject(new Error(`${options.name} failed to start: ${message.error}`));
        return;
      }
      if (message.kind === 'ready') {
        clearTimeout(startTimer);
        const pid = child.pid ?? -1;
        resolve({
          name: options.name,
          pid,
          port: message.port,
          phases: message.phases,
          ask: <Q extends QuestionName>(question: Q, arg: Questions[Q]['arg'], timeoutMs = 600_000) =>
            new Promise<Questions[Q]['answer']>((resolveAsk, rejectAsk) => {
              const id = nextId++;
              const timer = setTimeout(() => {
                pending.delete(id);
                rejectAsk(new Error(`${options.name} did not answer ${question} within ${timeoutMs} ms`));
              }, timeoutMs);
              pending.set(id, { resolve: resolveAsk as (value: unknown) => void, reject: rejectAsk, timer });
              child.send({ kind: 'ask', id, question, arg: arg ?? null });
            }),
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null && child.connected) {
              const id = nextId++;
              child.send({ kind: 'ask', id, question: 'stop', arg: null });
            }
            if (!(await waitForExit(child, 10_000))) {
              child.kill('SIGKILL');
              await waitForExit(child, 5_000);
            }
          },
        });
        return;
      }
      const waiter = pending.get(message.id);
      if (waiter === undefined) return;
      pending.delete(message.id);
      clearTimeout(waiter.timer);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(`${options.name}: ${message.error}`));
    });
  });
}

/**
 * Starts a bench child and resolves once it reports ready.
 * @example const api = await startChild({ name: 'api', script, env, cpu: 1, nodeArgs: ['--expose-gc'] });
 */
export function startChild(options: ChildOptions): Promise<ChildHandle> {
  return attachChild(spawnChild(options), options);
}
