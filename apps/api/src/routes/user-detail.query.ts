import type { Orm } from '@eventlead/db';
import { NotFoundError } from '../errors';
import { StatementById, type Knex } from './fixed-statement';
import { toBoolean, toIsoTimestamp, toNullableString, toNumber, toText } from './row-values';
import type { MembershipDto, UserDetailDto } from './users.schemas';

/**
 * `GET /users/:id` in one statement: the user (with status code) and one row per live membership.
 * The soft-delete rules are the ORM filter's, written out: a deleted user (or a deleted status row) is
 * no user; a membership is listed only when it, its company, its role and its status are all live.
 */
export function buildUserDetailQuery(knex: Knex, id: number) {
  return knex({ u: 'dbo.User' })
    .select({
      id: 'u.UserID',
      email: 'u.Email',
      firstName: 'u.FirstName',
      lastName: 'u.LastName',
      phone: 'u.Phone',
      roleTitle: 'u.RoleTitle',
      isEmailVerified: 'u.IsEmailVerified',
      createdDate: 'u.CreatedDate',
      updatedDate: 'u.UpdatedDate',
      status: 's.Code',
      isDefaultCompany: 'uc.IsDefaultCompany',
      companyId: 'c.CompanyID',
      companyName: 'c.CompanyName',
      roleCode: 'r.Code',
      roleName: 'r.Name',
      membershipStatus: 'ms.Code',
    })
    .join({ s: 'ref.UserStatus' }, (j) => {
      j.on('s.UserStatusID', '=', 'u.StatusID').andOnVal('s.IsDeleted', '=', false);
    })
    .leftJoin({ uc: 'dbo.UserCompany' }, (j) => {
      j.on('uc.UserID', '=', 'u.UserID').andOnVal('uc.IsDeleted', '=', false);
    })
    .leftJoin({ c: 'dbo.Company' }, (j) => {
      j.on('c.CompanyID', '=', 'uc.CompanyID').andOnVal('c.IsDeleted', '=', false);
    })
    .leftJoin({ r: 'ref.UserCompanyRole' }, (j) => {
      j.on('r.UserCompanyRoleID', '=', 'uc.UserCompanyRoleID').andOnVal('r.IsDeleted', '=', false);
    })
    .leftJoin({ ms: 'ref.UserCompanyStatus' }, (j) => {
      j.on('ms.UserCompanyStatusID', '=', 'uc.UserCompanyStatusID').andOnVal('ms.IsDeleted', '=', false);
    })
    .where('u.UserID', id)
    .andWhere('u.IsDeleted', false);
}

const userDetailStatement = new StatementById(buildUserDetailQuery);

/** The rows of {@link buildUserDetailQuery} as the DTO; `undefined` when there are none (no live user). */
export function toUserDetailDto(rows: readonly Record<string, unknown>[]): UserDetailDto | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  const companies: MembershipDto[] = [];
  for (const row of rows) {
    // A membership whose company, role or status is deleted (or no membership at all) joins as NULLs.
    if (row.companyId == null || row.roleCode == null || row.membershipStatus == null) continue;
    companies.push({
      companyId: toNumber(row.companyId),
      companyName: toText(row.companyName),
      role: { code: toText(row.roleCode), name: toText(row.roleName) },
      status: toText(row.membershipStatus),
      isDefaultCompany: toBoolean(row.isDefaultCompany),
    });
  }
  companies.sort((a, b) => a.companyId - b.companyId);
  return {
    id: toNumber(first.id),
    email: toText(first.email),
    firstName: toNullableString(first.firstName),
    lastName: toNullableString(first.lastName),
    phone: toNullableString(first.phone),
    roleTitle: toNullableString(first.roleTitle),
    status: toText(first.status),
    isEmailVerified: toBoolean(first.isEmailVerified),
    createdDate: toIsoTimestamp(first.createdDate),
    updatedDate: toIsoTimestamp(first.updatedDate),
    companies,
  };
}

/** One user with their live memberships, or a 404 {@link NotFoundError}. */
export async function loadUserDetail(em: Orm['em'], id: number): Promise<UserDetailDto> {
  const detail = toUserDetailDto(await userDetailStatement.rows(em, id));
  if (detail === undefined) throw new NotFoundError('User');
  return detail;
}
