import {
  ChangeSetType,
  Reference,
  ReferenceKind,
  Utils,
  helper,
  type ChangeSet,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type EventArgs,
  type EventSubscriber,
  type FlushEventArgs,
} from '@mikro-orm/core';
import { auditPropertyNames, changeHistories, isSecretProperty } from '@eventlead/models';
import { getActor } from '../actor';
import { getAuditContext } from './audit-context';

/** `ChangeType` values of audit rows. A soft delete is a `DELETE`, undoing one a `RESTORE`. */
export const AUDIT_CHANGE_TYPE = {
  insert: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
  restore: 'RESTORE',
} as const;

/** Stands in for the old and new values of secrets (`PasswordHash`, `TokenHash`): the change is recorded, the value never. */
export const REDACTED = '[redacted]';

/** An audited table: its schema, its history entity and the history's key property. */
interface AuditTarget {
  readonly schema: string | undefined;
  readonly audit: string;
  readonly key: string;
}

/** The entities that keep a change history (`changeHistories` of `@eventlead/models`), by class name. */
const TARGETS: ReadonlyMap<string, AuditTarget> = new Map(
  changeHistories.map(({ entity, history, key }) => [
    entity.meta.className,
    { schema: entity.meta.schema, audit: history.meta.className, key },
  ]),
);

/**
 * Bookkeeping columns (every audit column but `IsDeleted`, whose change is the DELETE or RESTORE row): the
 * audit row itself says who changed what when.
 */
const NOT_AUDITED = new Set<string>(
  Object.values(auditPropertyNames).filter((name) => name !== auditPropertyNames.isDeleted),
);

type Row = Record<string, unknown>;

interface Change {
  readonly changeType: string;
  readonly fieldName: string | null;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/**
 * The history entity for `meta`, when `meta` is an audited table of this ORM. Matching by name alone
 * would also catch test entities called `Company` in another schema; an ORM without the history entity
 * audits nothing.
 */
function targetOf(em: EntityManager, meta: EntityMetadata): AuditTarget | undefined {
  const target = TARGETS.get(meta.className);
  return target && meta.schema === target.schema && em.getMetadata().has(target.audit) ? target : undefined;
}

/** The columns whose changes are recorded: scalars and owned references, not keys or bookkeeping. */
function auditedProps(meta: EntityMetadata): EntityProperty[] {
  return meta.props.filter(
    (prop) =>
      !prop.primary &&
      prop.persist !== false &&
      !NOT_AUDITED.has(prop.name) &&
      prop.name !== auditPropertyNames.isDeleted &&
      (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)),
  );
}

/** A value as audit text: references by key, dates as ISO 8601 UTC, the rest as written. */
function text(value: unknown): string | null {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map(text).join(',');
  }
  if (typeof value === 'object' && value !== null) {
    // A relation is recorded by its key; any other object (JSON) as JSON.
    const entity = Reference.unwrapReference(value);
    return Utils.isEntity(entity) ? text(helper(entity).getPrimaryKey()) : JSON.stringify(value);
  }
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return null;
  }
}

/** The stored original of a date column may be a Date, an ISO string or a driver string; compare instants. */
function sameInstant(a: unknown, b: unknown): boolean {
  const time = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN);
  return !Number.isNaN(time(a)) && time(a) === time(b);
}

function fieldChange(prop: EntityProperty, changeType: string, oldValue: unknown, newValue: unknown): Change {
  const secret = isSecretProperty(prop);
  const show = (value: unknown) => (value === null || value === undefined ? null : secret ? REDACTED : text(value));
  return { changeType, fieldName: prop.fieldNames[0] ?? prop.name, oldValue: show(oldValue), newValue: show(newValue) };
}

function insertChanges(meta: EntityMetadata, entity: Row): Change[] {
  return auditedProps(meta)
    .filter((prop) => entity[prop.name] !== null && entity[prop.name] !== undefined)
    .map((prop) => fieldChange(prop, AUDIT_CHANGE_TYPE.insert, null, entity[prop.name]));
}

function updateChanges(cs: ChangeSet<object>): Change[] {
  const entity = cs.entity as Row;
  const original = (cs.originalEntity ?? {}) as Row;
  const payload = cs.payload as Row;
  const changes: Change[] = [];
  const isDeleted = auditPropertyNames.isDeleted;
  if (isDeleted in payload && Boolean(original[isDeleted]) !== Boolean(entity[isDeleted])) {
    const prop = cs.meta.properties[isDeleted as keyof typeof cs.meta.properties] as EntityProperty;
    const changeType = entity[isDeleted] ? AUDIT_CHANGE_TYPE.delete : AUDIT_CHANGE_TYPE.restore;
    changes.push(fieldChange(prop, changeType, Boolean(original[isDeleted]), Boolean(entity[isDeleted])));
  }
  for (const prop of auditedProps(cs.meta)) {
    if (!(prop.name in payload)) {
      continue;
    }
    const before = original[prop.name];
    const after = entity[prop.name];
    if (text(before) === text(after) || (prop.runtimeType === 'Date' && sameInstant(before, after))) {
      continue;
    }
    changes.push(fieldChange(prop, AUDIT_CHANGE_TYPE.update, before, after));
  }
  return changes;
}

