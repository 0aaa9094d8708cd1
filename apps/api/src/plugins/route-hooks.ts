import type { RouteOptions } from 'fastify';

type RouteHookName = 'onRequest' | 'onResponse' | 'onRequestAbort';
/** One hook function of the stage (a route option holds one or an array). */
type RouteHook<Name extends RouteHookName> = Extract<NonNullable<RouteOptions[Name]>, (...args: never[]) => unknown>;

/**
 * Adds a lifecycle hook to one route from an `onRoute` hook. A plugin that needs a hook only on some
 * routes adds it this way instead of with `app.addHook`: fastify skips a lifecycle stage that has no
 * hooks, so the other routes (`GET /health`) pay nothing for it.
 */
export function addRouteHook<Name extends RouteHookName>(route: RouteOptions, name: Name, hook: RouteHook<Name>): void {
  const existing = route[name] as RouteHook<Name> | RouteHook<Name>[] | undefined;
  const hooks: RouteHook<Name>[] = existing === undefined ? [] : Array.isArray(existing) ? [...existing] : [existing];
  hooks.push(hook);
  route[name] = hooks as RouteOptions[Name];
}
