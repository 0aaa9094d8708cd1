import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const CustomerTierSchema = defineEntity({
  name: 'CustomerTier',
  schema: 'ref',
  tableName: 'CustomerTier',
  properties: { ...referenceProperties('CustomerTier'), ...auditProperties() },
  checks: referenceChecks('CustomerTier'),
});

/** A `ref.CustomerTier` row, typed from its definition. */
export interface CustomerTier extends InferEntity<typeof CustomerTierSchema> {}

/**
 * `ref.CustomerTier`: commercial tiers of customer companies (Free, Standard, Enterprise, ...). Referenced by
 * `dbo.CompanyCustomerDetails.CustomerTierID`. Shared reference shape (`CustomerTierID`, unique `Code`,
 * `Name`, `Description`, `SortOrder`, `IsActive`, audit columns); soft-deletable.
 */
export const CustomerTier: EntitySchema<CustomerTier> = CustomerTierSchema;
