import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { solomonName } from '../naming/solomon-name';
import { CompanyBillingDetails } from './company-billing-details.entity';
import { CompanyCustomerDetails } from './company-customer-details.entity';
import { CompanyOrganizerDetails } from './company-organizer-details.entity';
import { UserCompany } from './user-company.entity';
import { UserInvitation } from './user-invitation.entity';

const CompanySchema = defineEntity({
  name: 'Company',
  schema: 'dbo',
  tableName: 'Company',
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('CompanyID'),
    companyName: p.string().length(200).fieldName('CompanyName'),
    abn: p.string().length(11).fieldName('ABN').nullable().index(solomonName.index('Company', 'ABN')),
    acn: p.string().length(9).fieldName('ACN').nullable(),
    tradingName: p.string().length(200).fieldName('TradingName').nullable(),
    entityTypeCode: p.string().length(10).fieldName('EntityTypeCode').nullable(),
    entityTypeName: p.string().length(200).fieldName('EntityTypeName').nullable(),
    gstRegistered: p.boolean().fieldName('GSTRegistered').default(false),
    isActive: p.boolean().fieldName('IsActive').default(true),
    userCompanies: () => p.oneToMany(UserCompany).mappedBy('company'),
    customerDetails: () => p.oneToOne(CompanyCustomerDetails).mappedBy('company').nullable(),
    billingDetails: () => p.oneToOne(CompanyBillingDetails).mappedBy('company').nullable(),
    organizerDetails: () => p.oneToOne(CompanyOrganizerDetails).mappedBy('company').nullable(),
    invitations: () => p.oneToMany(UserInvitation).mappedBy('company'),
    ...auditProperties(),
  },
});

/** A `dbo.Company` row, typed from its definition. */
export interface Company extends InferEntity<typeof CompanySchema> {}

/**
 * `dbo.Company`: an organisation using EventLead. `CompanyName` is the legal name and `TradingName` the name
 * it trades under; `ABN`/`ACN` are the Australian Business/Company Numbers (digits only), and
 * `EntityTypeCode`/`EntityTypeName`/`GSTRegistered` are copied from the ABR lookup. `IsActive` lets an
 * administrator switch a company off without deleting it. `ABN` is indexed for lookups but not unique: a
 * soft-deleted company may register again, and many companies may not have an ABN yet.
 *
 * Relationships: `userCompanies` → its `dbo.UserCompany` memberships (populate `userCompanies.user` to reach
 * the users; the story's `company.users` is `findCompanyUsers(em, company)` in `@eventlead/db`, read-only for
 * the reasons given on `User`); `customerDetails`, `billingDetails`, `organizerDetails` → the optional 1:1 detail rows (the
 * details tables own the `CompanyID` foreign key); `invitations` → `dbo.UserInvitation` rows. Soft-deletable;
 * audit columns.
 */
export const Company: EntitySchema<Company> = CompanySchema;
