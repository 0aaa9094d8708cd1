import {
  ChangeSetType,
  Utils,
  helper,
  type EntityManager,
  type EntityName,
  type EventSubscriber,
  type Options,
  type FlushEventArgs,
} from '@mikro-orm/core';
import { auditPropertyNames, isSoftDeletable } from '@eventlead/models';
import { getActor } from './actor';
import { actorValue, propertyOf } from './audit-value';

/** A filter as the ORM config's `filters` option takes it. */
type ConfigFilter = NonNullable<Options['filters']>[string];

/** Name of the default filter hiding soft-deleted rows. */
export const SOFT_DELETE_FILTER = 'softDelete';

/**
 * The default filter: `IsDeleted = false` on every soft-deletable entity (`isSoftDeletable` of
 * `@eventlead/models`), nothing on the others. It is global (config `filters`) and resolves per entity
 * from metadata, so new entities are covered without registration. MikroORM applies it to find/count/nativeUpdate/nativeDelete and to joined
 * relations (see the README's "Soft delete and relations").
 */
export const softDeleteFilter: ConfigFilter = {
  name: SOFT_DELETE_FILTER,
  default: true,
  // The callback takes no user arguments; without this MikroORM would demand some.
  args: false,
  cond: (_args: unknown, _type: unknown, em: EntityManager, _options?: unknown, entityName?: EntityName<object>) => {
    if (entityName === undefined) {
      return {};
    }
    const meta = em.getMetadata().find(Utils.className(entityName));
    return isSoftDeletable(meta) ? { [auditPropertyNames.isDeleted]: false } : {};
  },
};

/** Find options that switch the soft-delete filter off for one query. */
export interface IncludeDeletedOptions {
  /** The soft-delete filter, switched off. */
  readonly filters: { readonly [SOFT_DELETE_FILTER]: false };
}

/**
 * Find options that include soft-deleted rows, for one query (spread into your own options).
 * Equivalent to `{ filters: { softDelete: false } }`.
 * @example
 * await em.find(User, { email }, includeDeleted());
 * await em.findOne(User, id, { ...includeDeleted(), populate: ['companies'] });
 */
export function includeDeleted(): IncludeDeletedOptions {
  return { filters: { [SOFT_DELETE_FILTER]: false } };
}

/**
 * Turns `em.remove(entity)` + flush of a soft-deletable entity into an UPDATE setting IsDeleted,
 * DeletedDate and DeletedBy (the fork's actor), the pattern MikroORM's maintainers suggest in
 * mikro-orm/mikro-orm#1492. Other entities are deleted as usual. After the flush the soft-deleted
 * entity is detached from the identity map, as a deleted one would be, so the same fork cannot
 * hand it out again from its cache.
 *
 * Not covered: `em.nativeDelete()` and query-builder deletes (they are hard deletes by intent), and
 * `orphanRemoval` deletions of collection items (MikroORM computes those separately).
 */
export class SoftDeleteSubscriber implements EventSubscriber {
  private readonly softDeleted = new WeakMap<object, object[]>();

  /** Turns the flush's deletes of soft-deletable entities into updates of their deletion columns. */
  onFlush(args: FlushEventArgs): void {
    const { uow } = args;
    const actor = getActor(args.em);
    const now = new Date();
    const converted: object[] = [];
    for (const cs of uow.getChangeSets()) {
      if ((cs.type !== ChangeSetType.DELETE && cs.type !== ChangeSetType.DELETE_EARLY) || !isSoftDeletable(cs.meta)) {
        continue;
      }
      const entity = cs.entity as Record<string, unknown>;
      // The UPDATE's WHERE clause is built from the original data: capture it before changing anything.
      cs.originalEntity = helper(cs.entity).__originalEntityData;
      entity[auditPropertyNames.isDeleted] = true;
      if (propertyOf(cs.meta, auditPropertyNames.deletedDate)) {
        entity[auditPropertyNames.deletedDate] = now;
      }
      const deletedBy = propertyOf(cs.meta, auditPropertyNames.deletedBy);
      if (deletedBy && actor !== undefined) {
        entity[auditPropertyNames.deletedBy] = actorValue(args.em, deletedBy, actor);
      }
      cs.type = ChangeSetType.UPDATE;
      uow.recomputeSingleChangeSet(cs.entity);
      converted.push(cs.entity);
    }
    if (converted.length > 0) {
      this.softDeleted.set(uow, converted);
    }
  }

  /** Detaches the soft-deleted entities from the identity map once the UPDATE is written. */
  afterFlush(args: FlushEventArgs): void {
    const converted = this.softDeleted.get(args.uow);
    if (!converted) {
      return;
    }
    this.softDeleted.delete(args.uow);
    for (const entity of converted) {
      args.uow.unsetIdentity(entity);
    }
  }
}
