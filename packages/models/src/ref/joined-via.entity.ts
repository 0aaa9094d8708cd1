import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const JoinedViaSchema = defineEntity({
  name: 'JoinedVia',
  schema: 'ref',
  tableName: 'JoinedVia',
  properties: { ...referenceProperties('JoinedVia'), ...auditProperties() },
  checks: referenceChecks('JoinedVia'),
});

/** A `ref.JoinedVia` row, typed from its definition. */
export interface JoinedVia extends InferEntity<typeof JoinedViaSchema> {}

/**
 * `ref.JoinedVia`: how a user came to belong to a company (Signup, Invitation, Admin, ...). Referenced by
 * `dbo.UserCompany.JoinedVia` (the column keeps the seed's name, without the ID suffix). Shared reference
 * shape (`JoinedViaID`, unique `Code`, `Name`, `Description`, `SortOrder`, `IsActive`, audit columns);
 * soft-deletable.
 */
export const JoinedVia: EntitySchema<JoinedVia> = JoinedViaSchema;
