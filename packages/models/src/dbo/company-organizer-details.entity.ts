import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { checks } from '../naming/check-constraint';
import { solomonName } from '../naming/solomon-name';
import { Language } from '../ref/language.entity';
import { Timezone } from '../ref/timezone.entity';
import { Company } from './company.entity';

const table = 'CompanyOrganizerDetails';

const CompanyOrganizerDetailsSchema = defineEntity({
  name: 'CompanyOrganizerDetails',
  schema: 'dbo',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('CompanyOrganizerDetailsID'),
    company: () =>
      p
        .oneToOne(Company)
        .owner()
        .inversedBy('organizerDetails')
        .joinColumn('CompanyID')
        .foreignKeyName(solomonName.foreignKey(table, 'Company'))
        .deleteRule('no action')
        .updateRule('no action')
        .unique(solomonName.unique(table, 'CompanyID')),
    organizerDisplayName: p.string().length(200).fieldName('OrganizerDisplayName').nullable(),
    publicEmail: p.string().length(255).fieldName('PublicEmail').nullable(),
    publicPhone: p.string().length(20).fieldName('PublicPhone').nullable(),
    websiteUrl: p.string().length(500).fieldName('WebsiteUrl').nullable(),
    description: p.text().fieldName('Description').nullable(),
    timezone: () =>
      p
        .manyToOne(Timezone)
        .joinColumn('TimezoneID')
        .nullable()
        .foreignKeyName(solomonName.foreignKey(table, 'Timezone'))
        .deleteRule('no action')
        .updateRule('no action')
        .index(solomonName.index(table, 'TimezoneID')),
    language: () =>
      p
        .manyToOne(Language)
        .joinColumn('LanguageID')
        .nullable()
        .foreignKeyName(solomonName.foreignKey(table, 'Language'))
        .deleteRule('no action')
        .updateRule('no action')
        .index(solomonName.index(table, 'LanguageID')),
    eventsPerYear: p.integer().fieldName('EventsPerYear').nullable(),
    typicalAttendeeCount: p.integer().fieldName('TypicalAttendeeCount').nullable(),
    ...auditProperties(),
  },
  checks: [
    checks.nonNegative(table, 'EventsPerYear'),
    checks.nonNegative(table, 'TypicalAttendeeCount'),
  ],
});

/** A `dbo.CompanyOrganizerDetails` row, typed from its definition. */
export interface CompanyOrganizerDetails extends InferEntity<typeof CompanyOrganizerDetailsSchema> {}

/**
 * `dbo.CompanyOrganizerDetails`: a company's profile as an event organiser: the name shown to attendees
 * (`OrganizerDisplayName`), public contact (`PublicEmail`, `PublicPhone`, `WebsiteUrl`), a description, the
 * defaults for new events (`TimezoneID` → `ref.Timezone`, `LanguageID` → `ref.Language`) and its expected
 * scale (`EventsPerYear`, `TypicalAttendeeCount`, both non-negative when known).
 *
 * 1:1 with `dbo.Company`: this table owns the `CompanyID` foreign key, unique
 * (`UQ_CompanyOrganizerDetails_CompanyID`), inverse side `company.organizerDetails`. Soft-deletable; audit
 * columns.
 */
export const CompanyOrganizerDetails: EntitySchema<CompanyOrganizerDetails> = CompanyOrganizerDetailsSchema;
