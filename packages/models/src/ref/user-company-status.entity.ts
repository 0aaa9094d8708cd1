import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const UserCompanyStatusSchema = defineEntity({
  name: 'UserCompanyStatus',
  schema: 'ref',
  tableName: 'UserCompanyStatus',
  properties: { ...referenceProperties('UserCompanyStatus'), ...auditProperties() },
  checks: referenceChecks('UserCompanyStatus'),
});

/** A `ref.UserCompanyStatus` row, typed from its definition. */
export interface UserCompanyStatus extends InferEntity<typeof UserCompanyStatusSchema> {}

/**
 * `ref.UserCompanyStatus`: states of a user's membership in a company (Active, Suspended, Removed, ...).
 * Referenced by `dbo.UserCompany.UserCompanyStatusID`. Shared reference shape (`UserCompanyStatusID`, unique
 * `Code`, `Name`, `Description`, `SortOrder`, `IsActive`, audit columns); soft-deletable.
 */
export const UserCompanyStatus: EntitySchema<UserCompanyStatus> = UserCompanyStatusSchema;
