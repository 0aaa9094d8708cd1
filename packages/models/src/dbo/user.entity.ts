import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { liveUnique } from '../columns/live-unique';
import { reference } from '../columns/reference';
import { checks } from '../naming/check-constraint';
import { UserStatus } from '../ref/user-status.entity';
import { UserCompany } from './user-company.entity';
import { UserEmailVerificationToken } from './user-email-verification-token.entity';
import { UserInvitation } from './user-invitation.entity';
import { UserPasswordResetToken } from './user-password-reset-token.entity';
import { UserRefreshToken } from './user-refresh-token.entity';

const UserSchema = defineEntity({
  name: 'User',
  schema: 'dbo',
  tableName: 'User',
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('UserID'),
    email: p.string().length(255).fieldName('Email'),
    passwordHash: p.string().length(255).fieldName('PasswordHash').hidden(),
    firstName: p.string().length(100).fieldName('FirstName').nullable(),
    lastName: p.string().length(100).fieldName('LastName').nullable(),
    phone: p.string().length(20).fieldName('Phone').nullable(),
    roleTitle: p.string().length(100).fieldName('RoleTitle').nullable(),
    isEmailVerified: p.boolean().fieldName('IsEmailVerified').default(false),
    emailVerifiedDate: p.datetime().fieldName('EmailVerifiedDate').nullable(),
    onboardingComplete: p.boolean().fieldName('OnboardingComplete').default(false),
    lastLogin: p.datetime().fieldName('LastLogin').nullable(),
    accessTokenVersion: p.integer().fieldName('AccessTokenVersion').default(0),
    status: () => reference('User', UserStatus, 'StatusID', 'UserStatus'),
    userCompanies: () => p.oneToMany(UserCompany).mappedBy('user'),
    sentInvitations: () => p.oneToMany(UserInvitation).mappedBy('invitedBy'),
    emailVerificationTokens: () => p.oneToMany(UserEmailVerificationToken).mappedBy('user'),
    passwordResetTokens: () => p.oneToMany(UserPasswordResetToken).mappedBy('user'),
    refreshTokens: () => p.oneToMany(UserRefreshToken).mappedBy('user'),
    ...auditProperties(),
  },
  // Unique among live users: a soft-deleted user's email can register again.
  uniques: [liveUnique('User', 'email', 'Email')],
  checks: [checks.nonNegative('User', 'AccessTokenVersion')],
});

/** A `dbo.User` row, typed from its definition. */
export interface User extends InferEntity<typeof UserSchema> {}

/**
 * `dbo.User`: a person who signs in. `Email` is the login, unique among live (not soft-deleted) users; `PasswordHash` holds the bcrypt hash
 * and is hidden from serialisation. `IsEmailVerified`/`EmailVerifiedDate` record email verification,
 * `AccessTokenVersion` is bumped to invalidate every access token the user holds, and `StatusID` points at
 * `ref.UserStatus` (the account state; there is no `IsActive` column).
 *
 * Relationships: `status` → `ref.UserStatus`; `userCompanies` → the `dbo.UserCompany` memberships (populate
 * `userCompanies.company` to reach the companies). The story's `user.companies` is
 * `findUserCompanies(em, user)` in `@eventlead/db`: the live companies, in one query, read-only. It is not a
 * many-to-many through `UserCompany` on purpose: MikroORM loads such a collection without the soft-delete
 * filter on the membership (soft-deleted memberships would leak), and adding to it would insert membership
 * rows without their required role, status and joined-via. `sentInvitations` → `dbo.UserInvitation` rows the user
 * sent; `emailVerificationTokens`, `passwordResetTokens`, `refreshTokens` → the user's tokens.
 * Soft-deletable; audit columns.
 */
export const User: EntitySchema<User> = UserSchema;
