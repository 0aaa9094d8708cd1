import { containsText, transactional, UniqueConflictError, USER_STATUS } from '@eventlead/db';
import { User, UserCompany, UserStatus } from '@eventlead/models';
import type { PasswordHasher } from '@eventlead/security';
import { LockMode, type FilterQuery, type Platform } from '@mikro-orm/core';
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError, NotFoundError } from '../errors';
import { refuseOperatorAccount } from '../operator-account';
import { adminErrorResponses, errorResponse } from './error-responses';
import { idParams } from './id-params';
import { blankToNull } from './optional-text';
import { findRefByCode, requireRefByCode, unknownRefCode } from './reference-data';
import {
  createUserBody,
  listUsersQuery,
  updateUserBody,
  userDetailResponse,
  usersPageResponse,
  type CreateUserBody,
  type ListUsersQuery,
  type UpdateUserBody,
} from './users.schemas';
import { loadUserDetail, loadUsersPage, toUserDto } from './user-reads';

/** The code of the `UserStatus` reference row a user created by an administrator starts with. */
const NEW_USER_STATUS = USER_STATUS.active;

function listWhere(query: ListUsersQuery, platform: Platform): FilterQuery<User> {
  const where: FilterQuery<User> & Record<string, unknown> = {};
  if (query.email !== undefined && query.email !== '') where.email = query.email;
  if (query.status !== undefined) where.status = { code: query.status };
  if (query.name !== undefined && query.name !== '') {
    where.$or = [{ firstName: containsText(platform, query.name) }, { lastName: containsText(platform, query.name) }];
  }
  return where;
}

async function unusedEmail<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // The email is the only unique column of `User` that a request sets.
    if (error instanceof UniqueConflictError) {
      throw new HttpError(409, 'EMAIL_TAKEN', 'A user with this email address already exists.', { cause: error });
    }
    throw error;
  }
}

/** Options of {@link userRoutes}. */
export interface UserRoutesOptions {
  /** Hashes the passwords of created and updated users. */
  passwordHasher: PasswordHasher;
}

/**
 * Users (personal data, admin token required): list, read with memberships, create, update, soft
 * delete. `DELETE` answers 204 without a body; the user and their memberships are soft-deleted
 * together and are 404 afterwards.
 */
const registerUserRoutes: FastifyPluginCallback<UserRoutesOptions> = (app, { passwordHasher }, done) => {
  const onRequest = app.requireAdmin;

  app.get<{ Querystring: ListUsersQuery }>(
    '/users',
    {
      onRequest,
      // Two fixed statements and no entities: no unit of work to open and empty per request.
      config: { database: 'connection' },
      schema: {
        tags: ['users'],
        summary: 'List users',
        security: [{ adminToken: [] }],
        querystring: listUsersQuery,
        response: { 200: usersPageResponse, ...adminErrorResponses },
      },
    },
    async (request) => {
      const { connection } = request;
      return connection.run(loadUsersPage, listWhere(request.query, connection.platform), request.query);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/users/:id',
    {
      onRequest,
      // One fixed statement and no entities: no unit of work to open and empty per request.
      config: { database: 'connection' },
      schema: {
        tags: ['users'],
        summary: 'A user with their companies and roles',
        security: [{ adminToken: [] }],
        params: idParams,
        response: { 200: userDetailResponse, ...adminErrorResponses, 404: errorResponse },
      },
    },
    async (request) => ({ success: true, message: 'ok', data: await request.connection.run(loadUserDetail, request.params.id) }),
  );

  app.post<{ Body: CreateUserBody }>(
    '/users',
    {
      onRequest,
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        security: [{ adminToken: [] }],
        body: createUserBody,
        response: { 201: userDetailResponse, ...adminErrorResponses, 409: errorResponse, 503: errorResponse },
      },
    },
    async (request, reply) => {
      const { email, password, firstName, lastName, phone, roleTitle } = request.body;
      // Hash before the transaction: bcrypt is slow and must not hold a connection open.
      const passwordHash = await passwordHasher.hash(password);
      const user = await unusedEmail(() =>
        transactional(request.em, async (tx) => {
          const status = await requireRefByCode(tx, UserStatus, NEW_USER_STATUS);
          return tx.create(User, {
            email,
            passwordHash,
            firstName: blankToNull(firstName),
            lastName: blankToNull(lastName),
            phone: blankToNull(phone),
            roleTitle: blankToNull(roleTitle),
            status,
          });
        }),
      );
      void reply.code(201);
      return { success: true, message: 'User created.', data: { ...toUserDto(user), companies: [] } };
    },
  );

  app.patch<{ Params: { id: number }; Body: UpdateUserBody }>(
    '/users/:id',
    {
      onRequest,
      schema: {
        tags: ['users'],
        summary: 'Update a user (absent fields are unchanged)',
        security: [{ adminToken: [] }],
        params: idParams,
        body: updateUserBody,
        response: { 200: userDetailResponse, ...adminErrorResponses, 404: errorResponse, 409: errorResponse, 503: errorResponse },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { password, status: statusCode, ...names } = request.body;
      await refuseOperatorAccount(request, id, 'changed');
      const passwordHash = password === undefined ? undefined : await passwordHasher.hash(password);
      const data = await transactional(request.em, async (tx) => {
        // Locked: concurrent writes to one row queue up, so each audit row starts from the value the previous one left.
        const user = await tx.findOne(User, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (user === null) throw new NotFoundError('User');
        for (const key of ['firstName', 'lastName', 'phone', 'roleTitle'] as const) {
          const value = names[key];
          if (value !== undefined) user[key] = blankToNull(value);
        }
        if (passwordHash !== undefined) user.passwordHash = passwordHash;
        if (statusCode !== undefined) {
          const status = await findRefByCode(tx, UserStatus, statusCode);
          if (status === undefined) throw await unknownRefCode(tx, UserStatus, 'status', 'user status');
          user.status = status;
        }
        await tx.flush();
        // Read back before committing, under the lock: read after the commit, a DELETE committed in
        // between would turn a change that took effect into a 404.
        return loadUserDetail(tx, id);
      });
      return { success: true, message: 'User updated.', data };
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/users/:id',
    {
      onRequest,
      schema: {
        tags: ['users'],
        summary: 'Soft-delete a user and their memberships (204, no body)',
        security: [{ adminToken: [] }],
        params: idParams,
        response: { 204: { description: 'Deleted.', type: 'null' }, ...adminErrorResponses, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await refuseOperatorAccount(request, id, 'deleted');
      await transactional(request.em, async (tx) => {
        // Locked: of concurrent deletes one wins and the others find the row gone (404), with one audit
        // row; a concurrent POST /companies/:id/users locks the user too, so its membership is either
        // committed before this reads the memberships (and goes with the user) or never written.
        const user = await tx.findOne(User, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (user === null) throw new NotFoundError('User');
        const memberships = await tx.find(UserCompany, { user });
        tx.remove([user, ...memberships]);
      });
      return reply.code(204).send();
    },
  );

  done();
};

/**
 * {@link registerUserRoutes}, named: fastify looks an unnamed plugin's name up in the module cache, key by key, on
 * every registration. Encapsulated, as a plain plugin is.
 */
export const userRoutes = fp(registerUserRoutes, { name: 'eventlead-user-routes', fastify: '5.x', encapsulate: true });
