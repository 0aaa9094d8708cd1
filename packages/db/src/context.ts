import { RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { setActor, type ActorId } from './actor';
import type { Orm } from './orm';

/** Options of {@link withRequestContext}. */
export interface RequestContextOptions {
  /** The acting user; written to CreatedBy/UpdatedBy/DeletedBy by flushes in this context. */
  readonly actorId?: ActorId;
}

/**
 * Runs `fn` in a unit of work of its own, the "session per request" of the app: a fresh fork of the
 * EntityManager with an empty identity map, registered as MikroORM's request context so `orm.em` and
 * repositories resolve to it inside `fn`. Afterwards the fork's identity map is cleared, whether `fn`
 * returned or threw, so nothing loaded here is held on to. Changes are not flushed for you.
 * @example
 * const user = await withRequestContext(orm, (em) => em.findOneOrFail(User, id), { actorId: session.userId });
 */
export async function withRequestContext<T>(
  orm: Orm,
  fn: (em: EntityManager) => Promise<T>,
  options: RequestContextOptions = {},
): Promise<T> {
  return RequestContext.create(orm.em, async () => {
    // Inside create(), the current context's EntityManager is the new fork.
    const em = orm.em.getContext() as EntityManager;
    if (options.actorId !== undefined) {
      setActor(em, options.actorId);
    }
    try {
      return await fn(em);
    } finally {
      em.clear();
    }
  });
}
