import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const TimezoneSchema = defineEntity({
  name: 'Timezone',
  schema: 'ref',
  tableName: 'Timezone',
  properties: {
    ...referenceProperties('Timezone', { codeLength: 64 }),
    utcOffset: p.string().length(6).fieldName('UtcOffset'),
    ...auditProperties(),
  },
  checks: referenceChecks('Timezone'),
});

/** A `ref.Timezone` row, typed from its definition. */
export interface Timezone extends InferEntity<typeof TimezoneSchema> {}

/**
 * `ref.Timezone`: time zones. `Code` is the IANA name (`Australia/Sydney`), `Name` a display name and
 * `UtcOffset` the standard offset as text (`+10:00`); daylight saving is left to the IANA rules, which is why
 * events store the zone, not the offset. Referenced by `dbo.CompanyOrganizerDetails.TimezoneID` (an
 * organiser's default event time zone); soft-deletable.
 */
export const Timezone: EntitySchema<Timezone> = TimezoneSchema;
