import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { createdDateProperty } from '../columns/audit-columns';
import { changeAuthorProperties, changeReasonProperty } from '../columns/change-history-columns';
import { requestContextProperties } from '../columns/event-columns';
import { solomonName } from '../naming/solomon-name';

const table = 'Role';

const RoleAuditSchema = defineEntity({
  name: 'RoleAudit',
  schema: 'audit',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('RoleAuditID'),
    userCompanyId: p
      .bigint('number')
      .fieldName('UserCompanyID')
      .index(solomonName.index(table, 'UserCompanyID')),
    userId: p.bigint('number').fieldName('UserID').index(solomonName.index(table, 'UserID')),
    companyId: p.bigint('number').fieldName('CompanyID').index(solomonName.index(table, 'CompanyID')),
    oldRoleId: p.integer().fieldName('OldRoleID').nullable(),
    newRoleId: p.integer().fieldName('NewRoleID'),
    ...changeAuthorProperties(table),
    reason: changeReasonProperty(),
    ...requestContextProperties(),
    createdDate: createdDateProperty(),
  },
});

/** An `audit.Role` row, typed from its definition. */
export interface RoleAudit extends InferEntity<typeof RoleAuditSchema> {}

/**
 * `audit.Role` (entity `RoleAudit`): an append-only history of role changes inside companies: the membership
 * (`UserCompanyID`, with its `UserID` and `CompanyID` copied so the history reads on its own), the role
 * before and after (`OldRoleID`, `NewRoleID`: `ref.UserCompanyRole` ids; `OldRoleID` is null when the
 * membership was created), `ChangedBy` (a user id, null for the system), `ChangedDate`, `Reason` and the
 * request context (`IPAddress`, `UserAgent`, `RequestID`).
 *
 * All ids are plain indexed columns, not foreign keys, so the history survives the rows it mentions.
 * Append-only: `CreatedDate` only, no update or soft-delete columns.
 */
export const RoleAudit: EntitySchema<RoleAudit> = RoleAuditSchema;
