/**
 * The baseline's hand-written SQL: what a careful engineer writes without an ORM, with the same
 * soft-delete rules as the API's ORM: a soft-deleted row is gone, and so is a row whose required
 * reference is soft-deleted (a user whose status row is deleted; a membership whose company, role,
 * status or joined-via row is deleted).
 */

const USER_COLUMNS = `u."UserID" as "id", u."Email" as "email", u."FirstName" as "firstName", u."LastName" as "lastName",
  u."Phone" as "phone", u."RoleTitle" as "roleTitle", s."Code" as "status", u."IsEmailVerified" as "isEmailVerified",
  u."CreatedDate" as "createdDate", u."UpdatedDate" as "updatedDate"`;

/** One user with their live memberships: one row per membership (or one row with nulls), one round trip. */
export const USER_WITH_COMPANIES = `select ${USER_COLUMNS},
  c."CompanyID" as "companyId", c."CompanyName" as "companyName", r."Code" as "roleCode", r."Name" as "roleName",
  ucs."Code" as "membershipStatus", uc."IsDefaultCompany" as "isDefaultCompany"
from "dbo"."User" u
join "ref"."UserStatus" s on s."UserStatusID" = u."StatusID" and s."IsDeleted" = false
left join (
  "dbo"."UserCompany" uc
  join "dbo"."Company" c on c."CompanyID" = uc."CompanyID" and c."IsDeleted" = false
  join "ref"."UserCompanyRole" r on r."UserCompanyRoleID" = uc."UserCompanyRoleID" and r."IsDeleted" = false
  join "ref"."UserCompanyStatus" ucs on ucs."UserCompanyStatusID" = uc."UserCompanyStatusID" and ucs."IsDeleted" = false
  join "ref"."JoinedVia" jv on jv."JoinedViaID" = uc."JoinedVia" and jv."IsDeleted" = false
) on uc."UserID" = u."UserID" and uc."IsDeleted" = false
where u."UserID" = $1 and u."IsDeleted" = false
order by c."CompanyID"`;

/** One page of users ordered by id. */
export const USERS_PAGE = `select ${USER_COLUMNS}
from "dbo"."User" u
join "ref"."UserStatus" s on s."UserStatusID" = u."StatusID" and s."IsDeleted" = false
where u."IsDeleted" = false
order by u."UserID" asc
limit $1 offset $2`;

/** Every live user (the page's `total`). */
export const USERS_COUNT = `select count(*)::int as "total" from "dbo"."User" u
join "ref"."UserStatus" s on s."UserStatusID" = u."StatusID" and s."IsDeleted" = false
where u."IsDeleted" = false`;

/** Inserts a user with the `active` status and returns the columns the response shows. */
export const INSERT_USER = `with inserted as (
  insert into "dbo"."User" ("Email", "PasswordHash", "FirstName", "LastName", "Phone", "RoleTitle", "StatusID", "CreatedDate", "UpdatedDate")
  select $1, $2, $3, $4, $5, $6, s."UserStatusID", now(), now() from "ref"."UserStatus" s where s."Code" = 'active'
  returning *
)
select ${USER_COLUMNS} from inserted u join "ref"."UserStatus" s on s."UserStatusID" = u."StatusID"`;

/** A user row as the queries above name the columns. */
export interface UserRow {
  /** `UserID`. */
  id: number;
  /** The e-mail address. */
  email: string;
  /** First name; null when not given. */
  firstName: string | null;
  /** Last name; null when not given. */
  lastName: string | null;
  /** Phone number; null when not given. */
  phone: string | null;
  /** Job title; null when not given. */
  roleTitle: string | null;
  /** The `ref.UserStatus` code. */
  status: string;
  /** Whether the user verified their e-mail address. */
  isEmailVerified: boolean;
  /** When the row was created. */
  createdDate: Date;
  /** When the row was last updated. */
  updatedDate: Date;
}

/** A row of {@link USER_WITH_COMPANIES}. */
export interface UserMembershipRow extends UserRow {
  /** The company's id; null for a user without a live membership (left join). */
  companyId: number | null;
  /** The company's name; null without a membership. */
  companyName: string | null;
  /** The `ref.UserCompanyRole` code; null without a membership. */
  roleCode: string | null;
  /** The role's display name; null without a membership. */
  roleName: string | null;
  /** The `ref.UserCompanyStatus` code; null without a membership. */
  membershipStatus: string | null;
  /** Whether this is the user's default company; null without a membership. */
  isDefaultCompany: boolean | null;
}

/** The API's user DTO. */
export function userDto(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    phone: row.phone,
    roleTitle: row.roleTitle,
    status: row.status,
    isEmailVerified: row.isEmailVerified,
    createdDate: row.createdDate.toISOString(),
    updatedDate: row.updatedDate.toISOString(),
  };
}

/** The API's user-with-companies DTO from the joined rows (the first row carries the user). */
export function userDetailDto(rows: readonly UserMembershipRow[]) {
  const [first] = rows;
  if (first === undefined) return undefined;
  const companies = [];
  for (const row of rows) {
    if (row.companyId === null) continue;
    companies.push({
      companyId: row.companyId,
      companyName: row.companyName ?? '',
      role: { code: row.roleCode ?? '', name: row.roleName ?? '' },
      status: row.membershipStatus ?? '',
      isDefaultCompany: row.isDefaultCompany ?? false,
    });
  }
  return { ...userDto(first), companies };
}
