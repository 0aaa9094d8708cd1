import type { EntityManager } from '@mikro-orm/core';
import { UserCompany, type Company, type User } from '@eventlead/models';

type Id = number;

function idOf(entity: { id: Id } | Id): Id {
  return typeof entity === 'object' ? entity.id : entity;
}

/*
 * The story's `user.companies` and `company.users`, read-only, through the `dbo.UserCompany` entity.
 *
 * Why not a MikroORM many-to-many with `pivotEntity: UserCompany`: MikroORM loads an m:n straight from the
 * driver (`loadFromPivotTable`), where the entity manager's filters do not run, so soft-deleted memberships
 * (and memberships whose role or status is soft-deleted) would come back; and adding to such a collection
 * inserts pivot rows with only the two keys, without the role, status and joined-via columns a membership
 * requires. So the models keep the real 1:m `userCompanies`, and these two helpers read across it.
 *
 * One query each: the membership is the root (the soft-delete filter applies to it), the far side is
 * populated with a joined load, and every other required many-to-one of the membership (user, company,
 * role, status, joined-via) is inner-joined by MikroORM to apply the same filter (`autoJoinRefsForFilters`).
 * So a row drops out when the membership, the user, the company or its role/status/joined-via reference row
 * is soft-deleted: the rules of the README's "Soft delete and relations", no second definition of them.
 * `includeDeleted()`-style options are not taken on purpose: these answer "what is live".
 */

/**
 * The story's `user.companies`: the live companies a live user is a live member of, the default company
 * first, then by name. Read-only (add a member by creating a `UserCompany`). One SQL query.
 * @example const companies = await findUserCompanies(em, user); // or findUserCompanies(em, userId)
 */
export async function findUserCompanies(em: EntityManager, user: User | Id): Promise<Company[]> {
  const memberships = await em.find(
    UserCompany,
    { user: idOf(user) },
    {
      populate: ['company'],
      strategy: 'joined',
      orderBy: { isDefaultCompany: 'desc', company: { companyName: 'asc' }, id: 'asc' },
    },
  );
  return memberships.map((membership) => membership.company);
}

/**
 * The story's `company.users`: the live users who are live members of a live company, by email.
 * Read-only, one SQL query, the same soft-delete rules as {@link findUserCompanies}.
 * @example const users = await findCompanyUsers(em, company); // or findCompanyUsers(em, companyId)
 */
export async function findCompanyUsers(em: EntityManager, company: Company | Id): Promise<User[]> {
  const memberships = await em.find(
    UserCompany,
    { company: idOf(company) },
    { populate: ['user'], strategy: 'joined', orderBy: { user: { email: 'asc' }, id: 'asc' } },
  );
  return memberships.map((membership) => membership.user);
}
