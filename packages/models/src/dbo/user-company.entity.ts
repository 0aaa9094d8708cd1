import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { solomonName } from '../naming/solomon-name';
import { JoinedVia } from '../ref/joined-via.entity';
import { UserCompanyRole } from '../ref/user-company-role.entity';
import { UserCompanyStatus } from '../ref/user-company-status.entity';
import { Company } from './company.entity';
import { User } from './user.entity';

const table = 'UserCompany';

const UserCompanySchema = defineEntity({
  name: 'UserCompany',
  schema: 'dbo',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('UserCompanyID'),
    user: () => reference(table, User, 'UserID', 'UserID').inversedBy('userCompanies'),
    company: () => reference(table, Company, 'CompanyID', 'Company').inversedBy('userCompanies'),
    role: () => reference(table, UserCompanyRole, 'UserCompanyRoleID', 'UserCompanyRole'),
    status: () => reference(table, UserCompanyStatus, 'UserCompanyStatusID', 'UserCompanyStatus'),
    isDefaultCompany: p.boolean().fieldName('IsDefaultCompany').default(false),
    joinedVia: () => reference(table, JoinedVia, 'JoinedVia', 'JoinedVia'),
    invitedBy: () =>
      p
        .manyToOne(User)
        .joinColumn('InvitedBy')
        .nullable()
        .foreignKeyName(solomonName.foreignKey(table, 'InvitedBy'))
        .deleteRule('no action')
        .updateRule('no action')
        .index(solomonName.index(table, 'InvitedBy')),
    ...auditProperties(),
  },
  uniques: [{ name: solomonName.unique(table, 'UserID', 'CompanyID'), properties: ['user', 'company'] }],
});

/** A `dbo.UserCompany` row, typed from its definition. */
export interface UserCompany extends InferEntity<typeof UserCompanySchema> {}

/**
 * `dbo.UserCompany`: a user's membership of a company, with the role they hold there (`UserCompanyRoleID` →
 * `ref.UserCompanyRole`), the membership state (`UserCompanyStatusID` → `ref.UserCompanyStatus`), whether it
 * is the company they land in after sign-in (`IsDefaultCompany`), how they joined (`JoinedVia` →
 * `ref.JoinedVia`; the column keeps the seed's name without `ID`) and who invited them (`InvitedBy` →
 * `dbo.User`, null when they signed up themselves).
 *
 * One row per user and company (`UQ_UserCompany_UserID_CompanyID`); to re-add a removed member, restore the
 * soft-deleted row instead of inserting a new one. Two foreign keys point at `dbo.User`, so they are named
 * after their columns (`FK_UserCompany_UserID`, `FK_UserCompany_InvitedBy`). No foreign key cascades: SQL
 * Server rejects multiple cascade paths, and rows are soft-deleted anyway. Soft-deletable; audit columns.
 */
export const UserCompany: EntitySchema<UserCompany> = UserCompanySchema;
