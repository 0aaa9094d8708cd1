import { abnSchema, acnSchema, baseResponse, MUST_NOT_BE_EMPTY, paginatedResponse, paginationParams, requiredText, toJsonSchema } from '@eventlead/schemas';
import { array, boolean, number, object, string, type InferType } from 'yup';
import { ID_TOO_LARGE } from './id-params';

/** Query of `GET /companies`. */
export const listCompaniesQuery = paginationParams({ sortBy: ['id', 'companyName', 'createdDate'] })
  .shape({
    name: string().trim().max(200),
    abn: abnSchema(),
  })
  .noUnknown();
/** The parsed query of `GET /companies`: page, sort and the `name`/`abn` filters. */
export type ListCompaniesQuery = InferType<typeof listCompaniesQuery>;

const companyName = () => string().trim().max(200);

// The fields both bodies share; only companyName differs (required to create, non-empty to change).
const companyFields = {
  abn: abnSchema().nullable(),
  acn: acnSchema().nullable(),
  tradingName: companyName().nullable(),
  gstRegistered: boolean(),
  isActive: boolean(),
};

/** Body of `POST /companies`. */
export const createCompanyBody = object({ companyName: requiredText(companyName()), ...companyFields }).noUnknown();
/** The validated body of `POST /companies`. */
export type CreateCompanyBody = InferType<typeof createCompanyBody>;

/** Body of `PATCH /companies/:id`: every field optional, absent fields unchanged. */
export const updateCompanyBody = object({ companyName: companyName().min(1, MUST_NOT_BE_EMPTY), ...companyFields }).noUnknown();
/** The validated body of `PATCH /companies/:id`. */
export type UpdateCompanyBody = InferType<typeof updateCompanyBody>;

/** Body of `POST /companies/:id/users`. */
export const addMemberBody = object({
  userId: number().integer().min(1).max(Number.MAX_SAFE_INTEGER, ID_TOO_LARGE).required(),
  role: requiredText(string().trim().max(50)),
  isDefaultCompany: boolean(),
}).noUnknown();
/** The validated body of `POST /companies/:id/users`; `role` is the code of a `UserCompanyRole` reference row. */
export type AddMemberBody = InferType<typeof addMemberBody>;

const company = object({
  id: number().integer().required(),
  companyName: string().required(),
  abn: string().nullable().defined(),
  acn: string().nullable().defined(),
  tradingName: string().nullable().defined(),
  gstRegistered: boolean().required(),
  isActive: boolean().required(),
  createdDate: string().datetime().required(),
  updatedDate: string().datetime().required(),
});
/** A company as the API returns it (dates as ISO 8601 strings). */
export type CompanyDto = InferType<typeof company>;

const member = object({
  userId: number().integer().required(),
  email: string().required(),
  firstName: string().nullable().defined(),
  lastName: string().nullable().defined(),
  role: object({ code: string().required(), name: string().required() }).required(),
  status: string().required(),
  isDefaultCompany: boolean().required(),
});
/** A member of a company as the API returns it, with the role's code and name. */
export type MemberDto = InferType<typeof member>;

const companyDetail = company.shape({ users: array(member.required()).required() });
/** A company with its members, as `GET /companies/:id` returns it. */
export type CompanyDetailDto = InferType<typeof companyDetail>;

/** 200 of `GET /companies`. */
export const companiesPageResponse: object = toJsonSchema(baseResponse(paginatedResponse(company.required())));
/** 200 of `GET/PATCH /companies/:id`, 201 of `POST /companies`. */
export const companyDetailResponse: object = toJsonSchema(baseResponse(companyDetail));
/** 201 of `POST /companies/:id/users`. */
export const memberResponse: object = toJsonSchema(baseResponse(member.shape({ companyId: number().integer().required(), joinedVia: string().required() })));
