import { EntitySchema, p, type EntityMetadata } from '@mikro-orm/core';

/**
 * The raw default of every UTC timestamp column (audit columns, `CreatedDate` of audit/log rows,
 * `ChangedDate`). On PostgreSQL `current_timestamp` fills a `timestamptz`, an absolute instant. On SQL Server
 * it would be the server's local time, so the db package's SQL Server platform renders this default as
 * `GETUTCDATE()` into a `datetime2`.
 */
export const CURRENT_TIMESTAMP_DEFAULT = 'current_timestamp';

/**
 * The seven audit columns of every dbo, config and ref table: property name → column name. The db package
 * recognises audit properties by these names (through {@link auditPropertyNames}): its audit-column and
 * soft-delete subscribers, the soft-delete filter and the audit trail import them from here.
 */
export const auditColumns = {
  createdDate: 'CreatedDate',
  createdBy: 'CreatedBy',
  updatedDate: 'UpdatedDate',
  updatedBy: 'UpdatedBy',
  isDeleted: 'IsDeleted',
  deletedDate: 'DeletedDate',
  deletedBy: 'DeletedBy',
} as const;

/** Property name of an audit column (`createdDate`, ..., `deletedBy`). */
export type AuditProperty = keyof typeof auditColumns;

/**
 * The audit property names, each mapped to itself (`auditPropertyNames.isDeleted === 'isDeleted'`), for code
 * that looks the audit properties up in entity metadata: a renamed property then fails to compile there.
 */
export const auditPropertyNames = Object.fromEntries(Object.keys(auditColumns).map((name) => [name, name])) as {
  readonly [P in AuditProperty]: P;
};

/**
 * Whether an entity is soft-deletable: it has the `isDeleted` property of the audit set. That is every dbo,
 * config and ref entity here (`softDeletableEntities`); audit, log and cache rows never are. Decided from the
 * entity's own metadata, so it holds for any entity, including ones defined outside this package (the db
 * package's test fixtures), and needs no registration. The db package's soft-delete filter and subscriber
 * ask this.
 * @param entity an entity schema, or its metadata (discovered or not); `undefined` is not soft-deletable
 * @example isSoftDeletable(User) // true
 * @example isSoftDeletable(em.getMetadata().find('AuthEvent')) // false
 */
export function isSoftDeletable(entity: EntitySchema | EntityMetadata | undefined): boolean {
  const meta = entity instanceof EntitySchema ? entity.meta : entity;
  const properties = meta?.properties as Record<string, unknown> | undefined;
  return properties?.[auditPropertyNames.isDeleted] !== undefined;
}

/** The audit columns that only mutable rows have: append-only audit and log rows must not carry them. */
export const mutableRowAuditColumns = [
  auditColumns.updatedDate,
  auditColumns.updatedBy,
  auditColumns.isDeleted,
  auditColumns.deletedDate,
  auditColumns.deletedBy,
] as const;

/**
 * `CreatedDate`: non-null UTC timestamp, filled by the ORM on insert and defaulted by the database for rows
 * written outside the ORM. Shared by the audit set and the append-only audit/log tables.
 */
export function createdDateProperty() {
  return p
    .datetime()
    .fieldName(auditColumns.createdDate)
    .defaultRaw(CURRENT_TIMESTAMP_DEFAULT)
    .onCreate(() => new Date());
}

/**
 * The audit property set, spread last into the properties of every dbo, config and ref entity
 * (`...auditProperties()`).
 *
 * It is a factory rather than a shared object because MikroORM's discovery writes into each property's
 * options and mapped-type instances; sharing one set between 26 entities would let them overwrite each other.
 * CreatedBy/UpdatedBy/DeletedBy hold the acting user's id as a plain column, not a foreign key: system
 * actions leave them null, and no cascade path runs through them.
 */
export function auditProperties() {
  return {
    createdDate: createdDateProperty(),
    createdBy: p.bigint('number').fieldName(auditColumns.createdBy).nullable(),
    updatedDate: p
      .datetime()
      .fieldName(auditColumns.updatedDate)
      .defaultRaw(CURRENT_TIMESTAMP_DEFAULT)
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    updatedBy: p.bigint('number').fieldName(auditColumns.updatedBy).nullable(),
    isDeleted: p.boolean().fieldName(auditColumns.isDeleted).default(false),
    deletedDate: p.datetime().fieldName(auditColumns.deletedDate).nullable(),
    deletedBy: p.bigint('number').fieldName(auditColumns.deletedBy).nullable(),
  };
}
