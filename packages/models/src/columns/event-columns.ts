import { p } from '@mikro-orm/core';
import { solomonName } from '../naming/solomon-name';

/**
 * `IPAddress`, `UserAgent`, `RequestID`: the request a row came from (all nullable; system actions have
 * none). Shared by the change histories, `audit.ActivityLog` and `log.AuthEvent`.
 */
export function requestContextProperties() {
  return {
    ipAddress: p.string().length(45).fieldName('IPAddress').nullable(),
    userAgent: p.string().length(500).fieldName('UserAgent').nullable(),
    requestId: p.string().length(64).fieldName('RequestID').nullable(),
  };
}

/**
 * `UserID`, `CompanyID`: the user and company an audit or log row is about, both nullable (anonymous and
 * system events) and indexed. Plain columns, not foreign keys: the row must outlive the user and company it
 * mentions and never block their deletion. Shared by `audit.ActivityLog`, `log.ApiRequest` and
 * `log.ApplicationError`.
 * @param table the table (`ApiRequest`), which names the indexes
 */
export function userAndCompanyProperties(table: string) {
  return {
    userId: p.bigint('number').fieldName('UserID').nullable().index(solomonName.index(table, 'UserID')),
    companyId: p
      .bigint('number')
      .fieldName('CompanyID')
      .nullable()
      .index(solomonName.index(table, 'CompanyID')),
  };
}
