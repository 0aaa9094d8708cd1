import { containsText, includeDeleted, JOINED_VIA, transactional, UniqueConflictError, USER_COMPANY_STATUS } from '@eventlead/db';
import { Company, JoinedVia, User, UserCompany, UserCompanyRole, UserCompanyStatus } from '@eventlead/models';
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
  addMemberBody,
  companiesPageResponse,
  companyDetailResponse,
  createCompanyBody,
  listCompaniesQuery,
  memberResponse,
  updateCompanyBody,
  type AddMemberBody,
  type CreateCompanyBody,
  type ListCompaniesQuery,
  type MemberDto,
  type UpdateCompanyBody,
} from './companies.schemas';
import { loadCompaniesPage, loadCompanyDetail, toCompanyDto } from './company-reads';

/** The code of the `UserCompanyStatus` reference row a membership added by an administrator starts with. */
const NEW_MEMBERSHIP_STATUS = USER_COMPANY_STATUS.active;
/** The code of the `JoinedVia` reference row recorded for memberships an administrator adds. */
const ADMIN_JOINED_VIA = JOINED_VIA.admin;

function listWhere(query: ListCompaniesQuery, platform: Platform): FilterQuery<Company> {
  const where: FilterQuery<Company> & Record<string, unknown> = {};
  if (query.name !== undefined && query.name !== '') where.companyName = containsText(platform, query.name);
  if (query.abn !== undefined && query.abn !== '') where.abn = query.abn;
  return where;
}

const ALREADY_MEMBER = 'This user is already a member of this company.';

/**
 * Companies (admin token required): list, read with members, create, update, soft delete (204, no
 * body; its memberships go with it), and `POST /companies/:id/users` to add a member with a role.
 */
