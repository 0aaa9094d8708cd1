import type { EntityManager } from '@mikro-orm/core';

/** The identity written to CreatedBy/UpdatedBy/DeletedBy: the acting user's key. */
export type ActorId = string | number;

/**
 * Where the actor lives: a filter parameter of the EntityManager fork. MikroORM copies filter
 * parameters into every fork it makes, including the one `em.transactional()` opens, and flush
 * subscribers receive that fork as `args.em`; so the actor set on a request's fork reaches every
 * flush of that request, and never another request's. No filter has this name, so no query changes.
 */
const ACTOR_PARAM = 'eventlead:actor';

interface ActorParam extends Record<string, unknown> {
  readonly id: ActorId | undefined;
}

/**
 * Records who is acting through `em` (and every fork made from it afterwards). Audit columns set on
 * flush read it. Set it on a request's fork, never on the global `orm.em`.
 * @example
 * setActor(em, user.id); em.persist(company); await em.flush(); // company.createdBy === user.id
 */
export function setActor(em: EntityManager, actorId: ActorId | undefined): void {
  const param: ActorParam = { id: actorId };
  em.setFilterParams(ACTOR_PARAM, param);
}

/** The actor recorded on `em` by {@link setActor} or {@link withRequestContext}, if any. */
export function getActor(em: EntityManager): ActorId | undefined {
  // Undefined until setActor() ran on this fork or an ancestor.
  const param = em.getFilterParams<Partial<ActorParam>>(ACTOR_PARAM) as Partial<ActorParam> | undefined;
  return param?.id;
}
