import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const IndustrySchema = defineEntity({
  name: 'Industry',
  schema: 'ref',
  tableName: 'Industry',
  properties: { ...referenceProperties('Industry'), ...auditProperties() },
  checks: referenceChecks('Industry'),
});

/** A `ref.Industry` row, typed from its definition. */
export interface Industry extends InferEntity<typeof IndustrySchema> {}

/**
 * `ref.Industry`: industries a customer company works in (Events, Education, Technology, ...). Referenced by
 * `dbo.CompanyCustomerDetails.IndustryID`. Shared reference shape (`IndustryID`, unique `Code`, `Name`,
 * `Description`, `SortOrder`, `IsActive`, audit columns); soft-deletable.
 */
export const Industry: EntitySchema<Industry> = IndustrySchema;