const registerCompanyRoutes: FastifyPluginCallback = (app, _options, done) => {
  const onRequest = app.requireAdmin;
  const security = [{ adminToken: [] }];

  app.get<{ Querystring: ListCompaniesQuery }>(
    '/companies',
    {
      onRequest,
      // Two fixed statements and no entities: no unit of work to open and empty per request.
      config: { database: 'connection' },
      schema: {
        tags: ['companies'],
        summary: 'List companies',
        security,
        querystring: listCompaniesQuery,
        response: { 200: companiesPageResponse, ...adminErrorResponses },
      },
    },
    async (request) => {
      const { connection } = request;
      return connection.run(loadCompaniesPage, listWhere(request.query, connection.platform), request.query);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/companies/:id',
    {
      onRequest,
      // One fixed statement and no entities: no unit of work to open and empty per request.
      config: { database: 'connection' },
      schema: {
        tags: ['companies'],
        summary: 'A company with its users and their roles',
        security,
        params: idParams,
        response: { 200: companyDetailResponse, ...adminErrorResponses, 404: errorResponse },
      },
    },
    async (request) => ({ success: true, message: 'ok', data: await request.connection.run(loadCompanyDetail, request.params.id) }),
  );

  app.post<{ Body: CreateCompanyBody }>(
    '/companies',
    {
      onRequest,
      schema: {
        tags: ['companies'],
        summary: 'Create a company',
        security,
        body: createCompanyBody,
        response: { 201: companyDetailResponse, ...adminErrorResponses },
      },
    },
    async (request, reply) => {
      const { companyName, abn, acn, tradingName, gstRegistered, isActive } = request.body;
      const company = await transactional(request.em, (tx) =>
        Promise.resolve(
          tx.create(Company, {
            companyName,
            abn: blankToNull(abn),
            acn: blankToNull(acn),
            tradingName: blankToNull(tradingName),
            gstRegistered: gstRegistered ?? false,
            isActive: isActive ?? true,
          }),
        ),
      );
      void reply.code(201);
      return { success: true, message: 'Company created.', data: { ...toCompanyDto(company), users: [] } };
    },
  );

  app.patch<{ Params: { id: number }; Body: UpdateCompanyBody }>(
    '/companies/:id',
    {
      onRequest,
      schema: {
        tags: ['companies'],
        summary: 'Update a company (absent fields are unchanged)',
        security,
        params: idParams,
        body: updateCompanyBody,
        response: { 200: companyDetailResponse, ...adminErrorResponses, 404: errorResponse },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { companyName, abn, acn, tradingName, gstRegistered, isActive } = request.body;
      const data = await transactional(request.em, async (tx) => {
        // Locked: concurrent writes to one row queue up, so each audit row starts from the value the previous one left.
        const company = await tx.findOne(Company, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (company === null) throw new NotFoundError('Company');
        if (companyName !== undefined) company.companyName = companyName;
        if (abn !== undefined) company.abn = blankToNull(abn);
        if (acn !== undefined) company.acn = blankToNull(acn);
        if (tradingName !== undefined) company.tradingName = blankToNull(tradingName);
        if (gstRegistered !== undefined) company.gstRegistered = gstRegistered;
        if (isActive !== undefined) company.isActive = isActive;
        await tx.flush();
        // Read back before committing, under the lock: read after the commit, a DELETE committed in
        // between would turn a change that took effect into a 404.
        return loadCompanyDetail(tx, id);
      });
      return { success: true, message: 'Company updated.', data };
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/companies/:id',
    {
      onRequest,
      schema: {
        tags: ['companies'],
        summary: 'Soft-delete a company and its memberships (204, no body)',
        security,
        params: idParams,
        response: { 204: { description: 'Deleted.', type: 'null' }, ...adminErrorResponses, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await transactional(request.em, async (tx) => {
        // Locked: of concurrent deletes one wins and the others find the row gone (404), with one audit
        // row; a concurrent POST /companies/:id/users locks the company too, so its membership is
        // either committed before this reads the memberships (and goes with the company) or never written.
        const company = await tx.findOne(Company, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (company === null) throw new NotFoundError('Company');
        const memberships = await tx.find(UserCompany, { company });
        tx.remove([company, ...memberships]);
      });
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: number }; Body: AddMemberBody }>(
    '/companies/:id/users',
    {
      onRequest,
      schema: {
        tags: ['companies'],
        summary: 'Add a user to a company with a role',
        security,
        params: idParams,
        body: addMemberBody,
        response: { 201: memberResponse, ...adminErrorResponses, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { userId, role: roleCode, isDefaultCompany = false } = request.body;
      await refuseOperatorAccount(request, userId, 'added to a company');
      let member: MemberDto;
      try {
        member = await transactional(request.em, async (tx) => {
          // Every row this write depends on is locked, always in this order (company, user, then their
          // memberships; the deletes lock a subset in the same order, so no two requests wait on each
          // other in a cycle). A DELETE of the company or the user that commits first makes this a 404
          // before anything is written; one that comes later waits and takes the new membership with it.
          const company = await tx.findOne(Company, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (company === null) throw new NotFoundError('Company');
          // Locked as well so that concurrent additions of one user queue up and only one of them ends as the default company.
          const user = await tx.findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (user === null) throw new NotFoundError('User');
          const role = await findRefByCode(tx, UserCompanyRole, roleCode);
          if (role === undefined) throw await unknownRefCode(tx, UserCompanyRole, 'role', 'company role');
          const status = await requireRefByCode(tx, UserCompanyStatus, NEW_MEMBERSHIP_STATUS);
          const joinedVia = await requireRefByCode(tx, JoinedVia, ADMIN_JOINED_VIA);
          // One row per user and company, deleted or not: a removed member is re-added by restoring it.
          const existing = await tx.findOne(UserCompany, { user, company }, includeDeleted());
          if (existing !== null && !existing.isDeleted) throw new HttpError(409, 'ALREADY_MEMBER', ALREADY_MEMBER);
          if (isDefaultCompany) {
            const defaults = await tx.find(UserCompany, { user, isDefaultCompany: true });
            for (const m of defaults) m.isDefaultCompany = false;
          }
          if (existing === null) {
            tx.create(UserCompany, { user, company, role, status, joinedVia, isDefaultCompany });
          } else {
            Object.assign(existing, { role, status, joinedVia, isDefaultCompany, isDeleted: false, deletedDate: null, deletedBy: null });
          }
          // The answer comes from the rows this transaction holds locked, not from a read after the
          // commit, which a delete committed in between would turn into a 404 for a write that took effect.
          return {
            userId: user.id,
            email: user.email,
            firstName: user.firstName ?? null,
            lastName: user.lastName ?? null,
            role: { code: role.code, name: role.name },
            status: status.code,
            isDefaultCompany,
          };
        });
      } catch (error) {
        // Two concurrent requests adding the same member: the unique constraint decides.
        if (error instanceof UniqueConflictError) throw new HttpError(409, 'ALREADY_MEMBER', ALREADY_MEMBER, { cause: error });
        throw error;
      }
      void reply.code(201);
      return { success: true, message: 'User added to company.', data: { ...member, companyId: id, joinedVia: ADMIN_JOINED_VIA } };
    },
  );

  done();
};

/**
 * {@link registerCompanyRoutes}, named: fastify looks an unnamed plugin's name up in the module cache, key by key, on
 * every registration. Encapsulated, as a plain plugin is.
 */
export const companyRoutes = fp(registerCompanyRoutes, { name: 'eventlead-company-routes', fastify: '5.x', encapsulate: true });
