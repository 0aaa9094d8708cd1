import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { checks } from '../naming/check-constraint';
import { solomonName } from '../naming/solomon-name';
import { Country } from '../ref/country.entity';
import { RuleType } from '../ref/rule-type.entity';

const table = 'ValidationRule';

const ValidationRuleSchema = defineEntity({
  name: 'ValidationRule',
  schema: 'config',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('ValidationRuleID'),
    ruleType: () => reference(table, RuleType, 'RuleTypeID', 'RuleType'),
    ruleName: p.string().length(100).fieldName('RuleName').index(solomonName.index(table, 'RuleName')),
    ruleValue: p.string().length(1000).fieldName('RuleValue'),
    errorMessage: p.string().length(500).fieldName('ErrorMessage'),
    description: p.string().length(500).fieldName('Description').nullable(),
    country: () =>
      p
        .manyToOne(Country)
        .joinColumn('CountryID')
        .nullable()
        .foreignKeyName(solomonName.foreignKey(table, 'Country'))
        .deleteRule('no action')
        .updateRule('no action')
        .index(solomonName.index(table, 'CountryID')),
    sortOrder: p.integer().fieldName('SortOrder').default(0),
    isActive: p.boolean().fieldName('IsActive').default(true),
    ...auditProperties(),
  },
  checks: [checks.nonNegative(table, 'SortOrder')],
});

/** A `config.ValidationRule` row, typed from its definition. */
export interface ValidationRule extends InferEntity<typeof ValidationRuleSchema> {}

/**
 * `config.ValidationRule`: a data-driven validation rule, so formats such as phone numbers or postcodes can
 * differ per country without a deploy. `RuleName` names what is validated (`phone`, `postcode`), `RuleTypeID`
 * → `ref.RuleType` says how `RuleValue` is applied (a regex pattern, a length, a range), `ErrorMessage` is
 * shown when it fails, and `CountryID` → `ref.Country` narrows it to one country (null = every country).
 * Active rules apply in `SortOrder`. Soft-deletable; audit columns.
 */
export const ValidationRule: EntitySchema<ValidationRule> = ValidationRuleSchema;
