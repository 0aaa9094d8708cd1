import { p } from '@mikro-orm/core';
import { solomonName } from '../naming/solomon-name';
import { CURRENT_TIMESTAMP_DEFAULT, createdDateProperty } from './audit-columns';
import { requestContextProperties } from './event-columns';

/** `Reason`: why a change was made, when the caller knows (`password reset`). */
export function changeReasonProperty() {
  return p.string().length(500).fieldName('Reason').nullable();
}

/**
 * `ChangedBy` (a user id, null for the system; indexed, not a foreign key, so the history outlives the user)
 * and `ChangedDate` (UTC, defaulted by the database): who made a recorded change, and when.
 * @param table the history table (`User` of `audit.User`), which names the index
 */
export function changeAuthorProperties(table: string) {
  return {
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
  };
}

/**
 * The columns of a field-level change history (`audit.User`, `audit.Company`), after its key and the audited
 * row's key: one row per changed field, `ChangeType` (`INSERT`, `UPDATE`, `DELETE`, `RESTORE`), `FieldName`,
 * `OldValue`/`NewValue` (text), then {@link changeAuthorProperties}, {@link requestContextProperties},
 * `Reason` and `CreatedDate`. Append-only: no update or soft-delete columns. `audit.Role` records whole role
 * changes instead of fields and composes the same parts itself.
 *
 * A factory, like `auditProperties()`: MikroORM's discovery writes into each property, so tables must not
 * share one object.
 * @param table the history table (`User` of `audit.User`), which names its indexes
 * @example
 * properties: {
 *   id: p.bigint('number').primary().autoincrement().fieldName('UserAuditID'),
 *   userId: p.bigint('number').fieldName('UserID').index(solomonName.index('User', 'UserID')),
 *   ...fieldChangeHistoryProperties('User'),
 * }
 */
export function fieldChangeHistoryProperties(table: string) {
  return {
    changeType: p.string().length(20).fieldName('ChangeType'),
    fieldName: p.string().length(100).fieldName('FieldName').nullable(),
    oldValue: p.text().fieldName('OldValue').nullable(),
    newValue: p.text().fieldName('NewValue').nullable(),
    ...changeAuthorProperties(table),
    ...requestContextProperties(),
    reason: changeReasonProperty(),
    createdDate: createdDateProperty(),
  };
}
