import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

type RouteHookName = 'onRequest' | 'preParsing' | 'onResponse' | 'onRequestAbort';
/** One hook function of the stage (a route option holds one or an array). */
type RouteHook<Stage extends RouteHookName> = Extract<NonNullable<RouteOptions[Stage]>, (...args: never[]) => unknown>;

/**
 * Adds a lifecycle hook to one route from an `onRoute` hook. A plugin that needs a hook only on some
 * routes adds it this way instead of with `app.addHook`: fastify skips a lifecycle stage that has no
 * hooks, so the other routes (`GET /health`) pay nothing for it.
 */
export function addRouteHook<Stage extends RouteHookName>(route: RouteOptions, name: Stage, hook: RouteHook<Stage>): void {
  const existing = route[name] as RouteHook<Stage> | RouteHook<Stage>[] | undefined;
  const hooks: RouteHook<Stage>[] = existing === undefined ? [] : Array.isArray(existing) ? [...existing] : [existing];
  hooks.push(hook);
  route[name] = hooks as RouteOptions[Stage];
}

// fastify keeps a request's route context (whose `config` is the route's `config`) under a private
// symbol; found once by its description on the first request. A fastify that renames it falls back to
// the public `request.routeOptions`.
let routeContextSymbol: symbol | null | undefined;

/**
 * The `config` of the route serving `request` (the not-found handler's for a 404), for hooks that run
 * on every route. Same object as `request.routeOptions.config`, without its cost: in fastify 5 the
 * `routeOptions` getter builds a new object of 13 properties on every access (and asks the router
 * whether a version constraint is in use).
 */
export function routeConfigOf(request: FastifyRequest): FastifyContextConfig {
  if (routeContextSymbol === undefined) {
    routeContextSymbol = Object.getOwnPropertySymbols(request).find((s) => s.description === 'fastify.context') ?? null;
  }
  if (routeContextSymbol !== null) {
    const context = (request as unknown as Record<symbol, { config?: FastifyContextConfig } | undefined>)[routeContextSymbol];
    if (context?.config !== undefined) return context.config;
  }
  return request.routeOptions.config;
}

/** One synchronous step of the app's single `onSend` hook (see {@link addSendStep}). */
export type SendStep = (request: FastifyRequest, reply: FastifyReply, config: FastifyContextConfig) => void;

const sendSteps = new WeakMap<FastifyInstance, SendStep[]>();

/**
 * Adds a synchronous step to the one `onSend` hook of `app` (made on the first call), instead of an
 * `onSend` hook of its own: fastify runs each hook through its hook runner with a `next` callback, so
 * the request id, the security headers and the request log cost one hook run per answer, not three.
 * Steps run in the order they were added, with the route's `config` ({@link routeConfigOf}) read
 * once. Like hooks, steps added before the app is ready apply to every route, the not-found
 * handler's included.
 */
export function addSendStep(app: FastifyInstance, step: SendStep): void {
  let steps = sendSteps.get(app);
  if (steps === undefined) {
    const all: SendStep[] = [];
    steps = all;
    sendSteps.set(app, all);
    app.addHook('onSend', (request, reply, payload, done) => {
      const config = routeConfigOf(request);
      for (const run of all) run(request, reply, config);
      done(null, payload);
    });
  }
  steps.push(step);
}
