import type { EntityManager } from '@mikro-orm/knex';
import { User } from '@eventlead/models';
import type { Shape } from './entity-graph';
import { DetailReadModel, PageReadModel, type CompiledStatement, type Page, type PageRequest } from './read-model';

/** A user as the list and detail read models return them (property names, the ORM's types). */
export interface UserSummary {
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
  /** Whether the user verified their e-mail address. */
  isEmailVerified: boolean;
  /** When the row was created. */
  createdDate: Date;
  /** When the row was last updated. */
  updatedDate: Date;
  /** The account's `ref.UserStatus`: id and code. */
  status: { id: number; code: string };
}

/** A live membership of a user: its company, role and status. */
export interface UserMembership {
  /** `UserCompanyID`. */
  id: number;
  /** Whether this is the user's default company. */
  isDefaultCompany: boolean;
  /** The company: id and name. */
  company: { id: number; companyName: string };
  /** The user's `ref.UserCompanyRole` in it: id, code and display name. */
  role: { id: number; code: string; name: string };
  /** The membership's `ref.UserCompanyStatus`: id and code. */
  status: { id: number; code: string };
}

/** A user with their live memberships, sorted by company id. */
export interface UserDetail extends UserSummary {
  /** The live memberships, sorted by company id. */
  userCompanies: UserMembership[];
}

const USER_FIELDS = ['email', 'firstName', 'lastName', 'phone', 'roleTitle', 'isEmailVerified', 'createdDate', 'updatedDate'];

const userSummaryShape: Shape = { fields: USER_FIELDS, relations: { status: { fields: ['code'] } } };

const userDetail = new DetailReadModel<UserDetail>('user_detail', User, {
  fields: USER_FIELDS,
  relations: {
    status: { fields: ['code'] },
    userCompanies: {
      fields: ['isDefaultCompany'],
      sortBy: 'company.id',
      relations: { company: { fields: ['companyName'] }, role: { fields: ['code', 'name'] }, status: { fields: ['code'] } },
    },
  },
});

const usersPage = new PageReadModel<UserSummary, User>('users_page', User, userSummaryShape);

/**
 * `GET /users/:id`: a live user with their status and live memberships (company, role, status), or
 * `undefined`. Soft delete as the ORM applies it: a deleted user, or one whose status row is deleted,
 * is none; a membership is listed when it and its user, company, role, status and joined-via rows are live.
 * @example const user = await readUserDetail(request.em, 7);
 */
export function readUserDetail(em: EntityManager, id: number): Promise<UserDetail | undefined> {
  return userDetail.read(em, id);
}

/**
 * `GET /users`: one page of live users (with their status code) matching `where`, and the total.
 * @example await readUsersPage(em, { where: { email }, orderBy: { id: 'asc' }, limit: 20, offset: 0 });
 */
export function readUsersPage(em: EntityManager, request: PageRequest<User>): Promise<Page<UserSummary>> {
  return usersPage.read(em, request);
}

/** The statements of the user read models on `em`'s dialect (detail, then the unfiltered page by id and its count). */
export async function userReadModelStatements(em: EntityManager): Promise<CompiledStatement[]> {
  return [await userDetail.statement(em), ...(await usersPage.statements(em, { orderBy: { id: 'asc' }, limit: 20, offset: 0 }))];
}
