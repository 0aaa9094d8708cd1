import type { Orm } from '@eventlead/db';
import { RequestContext } from '@mikro-orm/core';
import type { FastifyInstance, FastifyRequest, onRequestAbortHookHandler, onRequestHookHandler, onResponseHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { addRouteHook } from './route-hooks';

declare module 'fastify' {
  interface FastifyInstance {
    /** The application's ORM; route handlers use `request.em`, never `orm.em` directly. */
    orm: Orm;
  }
  interface FastifyRequest {
    /** The EntityManager of this request's unit of work. */
    readonly em: Orm['em'];
  }
  interface FastifyContextConfig {
    /**
     * `false` for routes that never touch the database (e.g. `GET /health`): no EntityManager is
     * forked for their requests, and they get no request deadline (`buildApp`).
     * Default: a unit of work per request.
     */
    database?: boolean;
    /**
     * `false` for read routes that only run fixed statements on `request.em.getConnection('read')`
     * (the lean detail reads): they keep the request deadline but get no forked EntityManager, so
     * `request.em` is the ORM's global one, on which every entity operation throws
     * (`allowGlobalContext: false`). Default: a unit of work per request.
     */
    unitOfWork?: boolean;
  }
}

/** Options of {@link ormPlugin}. */
export interface OrmPluginOptions {
  orm: Orm;
}

/**
 * Gives every request its own unit of work: a forked EntityManager in MikroORM's RequestContext,
 * created in `onRequest` (before any hook that touches the database) and emptied when the response
 * has been sent or the request aborted, so no entity outlives its request. Routes with
 * `config: { database: false }` or `{ unitOfWork: false }` get none, and none of these hooks: they
 * are added per route.
 */
export const ormPlugin = fp<OrmPluginOptions>(
  (app: FastifyInstance, { orm }, done) => {
    // The forked EntityManager of each request that has one, to empty it after the response.
    const requestEms = new WeakMap<FastifyRequest, Orm['em']>();
    const release = (request: FastifyRequest): void => {
      const em = requestEms.get(request);
      if (em === undefined) return;
      requestEms.delete(request);
      em.clear();
    };
    const openUnitOfWork: onRequestHookHandler = (request, _reply, next) => {
      RequestContext.create(orm.em, () => {
        const em = RequestContext.getEntityManager() as Orm['em'] | undefined;
        if (em !== undefined) requestEms.set(request, em);
        next();
      });
    };
    const releaseOnResponse: onResponseHookHandler = (request, _reply, next) => {
      release(request);
      next();
    };
    const releaseOnAbort: onRequestAbortHookHandler = (request, next) => {
      release(request);
      next();
    };

    app.decorate('orm', orm);
    app.decorateRequest('em', {
      getter() {
        return (RequestContext.getEntityManager() as Orm['em'] | undefined) ?? orm.em;
      },
    });
    app.addHook('onRoute', (route) => {
      if (route.config?.database === false || route.config?.unitOfWork === false) return;
      addRouteHook(route, 'onRequest', openUnitOfWork);
      addRouteHook(route, 'onResponse', releaseOnResponse);
      addRouteHook(route, 'onRequestAbort', releaseOnAbort);
    });
    done();
  },
  { name: 'eventlead-orm', fastify: '5.x' },
);
