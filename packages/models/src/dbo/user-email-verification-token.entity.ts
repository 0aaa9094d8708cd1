import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { secretTokenProperties } from '../columns/secret-token-columns';
import { checks } from '../naming/check-constraint';
import { User } from './user.entity';

const table = 'UserEmailVerificationToken';

const UserEmailVerificationTokenSchema = defineEntity({
  name: 'UserEmailVerificationToken',
  schema: 'dbo',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('UserEmailVerificationTokenID'),
    user: () => reference(table, User, 'UserID', 'User').inversedBy('emailVerificationTokens'),
    ...secretTokenProperties(table, 'usedDate', 'UsedDate'),
    ...auditProperties(),
  },
  checks: [checks.expiresAfterCreated(table)],
});

/** A `dbo.UserEmailVerificationToken` row, typed from its definition. */
export interface UserEmailVerificationToken extends InferEntity<typeof UserEmailVerificationTokenSchema> {}

/**
 * `dbo.UserEmailVerificationToken`: a single-use token emailed to a user to prove they own their address.
 * Issuing a new one revokes the older ones.
 *
 * Only a hash of the token is stored (`TokenHash`, unique, hidden from serialisation); the plain token exists
 * only in what was sent to the user. `ExpiresDate` must be later than `CreatedDate`
 * (`CK_UserEmailVerificationToken_ExpiresDate`); `UsedDate` is set when the token is redeemed and
 * `RevokedDate` when it is withdrawn before use. A token is valid while both are null and `ExpiresDate` is in
 * the future.
 *
 * Relationships: `user` → `dbo.User` (inverse: `user.emailVerificationTokens`). Soft-deletable; audit
 * columns.
 */
export const UserEmailVerificationToken: EntitySchema<UserEmailVerificationToken> =
  UserEmailVerificationTokenSchema;
