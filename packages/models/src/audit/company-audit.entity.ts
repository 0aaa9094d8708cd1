import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { fieldChangeHistoryProperties } from '../columns/change-history-columns';
import { solomonName } from '../naming/solomon-name';

const table = 'Company';

const CompanyAuditSchema = defineEntity({
  name: 'CompanyAudit',
  schema: 'audit',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('CompanyAuditID'),
    companyId: p.bigint('number').fieldName('CompanyID').index(solomonName.index(table, 'CompanyID')),
    ...fieldChangeHistoryProperties(table),
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
