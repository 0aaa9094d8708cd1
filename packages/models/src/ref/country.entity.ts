import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';
import { solomonName } from '../naming/solomon-name';

const CountrySchema = defineEntity({
  name: 'Country',
  schema: 'ref',
  tableName: 'Country',
  properties: {
    ...referenceProperties('Country', { codeLength: 2 }),
    alpha3: p.string().length(3).fieldName('Alpha3').unique(solomonName.unique('Country', 'Alpha3')),
    numericCode: p.string().length(3).fieldName('NumericCode').nullable(),
    phonePrefix: p.string().length(10).fieldName('PhonePrefix').nullable(),
    ...auditProperties(),
  },
  checks: referenceChecks('Country'),
});

/** A `ref.Country` row, typed from its definition. */
export interface Country extends InferEntity<typeof CountrySchema> {}

/**
 * `ref.Country`: countries, keyed by ISO 3166-1. `Code` is the alpha-2 code (`AU`), `Alpha3` the alpha-3 code
 * (`AUS`), `NumericCode` the three-digit numeric code as text (`036`, leading zeros kept) and `PhonePrefix`
 * the international dialling prefix (`+61`). Referenced by `dbo.CompanyBillingDetails.CountryID` and
 * `config.ValidationRule.CountryID`; soft-deletable.
 */
export const Country: EntitySchema<Country> = CountrySchema;
