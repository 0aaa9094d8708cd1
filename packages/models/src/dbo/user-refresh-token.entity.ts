import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { secretTokenProperties } from '../columns/secret-token-columns';
import { checks } from '../naming/check-constraint';
import { User } from './user.entity';

const table = 'UserRefreshToken';

const UserRefreshTokenSchema = defineEntity({
  name: 'UserRefreshToken',
  schema: 'dbo',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('UserRefreshTokenID'),
    user: () => reference(table, User, 'UserID', 'User').inversedBy('refreshTokens'),
    ...secretTokenProperties(table, 'usedDate', 'UsedDate'),
    ipAddress: p.string().length(45).fieldName('IPAddress').nullable(),
    userAgent: p.string().length(500).fieldName('UserAgent').nullable(),
    ...auditProperties(),
  },
  checks: [checks.expiresAfterCreated(table)],
});

/** A `dbo.UserRefreshToken` row, typed from its definition. */
export interface UserRefreshToken extends InferEntity<typeof UserRefreshTokenSchema> {}

/**
 * `dbo.UserRefreshToken`: a refresh token of one signed-in session. Tokens rotate: using one sets its
 * `UsedDate` and issues a successor, so a second use of the same token reveals theft and revokes the session.
 * `IPAddress`/`UserAgent` describe the device for a list of active sessions.
 *
 * Only a hash of the token is stored (`TokenHash`, unique, hidden from serialisation); the plain token exists
 * only in what was sent to the user. `ExpiresDate` must be later than `CreatedDate`
 * (`CK_UserRefreshToken_ExpiresDate`); `UsedDate` is set when the token is redeemed and `RevokedDate` when it
 * is withdrawn before use. A token is valid while both are null and `ExpiresDate` is in the future.
 *
 * Relationships: `user` → `dbo.User` (inverse: `user.refreshTokens`). Soft-deletable; audit columns.
 */
export const UserRefreshToken: EntitySchema<UserRefreshToken> = UserRefreshTokenSchema;
