/**
 * Set-based generation of the bench data set: companies, users and their memberships are each one
 * `INSERT ... SELECT generate_series` statement, so 100k users take seconds, not minutes.
 *
 * Shapes: every user has a status; 70% of users belong to 1–3 companies (by `UserID % 10` and
 * `% 3`); about 5% of memberships (never a user's first) and 1% of users are soft-deleted, so the
 * soft-delete filter has rows to hide. The emails end in `@bench.example.com`, apart from any operator account the
 * reference seed creates.
 */

/** The domain of every generated user's email. */
export const BENCH_EMAIL_DOMAIN = 'bench.example.com';

/** `$1` = number of companies. */
export const INSERT_COMPANIES = `insert into "dbo"."Company"
  ("CompanyName", "ABN", "ACN", "TradingName", "GSTRegistered", "IsActive", "CreatedDate", "UpdatedDate")
select 'Bench Events ' || g || ' Pty Ltd',
  (51000000000 + g)::text,
  lpad(g::text, 9, '0'),
  case when g % 4 = 0 then 'Bench Events ' || g end,
  g % 2 = 0,
  g % 50 <> 0,
  timestamptz '2024-01-01 00:00:00+00' + g * interval '7 minutes',
  timestamptz '2024-06-01 00:00:00+00' + g * interval '3 minutes'
from generate_series(1, $1::int) g`;

/** `$1` = number of users. */
export const INSERT_USERS = `insert into "dbo"."User"
  ("Email", "PasswordHash", "FirstName", "LastName", "Phone", "RoleTitle", "IsEmailVerified", "StatusID",
   "CreatedDate", "UpdatedDate", "IsDeleted", "DeletedDate")
select 'user' || g || '@${BENCH_EMAIL_DOMAIN}',
  '$2b$12$' || rpad(md5(g::text), 53, 'x'),
  (array['Olivia','Jack','Charlotte','William','Amelia','Noah','Isla','Oliver','Mia','Thomas'])[1 + g % 10],
  (array['Smith','Jones','Williams','Brown','Wilson','Taylor','Nguyen','Johnson','Martin','White'])[1 + (g / 10) % 10],
  case when g % 3 = 0 then null else '04' || lpad((g % 100000000)::text, 8, '0') end,
  case when g % 5 = 0 then 'Event Manager' when g % 5 = 1 then 'Marketing Lead' end,
  g % 4 <> 0,
  case when g % 20 = 0 then st.pending else st.active end,
  timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute',
  timestamptz '2024-06-01 00:00:00+00' + g * interval '30 seconds',
  g % 100 = 99,
  case when g % 100 = 99 then timestamptz '2025-01-01 00:00:00+00' end
from generate_series(1, $1::int) g
cross join (
  select max(case when "Code" = 'active' then "UserStatusID" end) as active,
         max(case when "Code" = 'pending_verification' then "UserStatusID" end) as pending
  from "ref"."UserStatus"
) st`;

/** Memberships of the generated users: `UserID % 10 < 7` → `1 + UserID % 3` companies. */
export const INSERT_MEMBERSHIPS = `insert into "dbo"."UserCompany"
  ("UserID", "CompanyID", "UserCompanyRoleID", "UserCompanyStatusID", "IsDefaultCompany", "JoinedVia",
   "CreatedDate", "UpdatedDate", "IsDeleted", "DeletedDate")
select u."UserID",
  c.base + (u."UserID" * 7 + j * 1009) % c.n,
  roles.ids[1 + (u."UserID" + j) % cardinality(roles.ids)],
  case when (u."UserID" + j) % 15 = 0 then ucs.suspended else ucs.active end,
  j = 0,
  case when j = 0 then jv.signup else jv.invitation end,
  u."CreatedDate" + j * interval '1 day',
  u."UpdatedDate",
  j > 0 and (u."UserID" * 7 + j) % 10 = 1,
  case when j > 0 and (u."UserID" * 7 + j) % 10 = 1 then timestamptz '2025-01-01 00:00:00+00' end
from "dbo"."User" u
cross join (select min("CompanyID") as base, count(*) as n from "dbo"."Company") c
cross join (select array_agg("UserCompanyRoleID" order by "SortOrder", "UserCompanyRoleID") as ids from "ref"."UserCompanyRole") roles
cross join (
  select max(case when "Code" = 'active' then "UserCompanyStatusID" end) as active,
         max(case when "Code" = 'suspended' then "UserCompanyStatusID" end) as suspended
  from "ref"."UserCompanyStatus"
) ucs
cross join (
  select max(case when "Code" = 'signup' then "JoinedViaID" end) as signup,
         max(case when "Code" = 'invitation' then "JoinedViaID" end) as invitation
  from "ref"."JoinedVia"
) jv
cross join lateral generate_series(0, case when u."UserID" % 10 < 7 then u."UserID" % 3 else -1 end) j
where u."Email" like '%@${BENCH_EMAIL_DOMAIN}'`;

/** `$1` = how many ids: live generated users without any membership. */
export const SAMPLE_USERS_WITHOUT_COMPANIES = `select "UserID" as id from "dbo"."User"
where "Email" like '%@${BENCH_EMAIL_DOMAIN}' and "IsDeleted" = false and "UserID" % 10 >= 7
order by md5("UserID"::text) limit $1::int`;

/** `$1` = how many ids: live generated users with three memberships (about 1 in 7 has one soft-deleted). */
export const SAMPLE_USERS_WITH_COMPANIES = `select "UserID" as id from "dbo"."User"
where "Email" like '%@${BENCH_EMAIL_DOMAIN}' and "IsDeleted" = false and "UserID" % 10 < 7 and "UserID" % 3 = 2
order by md5("UserID"::text) limit $1::int`;

/** Row counts of the data set, for the report. */
export const COUNT_ROWS = `select
  (select count(*) from "dbo"."User")::int as users,
  (select count(*) from "dbo"."Company")::int as companies,
  (select count(*) from "dbo"."UserCompany")::int as memberships,
  (select count(*) from "dbo"."UserCompany" where "IsDeleted" = false)::int as "liveMemberships"`;
