import type { Deadline } from '@eventlead/db';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { addRouteHook } from './route-hooks';

/** Options of {@link deadlinePlugin}. */
export interface DeadlinePluginOptions {
  /** The deadline of every route that uses the database, in milliseconds (`REQUEST_TIMEOUT_MS`). */
  requestTimeoutMs: number;
}

// fastify keeps the listener that aborts the request's signal (and clears the deadline timer) under a
// private symbol; found once by its description, so a fastify that renames it just leaves the fix off.
let onAbortSymbol: symbol | null | undefined;
function abortListenerOf(request: FastifyRequest): (() => void) | undefined {
  if (onAbortSymbol === undefined) {
    onAbortSymbol = Object.getOwnPropertySymbols(request).find((s) => s.description === 'fastify.request.onAbort') ?? null;
  }
  if (onAbortSymbol === null) return undefined;
  const listener = (request as unknown as Record<symbol, unknown>)[onAbortSymbol];
  return typeof listener === 'function' ? (listener as () => void) : undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * When this request's work must be over: its signal (fired when the client goes away or the
     * deadline passes) and the time `handlerTimeout` answers 503. Set in `onRequest` on every route
     * that uses the database; undefined on the others (`GET /health`).
     */
    readonly deadline: Deadline | undefined;
  }
}

/**
 * A request's deadline. The signal is read only when the database layer asks for it: Node creates an
 * AbortController's signal on first access, and a request that runs no transaction need not pay for
 * one. A class rather than an object literal with a getter per request.
 */
class RequestDeadline implements Deadline {
  constructor(
    private readonly request: FastifyRequest,
    readonly expiresAt: number,
  ) {}
  get signal(): AbortSignal {
    return this.request.signal;
  }
}

// The requests the deadline answered (the error handler notes them as it answers the 503).
const answeredByDeadlines = new WeakSet<FastifyRequest>();

/**
 * Records that `request` was answered by its deadline: fastify's `handlerTimeout` fired and the error
 * handler is answering its 503 (synchronously, from the timer, before any later step of the handler
 * runs). Called by `errorHandlerPlugin` only.
 */
export function noteAnsweredByDeadline(request: FastifyRequest): void {
  answeredByDeadlines.add(request);
}

/**
 * Whether `request` was answered by its deadline (fastify's `handlerTimeout` 503) rather than by its
 * handler. A set lookup: it runs on every access to `request.em` and after every handler, and must not
 * read the request's signal, which Node creates on first access (an AbortSignal per request).
 */
export function answeredByDeadline(request: FastifyRequest): boolean {
  return answeredByDeadlines.has(request);
}

/** Notes, once, that the handler settled after the deadline's answer (`outcome`: 'result' or the error's name). */
function noteAbandoned(request: FastifyRequest, outcome: string): void {
  request.log.debug({ lateOutcome: outcome }, "the request's work was abandoned after its deadline answered 503");
}

/**
 * `handler`, except that what it settles with after the deadline has answered is dropped with one
 * debug line. fastify logs a handler's rejection after the answer as an error with its stack
 * ("Promise errored, but reply.sent = true was set") and a late result as a warning ("Reply was
 * already sent"); after a deadline both are expected (the unit of work refuses the database from
 * then on, see `ormPlugin`), so they are not errors. A rejection after an answer sent for any other
 * reason still reaches fastify's error line.
 */
function abandonLateOutcome(handler: RouteHandlerMethod): RouteHandlerMethod {
  return function handleUnderDeadline(this: FastifyInstance, request, reply) {
    const result: unknown = handler.call(this, request, reply);
    if (typeof (result as PromiseLike<unknown> | undefined)?.then !== 'function') return result;
    // Resolving with undefined once the reply is sent: fastify then neither sends nor logs anything.
    return (result as PromiseLike<unknown>).then(
      (value) => {
        if (!answeredByDeadline(request)) return value;
        noteAbandoned(request, 'result');
        return undefined;
      },
      (error: unknown) => {
        if (!answeredByDeadline(request)) throw error;
        noteAbandoned(request, error instanceof Error ? error.name : typeof error);
        return undefined;
      },
    );
  };
}

/**
 * The request deadline of every route that uses the database (`handlerTimeout`, answered 503 by the
 * error handler), made to hold for requests with a body, and handed to the database layer.
 *
 * fastify 5.12 arms the deadline with `req.on('close', onAbort)` on the IncomingMessage, taking its
 * `close` for a client disconnect. Node emits `close` on an IncomingMessage as soon as its body has
 * been read (autoDestroy), so for every POST/PATCH the timer was cleared and `request.signal` aborted
 * right after body parsing: the deadline never fired and the signal said "aborted" for the whole
 * handler (upstream: fastify/fastify#6725). Here, before the body is read, that listener moves to the
 * response's `close`, which Node emits on a finished response or a lost connection; only the second
 * (`!writableFinished`) is a disconnect.
 *
 * The request's signal and the time it expires become `request.deadline`, which `requestContextPlugin`
 * records on the request's unit of work (`setDeadline` of @eventlead/db), so every `transactional` of
 * the request sets the server-side statement and lock timeouts to the time left, and rolls back
 * instead of committing once the deadline has passed. No `AsyncLocalStorage` carries it: on Node 20
 * each enabled one costs every promise of every request.
 *
 * Once the deadline has answered, the handler's work is abandoned: `request.em` refuses further
 * database access, and what the handler settles with later is dropped with a debug line instead of
 * being logged as an error ({@link abandonLateOutcome}).
 */
export const deadlinePlugin = fp<DeadlinePluginOptions>(
  (app: FastifyInstance, { requestTimeoutMs }, done) => {
    // One hook per deadline length, resolved when the route is added (reading `request.routeOptions`
    // per request builds a new object each time in fastify 5).
    const hooks = new Map<number, onRequestHookHandler>();
    const armDeadline = (timeoutMs: number): onRequestHookHandler => {
      const existing = hooks.get(timeoutMs);
      if (existing !== undefined) return existing;
      const hook: onRequestHookHandler = function armDeadline(request, reply, next) {
        // fastify started the timer, and the reply's clock (`elapsedTime`), when it routed the request,
        // before the instance's own onRequest hooks (the rate limiter, which may wait on Redis): the
        // deadline counts from then, not from this route-level hook.
        (request as { deadline: Deadline | undefined }).deadline = new RequestDeadline(request, Date.now() - reply.elapsedTime + timeoutMs);
        const onAbort = abortListenerOf(request);
        if (onAbort !== undefined && request.raw.listenerCount('close', onAbort) > 0) {
          request.raw.removeListener('close', onAbort);
          reply.raw.once('close', () => {
            if (!reply.raw.writableFinished) onAbort();
          });
        }
        next();
      };
      hooks.set(timeoutMs, hook);
      return hook;
    };
    app.decorateRequest('deadline', undefined);
    // Per route, because fastify arms a timer and an AbortController for each request of a route that
    // has a deadline, and `GET /health` needs none.
    app.addHook('onRoute', (route) => {
      if (route.config?.database === 'none') return;
      route.handlerTimeout ??= requestTimeoutMs;
      addRouteHook(route, 'onRequest', armDeadline(route.handlerTimeout));
      route.handler = abandonLateOutcome(route.handler);
    });
    done();
  },
  { name: 'eventlead-deadline', fastify: '5.x' },
);
