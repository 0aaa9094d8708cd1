import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { CURRENT_TIMESTAMP_DEFAULT, createdDateProperty } from '../columns/audit-columns';
import { solomonName } from '../naming/solomon-name';

const table = 'Company';

const CompanyAuditSchema = defineEntity({
  name: 'CompanyAudit',
  schema: 'audit',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('CompanyAuditID'),
    companyId: p.bigint('number').fieldName('CompanyID').index(solomonName.index(table, 'CompanyID')),
    changeType: p.string().length(20).fieldName('ChangeType'),
    fieldName: p.string().length(100).fieldName('FieldName').nullable(),
    oldValue: p.text().fieldName('OldValue').nullable(),
    newValue: p.text().fieldName('NewValue').nullable(),
    changedBy: p
      .bigint('number')
      .fieldName('ChangedBy')
      .nullable()
      .index(solomonName.index(table, 'ChangedBy')),
    changedDate: p
      .datetime()
      .fieldName('ChangedDate')
      .defaultRaw(CURRENT_TIMESTAMP_DEFAULT)
      .onCreate(() => new Date()),
    ipAddress: p.string().length(45).fieldName('IPAddress').nullable(),
    userAgent: p.string().length(500).fieldName('UserAgent').nullable(),
    requestId: p.string().length(64).fieldName('RequestID').nullable(),
    reason: p.string().length(500).fieldName('Reason').nullable(),
    createdDate: createdDateProperty(),
  },
});

/** An `audit.Company` row, typed from its definition. */
export interface CompanyAudit extends InferEntity<typeof CompanyAuditSchema> {}

/**
 * `audit.Company` (entity `CompanyAudit`, since `dbo.Company` owns the name `Company`): an append-only
 * history of changes to `dbo.Company` and its detail rows, one row per changed field, shaped like
 * `audit.User`: `ChangeType`, `FieldName`, `OldValue`, `NewValue`, `ChangedBy` (a user id, null for the
 * system), `ChangedDate`, `Reason`, `IPAddress`, `UserAgent`, `RequestID`.
 *
 * `CompanyID` is a plain indexed column, not a foreign key, so the history survives the company and never
 * blocks its deletion. Append-only: `CreatedDate` only, no update or soft-delete columns.
 */
export const CompanyAudit: EntitySchema<CompanyAudit> = CompanyAuditSchema;
