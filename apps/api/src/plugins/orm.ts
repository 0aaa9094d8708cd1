import type { Orm } from '@eventlead/db';
import { RequestContext } from '@mikro-orm/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The application's ORM; route handlers use `request.em`, never `orm.em` directly. */
    orm: Orm;
  }
  interface FastifyRequest {
    /** The EntityManager of this request's unit of work. */
    readonly em: Orm['em'];
  }
}

/** Options of {@link ormPlugin}. */
export interface OrmPluginOptions {
  orm: Orm;
}

/**
 * Gives every request its own unit of work: a forked EntityManager in MikroORM's RequestContext,
 * created in `onRequest` (before any hook that touches the database) and gone with the request.
 */
export const ormPlugin = fp<OrmPluginOptions>(
  (app: FastifyInstance, { orm }, done) => {
    app.decorate('orm', orm);
    app.decorateRequest('em', {
      getter() {
        return (RequestContext.getEntityManager() as Orm['em'] | undefined) ?? orm.em;
      },
    });
    app.addHook('onRequest', (_request, _reply, next) => {
      RequestContext.create(orm.em, next);
    });
    done();
  },
  { name: 'eventlead-orm', fastify: '5.x' },
);
