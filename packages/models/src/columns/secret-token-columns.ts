import { p } from '@mikro-orm/core';
import { solomonName } from '../naming/solomon-name';

function outcomeDateProperty(column: string) {
  return p.datetime().fieldName(column).nullable();
}

/** The builder of a nullable outcome date column (`UsedDate`, `AcceptedDate`, `RevokedDate`). */
type OutcomeDateProperty = ReturnType<typeof outcomeDateProperty>;

/**
 * The columns of a row that stands for a secret link sent to someone (the three user tokens and
 * `dbo.UserInvitation`):
 * - `TokenHash`: only a hash of the secret is stored, unique (`UQ_Table_TokenHash`) and `hidden`, so
 *   `toObject()`, `toJSON()` and `serialize()` leave it out; the plain secret exists only in what was sent;
 * - `ExpiresDate`; the table declares `checks.expiresAfterCreated(table)` next to it;
 * - the redemption date (`UsedDate` of a token, `AcceptedDate` of an invitation) and `RevokedDate`
 *   (withdrawn before use), both null while the secret is still valid.
 *
 * A factory, like `auditProperties()`: MikroORM's discovery writes into each property, so tables must not
 * share one object.
 * @param table the table (`UserRefreshToken`), which names the unique constraint
 * @param redeemedProperty the property of the redemption date (`usedDate`, `acceptedDate`)
 * @param redeemedColumn its column (`UsedDate`, `AcceptedDate`)
 * @example
 * properties: { id, user, ...secretTokenProperties('UserRefreshToken', 'usedDate', 'UsedDate'), ...auditProperties() },
 * checks: [checks.expiresAfterCreated('UserRefreshToken')],
 */
export function secretTokenProperties<R extends string>(table: string, redeemedProperty: R, redeemedColumn: string) {
  const redeemed = { [redeemedProperty]: outcomeDateProperty(redeemedColumn) } as Record<R, OutcomeDateProperty>;
  return {
    tokenHash: p
      .string()
      .length(128)
      .fieldName('TokenHash')
      .hidden()
      .unique(solomonName.unique(table, 'TokenHash')),
    expiresDate: p.datetime().fieldName('ExpiresDate'),
    ...redeemed,
    revokedDate: outcomeDateProperty('RevokedDate'),
  };
}
