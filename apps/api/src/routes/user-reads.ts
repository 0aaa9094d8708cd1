import { readUserDetail, readUsersPage } from '@eventlead/db';
import type { FilterQuery } from '@mikro-orm/core';
import type { User } from '@eventlead/models';
import { NotFoundError } from '../errors';
import { pageOf, pageOptions } from './pagination';
import type { ListUsersQuery, UserDetailDto, UserDto } from './users.schemas';

type Em = Parameters<typeof readUserDetail>[0];

/** A user as the API answers it: from a read model's row or from an entity just created. */
type UserRow = Pick<
  User,
  'id' | 'email' | 'firstName' | 'lastName' | 'phone' | 'roleTitle' | 'isEmailVerified' | 'createdDate' | 'updatedDate'
> & { status: { code: string } };

/** The `UserDto` of a user row (a read model's `UserSummary` or a created `User`). */
export function toUserDto(user: UserRow): UserDto {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    phone: user.phone ?? null,
    roleTitle: user.roleTitle ?? null,
    status: user.status.code,
    isEmailVerified: user.isEmailVerified,
    createdDate: user.createdDate.toISOString(),
    updatedDate: user.updatedDate.toISOString(),
  };
}

/** `GET /users/:id`: one user with their live memberships (the `@eventlead/db` read model), or a 404. */
export async function loadUserDetail(em: Em, id: number): Promise<UserDetailDto> {
  const user = await readUserDetail(em, id);
  if (user === undefined) throw new NotFoundError('User');
  // The DTO gets its companies added rather than copied into a new object with a spread (per request).
  const dto = toUserDto(user) as UserDetailDto;
  dto.companies = user.userCompanies.map((m) => ({
      companyId: m.company.id,
      companyName: m.company.companyName,
      role: { code: m.role.code, name: m.role.name },
      status: m.status.code,
      isDefaultCompany: m.isDefaultCompany,
    }));
  return dto;
}

/** `GET /users`: one page of users matching `where` and the total, in the list envelope. */
export async function loadUsersPage(em: Em, where: FilterQuery<User>, query: ListUsersQuery) {
  const { items, total } = await readUsersPage(em, { where, ...pageOptions(query) });
  return pageOf(items.map((u) => toUserDto(u)), total, query);
}
