import type { AskMessage, ChildMessage, QuestionName, Questions, StartMessage } from '../protocol';

/** Answers to the questions a child supports; unsupported ones are answered with an error. */
export type QuestionHandlers = {
  [Q in QuestionName]?: (arg: Questions[Q]['arg']) => Promise<Questions[Q]['answer']> | Questions[Q]['answer'];
};

function send(message: ChildMessage): void {
  process.send?.(message);
}

function isAsk(message: unknown): message is AskMessage {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'ask';
}

/**
 * Makes this process a bench child: it answers the parent's questions over IPC and exits when the
 * parent goes away (so a killed bench never leaves servers behind).
 */
export function serveQuestions(handlers: QuestionHandlers): void {
  if (!process.send) throw new Error('This script is started by the bench (it needs an IPC channel).');
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: unknown) => {
    if (!isAsk(message)) return;
    const handler = handlers[message.question] as ((arg: unknown) => unknown) | undefined;
    if (handler === undefined) {
      send({ kind: 'reply', id: message.id, ok: false, error: `${message.question} is not supported here` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message.arg))
      .then(
        (value) => {
          send({ kind: 'reply', id: message.id, ok: true, value: value ?? null });
        },
        (error: unknown) => {
          send({ kind: 'reply', id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        },
      );
  });
}

/** Tells the parent the child serves (or could not start). */
export function reportStart(message: StartMessage): void {
  send(message);
}

/** Milliseconds since this process started (the clock the start-up phases use). */
export function sinceProcessStart(): number {
  return performance.now();
}

/**
 * Runs a child's `main`, reporting a start-up failure to the parent and exiting non-zero.
 */
export function runChild(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    reportStart({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  });
}
