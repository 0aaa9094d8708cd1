import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const UserRoleSchema = defineEntity({
  name: 'UserRole',
  schema: 'ref',
  tableName: 'UserRole',
  properties: { ...referenceProperties('UserRole'), ...auditProperties() },
  checks: referenceChecks('UserRole'),
});

/** A `ref.UserRole` row, typed from its definition. */
export interface UserRole extends InferEntity<typeof UserRoleSchema> {}

/**
 * `ref.UserRole`: platform-wide roles of a user, independent of any company (for example SystemAdmin, User).
 * Not referenced by a foreign key yet; kept for authorisation rules that are not per company. Shared
 * reference shape (`UserRoleID`, unique `Code`, `Name`, `Description`, `SortOrder`, `IsActive`, audit
 * columns); soft-deletable.
 */
export const UserRole: EntitySchema<UserRole> = UserRoleSchema;
