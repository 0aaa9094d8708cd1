import {
  ChangeSetType,
  type ChangeSet,
  type EntityManager,
  type EventSubscriber,
  type FlushEventArgs,
} from '@mikro-orm/core';
import { auditPropertyNames } from '@eventlead/models';
import { getActor, type ActorId } from './actor';
import { actorValue, propertyOf } from './audit-value';

type Entity = Record<string, unknown>;

/** Sets `name` on the entity if it has that property (and, with `onlyIfEmpty`, no value yet). */
function assign(cs: ChangeSet<object>, name: string, value: unknown, onlyIfEmpty: boolean): boolean {
  const entity = cs.entity as Entity;
  if (!propertyOf(cs.meta, name) || (onlyIfEmpty && entity[name] != null)) {
    return false;
  }
  entity[name] = value;
  return true;
}

/** Sets a "by" column to the actor; with nobody acting, an update clears a nullable one. */
function assignActor(cs: ChangeSet<object>, em: EntityManager, name: string, actor: ActorId | undefined, onlyIfEmpty: boolean): boolean {
  const prop = propertyOf(cs.meta, name);
  if (!prop) {
    return false;
  }
  if (actor !== undefined) {
    return assign(cs, name, actorValue(em, prop, actor), onlyIfEmpty);
  }
  if (!onlyIfEmpty && prop.nullable && (cs.entity as Entity)[name] != null) {
    return assign(cs, name, null, false);
  }
  return false;
}

/**
 * Maintains the audit columns on flush, for every entity that has them:
 * - insert: CreatedDate and UpdatedDate (when not set), CreatedBy and UpdatedBy from the fork's actor;
 * - update: UpdatedDate, and UpdatedBy = the actor (or NULL when nobody is acting and the column allows it,
 *   so a system change is not credited to the previous editor).
 *
 * The columns also have database defaults (`current_timestamp`), which cover rows written outside
 * the unit of work (`em.insert`, raw SQL). Runs in `onFlush`, after {@link SoftDeleteSubscriber} turned
 * deletes into updates, so a soft delete also stamps UpdatedDate/UpdatedBy.
 */
export class AuditColumnsSubscriber implements EventSubscriber {
  /** Stamps the audit columns of every insert and update change set of the flush. */
  onFlush(args: FlushEventArgs): void {
    const actor = getActor(args.em);
    const now = new Date();
    for (const cs of args.uow.getChangeSets()) {
      let changed = false;
      if (cs.type === ChangeSetType.CREATE) {
        changed = assign(cs, auditPropertyNames.createdDate, now, true) || changed;
        changed = assign(cs, auditPropertyNames.updatedDate, now, true) || changed;
        changed = assignActor(cs, args.em, auditPropertyNames.createdBy, actor, true) || changed;
        changed = assignActor(cs, args.em, auditPropertyNames.updatedBy, actor, true) || changed;
      } else if (cs.type === ChangeSetType.UPDATE) {
        changed = assign(cs, auditPropertyNames.updatedDate, now, false) || changed;
        changed = assignActor(cs, args.em, auditPropertyNames.updatedBy, actor, false) || changed;
      }
      if (changed) {
        args.uow.recomputeSingleChangeSet(cs.entity);
      }
    }
  }
}
