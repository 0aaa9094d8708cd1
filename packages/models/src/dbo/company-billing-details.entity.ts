import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { solomonName } from '../naming/solomon-name';
import { Country } from '../ref/country.entity';
import { Company } from './company.entity';

const table = 'CompanyBillingDetails';

const CompanyBillingDetailsSchema = defineEntity({
  name: 'CompanyBillingDetails',
  schema: 'dbo',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('CompanyBillingDetailsID'),
    company: () =>
      p
        .oneToOne(Company)
        .owner()
        .inversedBy('billingDetails')
        .joinColumn('CompanyID')
        .foreignKeyName(solomonName.foreignKey(table, 'Company'))
        .deleteRule('no action')
        .updateRule('no action')
        .unique(solomonName.unique(table, 'CompanyID')),
    billingEmail: p.string().length(255).fieldName('BillingEmail'),
    billingContactName: p.string().length(200).fieldName('BillingContactName').nullable(),
    billingPhone: p.string().length(20).fieldName('BillingPhone').nullable(),
    billingAddressLine1: p.string().length(200).fieldName('BillingAddressLine1'),
    billingAddressLine2: p.string().length(200).fieldName('BillingAddressLine2').nullable(),
    billingCity: p.string().length(100).fieldName('BillingCity'),
    billingState: p.string().length(100).fieldName('BillingState').nullable(),
    billingPostcode: p.string().length(20).fieldName('BillingPostcode'),
    country: () => reference(table, Country, 'CountryID', 'Country'),
    purchaseOrderNumber: p.string().length(50).fieldName('PurchaseOrderNumber').nullable(),
    ...auditProperties(),
  },
});

/** A `dbo.CompanyBillingDetails` row, typed from its definition. */
export interface CompanyBillingDetails extends InferEntity<typeof CompanyBillingDetailsSchema> {}

/**
 * `dbo.CompanyBillingDetails`: where and to whom a company's invoices go: billing contact (`BillingEmail`,
 * `BillingContactName`, `BillingPhone`), postal address (`BillingAddressLine1`/`2`, `BillingCity`,
 * `BillingState`, `BillingPostcode`, `CountryID` → `ref.Country`) and an optional `PurchaseOrderNumber` to
 * quote on invoices.
 *
 * 1:1 with `dbo.Company`: this table owns the `CompanyID` foreign key, unique
 * (`UQ_CompanyBillingDetails_CompanyID`), inverse side `company.billingDetails`. Soft-deletable; audit
 * columns.
 */
export const CompanyBillingDetails: EntitySchema<CompanyBillingDetails> = CompanyBillingDetailsSchema;
