import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const UserStatusSchema = defineEntity({
  name: 'UserStatus',
  schema: 'ref',
  tableName: 'UserStatus',
  properties: { ...referenceProperties('UserStatus'), ...auditProperties() },
  checks: referenceChecks('UserStatus'),
});

/** A `ref.UserStatus` row, typed from its definition. */
export interface UserStatus extends InferEntity<typeof UserStatusSchema> {}

/**
 * `ref.UserStatus`: account states of a user (Active, PendingVerification, Suspended, Locked, ...).
 * Referenced by `dbo.User.StatusID`. Shared reference shape (`UserStatusID`, unique `Code`, `Name`,
 * `Description`, `SortOrder`, `IsActive`, audit columns); soft-deletable.
 */
export const UserStatus: EntitySchema<UserStatus> = UserStatusSchema;