function actorKey(em: EntityManager): number | null {
  const actor = getActor(em);
  const id = typeof actor === 'string' ? Number(actor) : actor;
  return id !== undefined && Number.isSafeInteger(id) ? id : null;
}

function auditRows(em: EntityManager, target: AuditTarget, key: unknown, changes: readonly Change[], now: Date): Row[] {
  const context = getAuditContext(em);
  return changes.map((change) => ({
    [target.key]: key,
    ...change,
    changedBy: actorKey(em),
    changedDate: now,
    ipAddress: context.ipAddress ?? null,
    userAgent: context.userAgent ?? null,
    requestId: context.requestId ?? null,
    reason: context.reason ?? null,
    createdDate: now,
  }));
}

/**
 * Field-level history of the entities `changeHistories` of `@eventlead/models` lists (`dbo.User` and
 * `dbo.Company`, in `audit.User` / `audit.Company`), written in the same transaction as the change, so a
 * rollback removes both:
 *
 * - updates and deletes: in `onFlush`, as new history entities added to the flush
 *   (`uow.computeChangeSet`); one `UPDATE` row per changed column, a `DELETE` row when `IsDeleted` turns
 *   on (soft delete), `RESTORE` when it turns off, `DELETE` with no field for a real delete;
 * - inserts: one `INSERT` row per column with a value, written right after the row's own insert
 *   (`afterCreate`, same transaction), because the new row's identity key only exists then.
 *
 * `ChangedBy` is the actor of the flushing EntityManager fork (`setActor`), null when nobody is acting;
 * `RequestID`, `IPAddress`, `UserAgent` and `Reason` come from {@link setAuditContext}. Secrets
 * (`PasswordHash`, every `TokenHash`) are recorded as changed with `[redacted]` instead of their values.
 * Bookkeeping columns (Created/Updated/Deleted Date/By) are not recorded.
 *
 * Order in the config's `subscribers`: after the soft-delete subscriber (which turns deletes into
 * updates) and before the audit-columns subscriber. That one calls `uow.recomputeSingleChangeSet`, and
 * MikroORM then treats a changed unique column (`Email`) as conflicting with its own change set: it
 * moves the column into a separate UPDATE and removes it from the entity for the rest of `onFlush`.
 */
export class AuditTrailSubscriber implements EventSubscriber {
  /** The audited entities, so that MikroORM calls {@link AuditTrailSubscriber.afterCreate} only for them. */
  getSubscribedEntities(): EntityName<object>[] {
    // Entity hooks (afterCreate) are matched by name; onFlush sees every change set regardless.
    return [...TARGETS.keys()];
  }

  /**
   * Adds a history row per changed column (or one `DELETE` row per delete) of an audited entity to the
   * same flush, so the history commits or rolls back with the change.
   */
  onFlush(args: FlushEventArgs): void {
    const { em, uow } = args;
    const now = new Date();
    for (const cs of uow.getChangeSets()) {
      const target = targetOf(em, cs.meta);
      if (!target || cs.type === ChangeSetType.CREATE) {
        continue;
      }
      const changes =
        cs.type === ChangeSetType.UPDATE || cs.type === ChangeSetType.UPDATE_EARLY
          ? updateChanges(cs)
          : [{ changeType: AUDIT_CHANGE_TYPE.delete, fieldName: null, oldValue: null, newValue: null }];
      for (const row of auditRows(em, target, cs.getPrimaryKey(), changes, now)) {
        const history = em.create(target.audit, row, { persist: false });
        uow.computeChangeSet(history);
      }
    }
  }

  /**
   * Records the initial values of a new audited row, once its generated key is known (inserts are not
   * recorded in `onFlush`, which runs before the key exists).
   */
  async afterCreate(args: EventArgs<object>): Promise<void> {
    const target = targetOf(args.em, args.meta);
    if (!target) {
      return;
    }
    const rows = auditRows(args.em, target, helper(args.entity).getPrimaryKey(), insertChanges(args.meta, args.entity as Row), new Date());
    if (rows.length > 0) {
      // The flushing EntityManager carries the flush's transaction: these rows commit or roll back with it.
      await args.em.insertMany(target.audit, rows);
    }
  }
}

/**
 * The instance the ORM config registers, between the soft-delete and audit-column subscribers.
 * @example
 * MikroORM.init({ ...options, subscribers: [new SoftDeleteSubscriber(), auditTrailSubscriber, new AuditColumnsSubscriber()] })
 */
export const auditTrailSubscriber = new AuditTrailSubscriber();
