import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { solomonName } from '../naming/solomon-name';
import { CustomerTier } from '../ref/customer-tier.entity';
import { Industry } from '../ref/industry.entity';
import { Company } from './company.entity';

const table = 'CompanyCustomerDetails';

const CompanyCustomerDetailsSchema = defineEntity({
  name: 'CompanyCustomerDetails',
  schema: 'dbo',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('CompanyCustomerDetailsID'),
    company: () =>
      p
        .oneToOne(Company)
        .owner()
        .inversedBy('customerDetails')
        .joinColumn('CompanyID')
        .foreignKeyName(solomonName.foreignKey(table, 'Company'))
        .deleteRule('no action')
        .updateRule('no action')
        .unique(solomonName.unique(table, 'CompanyID')),
    customerTier: () => reference(table, CustomerTier, 'CustomerTierID', 'CustomerTier'),
    industry: () =>
      p
        .manyToOne(Industry)
        .joinColumn('IndustryID')
        .nullable()
        .foreignKeyName(solomonName.foreignKey(table, 'Industry'))
        .deleteRule('no action')
        .updateRule('no action')
        .index(solomonName.index(table, 'IndustryID')),
    companySize: p.string().length(20).fieldName('CompanySize').nullable(),
    websiteUrl: p.string().length(500).fieldName('WebsiteUrl').nullable(),
    referralSource: p.string().length(100).fieldName('ReferralSource').nullable(),
    ...auditProperties(),
  },
});

/** A `dbo.CompanyCustomerDetails` row, typed from its definition. */
export interface CompanyCustomerDetails extends InferEntity<typeof CompanyCustomerDetailsSchema> {}

/**
 * `dbo.CompanyCustomerDetails`: what EventLead knows about a company as a customer: its commercial tier
 * (`CustomerTierID` → `ref.CustomerTier`), industry (`IndustryID` → `ref.Industry`), size band
 * (`CompanySize`, for example `11-50`), website and how it heard of EventLead (`ReferralSource`).
 *
 * 1:1 with `dbo.Company`: this table owns the `CompanyID` foreign key, unique
 * (`UQ_CompanyCustomerDetails_CompanyID`), inverse side `company.customerDetails`. Soft-deletable; audit
 * columns.
 */
export const CompanyCustomerDetails: EntitySchema<CompanyCustomerDetails> = CompanyCustomerDetailsSchema;
