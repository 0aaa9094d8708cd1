import { ReferenceKind, type EntityManager, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { ActorId } from './actor';

/** An entity's property by name, or undefined when the entity does not have it. */
export function propertyOf(meta: EntityMetadata | undefined, name: string): EntityProperty | undefined {
  return (meta?.properties as Record<string, EntityProperty | undefined> | undefined)?.[name];
}

/**
 * The value to store in an audit "by" property: the id itself for a scalar column, a reference to
 * the user for a many-to-one relation (entities may model CreatedBy either way).
 */
export function actorValue(em: EntityManager, prop: EntityProperty, actorId: ActorId): unknown {
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
    return em.getReference(prop.type, actorId);
  }
  return actorId;
}
