import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { fieldChangeHistoryProperties } from '../columns/change-history-columns';
import { solomonName } from '../naming/solomon-name';

const table = 'User';

const UserAuditSchema = defineEntity({
  name: 'UserAudit',
  schema: 'audit',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('UserAuditID'),
    userId: p.bigint('number').fieldName('UserID').index(solomonName.index(table, 'UserID')),
    ...fieldChangeHistoryProperties(table),
  },
});

/** An `audit.User` row, typed from its definition. */
export interface UserAudit extends InferEntity<typeof UserAuditSchema> {}

/**
 * `audit.User` (entity `UserAudit`, since `dbo.User` owns the name `User`): an append-only history of changes
 * to `dbo.User`, one row per changed field. `ChangeType` says what happened (`INSERT`, `UPDATE`, `DELETE`,
 * `RESTORE`, ...), `FieldName`/`OldValue`/`NewValue` what changed (never a password or token value),
 * `ChangedBy` who did it (a user id, null for the system) and `ChangedDate` when; `Reason`, `IPAddress`,
 * `UserAgent` and `RequestID` give the context. Exactly 13 columns.
 *
 * `UserID` is a plain indexed column, not a foreign key, so the history survives the user and never blocks
 * their deletion. Append-only: `CreatedDate` (when the row was written), no update or soft-delete columns.
 */
export const UserAudit: EntitySchema<UserAudit> = UserAuditSchema;
