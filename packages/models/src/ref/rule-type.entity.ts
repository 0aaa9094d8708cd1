import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const RuleTypeSchema = defineEntity({
  name: 'RuleType',
  schema: 'ref',
  tableName: 'RuleType',
  properties: { ...referenceProperties('RuleType'), ...auditProperties() },
  checks: referenceChecks('RuleType'),
});

/** A `ref.RuleType` row, typed from its definition. */
export interface RuleType extends InferEntity<typeof RuleTypeSchema> {}

/**
 * `ref.RuleType`: kinds of validation rule (Regex, MinLength, MaxLength, Range, ...). Referenced by
 * `config.ValidationRule.RuleTypeID`. Shared reference shape (`RuleTypeID`, unique `Code`, `Name`,
 * `Description`, `SortOrder`, `IsActive`, audit columns); soft-deletable.
 */
export const RuleType: EntitySchema<RuleType> = RuleTypeSchema;
