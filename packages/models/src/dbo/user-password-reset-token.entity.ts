import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { secretTokenProperties } from '../columns/secret-token-columns';
import { checks } from '../naming/check-constraint';
import { User } from './user.entity';

const table = 'UserPasswordResetToken';

const UserPasswordResetTokenSchema = defineEntity({
  name: 'UserPasswordResetToken',
  schema: 'dbo',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('UserPasswordResetTokenID'),
    user: () => reference(table, User, 'UserID', 'User').inversedBy('passwordResetTokens'),
    ...secretTokenProperties(table, 'usedDate', 'UsedDate'),
    ipAddress: p.string().length(45).fieldName('IPAddress').nullable(),
    ...auditProperties(),
  },
  checks: [checks.expiresAfterCreated(table)],
});

/** A `dbo.UserPasswordResetToken` row, typed from its definition. */
export interface UserPasswordResetToken extends InferEntity<typeof UserPasswordResetTokenSchema> {}

/**
 * `dbo.UserPasswordResetToken`: a single-use, short-lived token emailed to a user who asked to reset their
 * password. `IPAddress` records where the request came from.
 *
 * Only a hash of the token is stored (`TokenHash`, unique, hidden from serialisation); the plain token exists
 * only in what was sent to the user. `ExpiresDate` must be later than `CreatedDate`
 * (`CK_UserPasswordResetToken_ExpiresDate`); `UsedDate` is set when the token is redeemed and `RevokedDate`
 * when it is withdrawn before use. A token is valid while both are null and `ExpiresDate` is in the future.
 *
 * Relationships: `user` → `dbo.User` (inverse: `user.passwordResetTokens`). Soft-deletable; audit columns.
 */
export const UserPasswordResetToken: EntitySchema<UserPasswordResetToken> = UserPasswordResetTokenSchema;
