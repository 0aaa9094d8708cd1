import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { secretTokenProperties } from '../columns/secret-token-columns';
import { checks } from '../naming/check-constraint';
import { solomonName } from '../naming/solomon-name';
import { UserCompanyRole } from '../ref/user-company-role.entity';
import { UserInvitationStatus } from '../ref/user-invitation-status.entity';
import { Company } from './company.entity';
import { User } from './user.entity';

const table = 'UserInvitation';

const UserInvitationSchema = defineEntity({
  name: 'UserInvitation',
  schema: 'dbo',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('UserInvitationID'),
    company: () => reference(table, Company, 'CompanyID', 'Company').inversedBy('invitations'),
    email: p.string().length(255).fieldName('Email').index(solomonName.index(table, 'Email')),
    firstName: p.string().length(100).fieldName('FirstName').nullable(),
    lastName: p.string().length(100).fieldName('LastName').nullable(),
    role: () => reference(table, UserCompanyRole, 'UserCompanyRoleID', 'UserCompanyRole'),
    invitedBy: () => reference(table, User, 'InvitedBy', 'User').inversedBy('sentInvitations'),
    status: () => reference(table, UserInvitationStatus, 'UserInvitationStatusID', 'UserInvitationStatus'),
    ...secretTokenProperties(table, 'acceptedDate', 'AcceptedDate'),
    ...auditProperties(),
  },
  checks: [checks.expiresAfterCreated(table)],
});

/** A `dbo.UserInvitation` row, typed from its definition. */
export interface UserInvitation extends InferEntity<typeof UserInvitationSchema> {}

/**
 * `dbo.UserInvitation`: an invitation for someone (by `Email`, optionally with a name) to join a company with
 * a given role (`UserCompanyRoleID` → `ref.UserCompanyRole`), sent by `InvitedBy` → `dbo.User`.
 * `UserInvitationStatusID` → `ref.UserInvitationStatus` tracks its lifecycle; `AcceptedDate` and
 * `RevokedDate` record the outcome. The link emailed to the invitee carries a token of which only the hash is
 * stored (`TokenHash`, unique, hidden); `ExpiresDate` must be later than `CreatedDate`.
 *
 * Relationships: `company` → `dbo.Company` (inverse `company.invitations`), `invitedBy` → `dbo.User` (inverse
 * `user.sentInvitations`), `role`, `status`. Accepting creates a `dbo.UserCompany` row. Soft-deletable; audit
 * columns.
 */
export const UserInvitation: EntitySchema<UserInvitation> = UserInvitationSchema;
