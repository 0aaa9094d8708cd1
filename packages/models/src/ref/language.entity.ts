import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const LanguageSchema = defineEntity({
  name: 'Language',
  schema: 'ref',
  tableName: 'Language',
  properties: {
    ...referenceProperties('Language', { codeLength: 2 }),
    nativeName: p.string().length(100).fieldName('NativeName').nullable(),
    ...auditProperties(),
  },
  checks: referenceChecks('Language'),
});

/** A `ref.Language` row, typed from its definition. */
export interface Language extends InferEntity<typeof LanguageSchema> {}

/**
 * `ref.Language`: languages, keyed by ISO 639-1 (`Code` = `en`), with the English `Name` and the language's
 * own `NativeName` (`Deutsch`). Referenced by `dbo.CompanyOrganizerDetails.LanguageID` (an organiser's
 * default event language); soft-deletable.
 */
export const Language: EntitySchema<Language> = LanguageSchema;
