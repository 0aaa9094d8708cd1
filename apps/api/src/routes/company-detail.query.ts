import type { Orm } from '@eventlead/db';
import { NotFoundError } from '../errors';
import type { CompanyDetailDto, MemberDto } from './companies.schemas';
import { StatementById, type Knex } from './fixed-statement';
import { toBoolean, toIsoTimestamp, toNullableString, toNumber, toText } from './row-values';

/**
 * `GET /companies/:id` in one statement: the company and one row per live membership. The soft-delete
 * rules are the ORM filter's, written out: a deleted company is no company; a member is listed only
 * when the membership, the user, the role and the status are all live.
 */
export function buildCompanyDetailQuery(knex: Knex, id: number) {
  return knex({ c: 'dbo.Company' })
    .select({
      id: 'c.CompanyID',
      companyName: 'c.CompanyName',
      abn: 'c.ABN',
      acn: 'c.ACN',
      tradingName: 'c.TradingName',
      gstRegistered: 'c.GSTRegistered',
      isActive: 'c.IsActive',
      createdDate: 'c.CreatedDate',
      updatedDate: 'c.UpdatedDate',
      isDefaultCompany: 'uc.IsDefaultCompany',
      userId: 'u.UserID',
      email: 'u.Email',
      firstName: 'u.FirstName',
      lastName: 'u.LastName',
      roleCode: 'r.Code',
      roleName: 'r.Name',
      membershipStatus: 'ms.Code',
    })
    .leftJoin({ uc: 'dbo.UserCompany' }, (j) => {
      j.on('uc.CompanyID', '=', 'c.CompanyID').andOnVal('uc.IsDeleted', '=', false);
    })
    .leftJoin({ u: 'dbo.User' }, (j) => {
      j.on('u.UserID', '=', 'uc.UserID').andOnVal('u.IsDeleted', '=', false);
    })
    .leftJoin({ r: 'ref.UserCompanyRole' }, (j) => {
      j.on('r.UserCompanyRoleID', '=', 'uc.UserCompanyRoleID').andOnVal('r.IsDeleted', '=', false);
    })
    .leftJoin({ ms: 'ref.UserCompanyStatus' }, (j) => {
      j.on('ms.UserCompanyStatusID', '=', 'uc.UserCompanyStatusID').andOnVal('ms.IsDeleted', '=', false);
    })
    .where('c.CompanyID', id)
    .andWhere('c.IsDeleted', false);
}

const companyDetailStatement = new StatementById(buildCompanyDetailQuery);

/** The rows of {@link buildCompanyDetailQuery} as the DTO; `undefined` when there are none (no live company). */
export function toCompanyDetailDto(rows: readonly Record<string, unknown>[]): CompanyDetailDto | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  const users: MemberDto[] = [];
  for (const row of rows) {
    // A membership whose user, role or status is deleted (or no membership at all) joins as NULLs.
    if (row.userId == null || row.roleCode == null || row.membershipStatus == null) continue;
    users.push({
      userId: toNumber(row.userId),
      email: toText(row.email),
      firstName: toNullableString(row.firstName),
      lastName: toNullableString(row.lastName),
      role: { code: toText(row.roleCode), name: toText(row.roleName) },
      status: toText(row.membershipStatus),
      isDefaultCompany: toBoolean(row.isDefaultCompany),
    });
  }
  users.sort((a, b) => a.userId - b.userId);
  return {
    id: toNumber(first.id),
    companyName: toText(first.companyName),
    abn: toNullableString(first.abn),
    acn: toNullableString(first.acn),
    tradingName: toNullableString(first.tradingName),
    gstRegistered: toBoolean(first.gstRegistered),
    isActive: toBoolean(first.isActive),
    createdDate: toIsoTimestamp(first.createdDate),
    updatedDate: toIsoTimestamp(first.updatedDate),
    users,
  };
}

/** One company with its live members, or a 404 {@link NotFoundError}. */
export async function loadCompanyDetail(em: Orm['em'], id: number): Promise<CompanyDetailDto> {
  const detail = toCompanyDetailDto(await companyDetailStatement.rows(em, id));
  if (detail === undefined) throw new NotFoundError('Company');
  return detail;
}
