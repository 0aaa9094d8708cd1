import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const UserCompanyRoleSchema = defineEntity({
  name: 'UserCompanyRole',
  schema: 'ref',
  tableName: 'UserCompanyRole',
  properties: { ...referenceProperties('UserCompanyRole'), ...auditProperties() },
  checks: referenceChecks('UserCompanyRole'),
});

/** A `ref.UserCompanyRole` row, typed from its definition. */
export interface UserCompanyRole extends InferEntity<typeof UserCompanyRoleSchema> {}

/**
 * `ref.UserCompanyRole`: the role a user holds inside one company (Owner, Admin, Member, ...). Referenced by
 * `dbo.UserCompany.UserCompanyRoleID` and `dbo.UserInvitation.UserCompanyRoleID`; `audit.Role` records
 * changes between these ids. Shared reference shape (`UserCompanyRoleID`, unique `Code`, `Name`,
 * `Description`, `SortOrder`, `IsActive`, audit columns); soft-deletable.
 */
export const UserCompanyRole: EntitySchema<UserCompanyRole> = UserCompanyRoleSchema;
