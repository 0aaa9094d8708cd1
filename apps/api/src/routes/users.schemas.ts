import { checkPasswordPolicy } from '@eventlead/security';
import { auPhoneSchema, baseResponse, emailSchema, paginatedResponse, paginationParams, toJsonSchema } from '@eventlead/schemas';
import { SYSTEM_ACTOR_EMAIL, USER_STATUS } from '@eventlead/db';
import { array, boolean, number, object, string, type InferType, type StringSchema } from 'yup';
import { withRefusedFields } from '../plugins/validation';

const password = () =>
  string().test({
    name: 'passwordPolicy',
    test(value, context) {
      if (value === undefined) return true;
      const result = checkPasswordPolicy(value);
      return result.ok || context.createError({ message: result.violations.map((v) => v.message).join(' ') });
    },
  });

const name = () => string().trim().max(100).nullable();
const code = () => string().trim().max(50);

const USER_STATUSES = Object.values(USER_STATUS);
/**
 * The `status` filter: one of the `UserStatus` reference codes the reference data has (`USER_STATUS`), or
 * blank for no filter. An unknown code is a 400 naming the known ones, as an unknown role or
 * status in a body is, rather than a page that is always empty.
 */
const statusFilter = () =>
  code()
    .transform((value: string | undefined) => (value === '' ? undefined : value))
    .oneOf(USER_STATUSES, `\${path} is not a known user status; the known ones are ${USER_STATUSES.join(', ')}.`);

/**
 * The schema with other OpenAPI `examples`. `/docs` "Try it out" sends the first one: a filter must name
 * a row a fresh database has (the operator account the seed creates), or the example finds nothing.
 */
function withExamples(schema: StringSchema, examples: string[]): StringSchema {
  const jsonSchema = (schema.meta() as { jsonSchema?: object } | undefined)?.jsonSchema;
  return schema.meta({ jsonSchema: { ...jsonSchema, examples } });
}

/** Query of `GET /users`. */
export const listUsersQuery = paginationParams({
  sortBy: ['id', 'email', 'firstName', 'lastName', 'createdDate'],
})
  .shape({
    email: withExamples(emailSchema(), [SYSTEM_ACTOR_EMAIL]),
    name: string().trim().max(100),
    status: statusFilter(),
  })
  .noUnknown();
/** The parsed query of `GET /users`: page, sort and the `email`/`name`/`status` filters. */
export type ListUsersQuery = InferType<typeof listUsersQuery>;

/** Body of `POST /users`. */
export const createUserBody = object({
  email: emailSchema().required(),
  password: password().required(),
  firstName: name(),
  lastName: name(),
  phone: auPhoneSchema().nullable(),
  roleTitle: name(),
}).noUnknown();
/** The validated body of `POST /users`; the password has passed the policy, not yet hashed. */
export type CreateUserBody = InferType<typeof createUserBody>;

/**
 * Body of `PATCH /users/:id`: every field optional, absent fields unchanged. The email address is
 * not one of them: it is set when the user is created, and no route changes it.
 */
export const updateUserBody = withRefusedFields(object({
  firstName: name(),
  lastName: name(),
  phone: auPhoneSchema().nullable(),
  roleTitle: name(),
  status: code(),
  password: password(),
}).noUnknown(), { email: 'email cannot be changed: a user keeps the email address they were created with.' });
/** The validated body of `PATCH /users/:id`. */
export type UpdateUserBody = InferType<typeof updateUserBody>;

const user = object({
  id: number().integer().required(),
  email: string().required(),
  firstName: string().nullable().defined(),
  lastName: string().nullable().defined(),
  phone: string().nullable().defined(),
  roleTitle: string().nullable().defined(),
  status: string().required(),
  isEmailVerified: boolean().required(),
  createdDate: string().datetime().required(),
  updatedDate: string().datetime().required(),
});
/** A user as the API returns it: never the password hash; dates as ISO 8601 strings. */
export type UserDto = InferType<typeof user>;

const membership = object({
  companyId: number().integer().required(),
  companyName: string().required(),
  role: object({ code: string().required(), name: string().required() }).required(),
  status: string().required(),
  isDefaultCompany: boolean().required(),
});
/** One company of a user as the API returns it, with the role's code and name. */
export type MembershipDto = InferType<typeof membership>;

const userDetail = user.shape({ companies: array(membership.required()).required() });
/** A user with their companies, as `GET /users/:id` returns it. */
export type UserDetailDto = InferType<typeof userDetail>;

/** 200 of `GET /users`. */
export const usersPageResponse: object = toJsonSchema(baseResponse(paginatedResponse(user.required())));
/** 200 of `GET /users/:id`, 201 of `POST /users`, 200 of `PATCH /users/:id`. */
export const userDetailResponse: object = toJsonSchema(baseResponse(userDetail));
