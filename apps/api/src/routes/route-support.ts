import { findSystemActorId, setActor, SystemActorMissingError, type ActorId, type Orm } from '@eventlead/db';
import type { ReferenceRow } from '@eventlead/models';
import { errorResponseSchema, toJsonSchema } from '@eventlead/schemas';
import type { EntityManager, EntityName } from '@mikro-orm/core';
import type { FastifyRequest } from 'fastify';
import { ValidationError, number, object } from 'yup';
import { OperatorAccountError } from '../errors';

/** JSON Schema of the ErrorResponse body, declared for every error status a route answers. */
export const errorResponse: object = toJsonSchema(errorResponseSchema);

/** Error responses every admin route may answer besides its own. */
export const adminErrorResponses: { readonly 400: object; readonly 401: object } = { 400: errorResponse, 401: errorResponse };

/**
 * `:id` path parameter: a positive whole number written in plain digits without leading zeros (ids
 * are bigints read as JS numbers). yup alone would also read `1.0`, `1e0`, `0x1`, ` 1` and `01` as 1,
 * so that one row had many URLs.
 */
export const idParams = object({
  id: number()
    .transform((value: number, original: unknown) => (typeof original === 'string' && !/^[1-9][0-9]*$/.test(original) ? Number.NaN : value))
    .typeError('id must be a positive whole number in plain digits, without leading zeros')
    .integer('id must be a positive whole number')
    .min(1, 'id must be a positive whole number')
    .max(Number.MAX_SAFE_INTEGER, 'id must be a positive whole number')
    .required(),
}).noUnknown();

/**
 * A 400 about one field of the body, for checks that need the database (an unknown ref code). It is a
 * yup ValidationError, so the error handler answers it exactly like a schema failure; its `statusCode`
 * tells every error hook that it is the client's mistake (the request log's `onError` hook, which runs
 * before the error handler, would otherwise record it in log.ApplicationError as a 500).
 */
export function fieldError(field: string, message: string): ValidationError & { statusCode: 400 } {
  return Object.assign(new ValidationError(message, undefined, field), { statusCode: 400 as const });
}

/** Blank optional text becomes null, so the column holds NULL rather than ''. */
export function blankToNull(value: string | null | undefined): string | null | undefined {
  return value === '' ? null : value;
}

/** Looks up an active ref row by its Code; undefined when there is none. */
export async function findRefByCode<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  code: string,
): Promise<T | undefined> {
  const row = await em.findOne(entity as EntityName<ReferenceRow>, { code, isActive: true });
  return (row ?? undefined) as T | undefined;
}

/**
 * Looks up a ref row the server itself relies on (the default status of a new user): its absence is a
 * deployment fault (reference data not seeded), so it is a 500, not the client's problem.
 */
export async function requireRefByCode<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  code: string,
): Promise<T> {
  const row = await findRefByCode(em, entity, code);
  if (row === undefined) throw new Error(`Reference data is missing: no active row with code ${code}.`);
  return row;
}

// The system actor's id per ORM (that is, per database), looked up once and shared by every request.
const systemActors = new WeakMap<Orm, Promise<ActorId | undefined>>();

/**
 * The platform operator account the admin token acts as. Without the reference seed there is none:
 * writes are then recorded without an actor and the log says once how to fix it, rather than every
 * admin write failing.
 */
function systemActorId(request: FastifyRequest): Promise<ActorId | undefined> {
  const { orm } = request.server;
  let cached = systemActors.get(orm);
  if (cached === undefined) {
    cached = findSystemActorId(orm.em.fork()).catch((error: unknown) => {
      if (!(error instanceof SystemActorMissingError)) {
        systemActors.delete(orm);
        throw error;
      }
      request.log.warn(error.message);
      return undefined;
    });
    systemActors.set(orm, cached);
  }
  return cached;
}

/**
 * Records who is acting on this request's unit of work, for CreatedBy/UpdatedBy/DeletedBy. The admin
 * token identifies no user, so admin writes are credited to the system actor.
 */
export async function actAsAdmin(request: FastifyRequest): Promise<void> {
  setActor(request.em, await systemActorId(request));
}

/**
 * Refuses a request aimed at the platform operator account: the admin token acts as that account, so
 * changing or deleting it through the API would rewrite or remove the identity every audit row credits.
 * @throws {OperatorAccountError} 409 when `userId` is the operator's
 */
export async function refuseOperatorAccount(
  request: FastifyRequest,
  userId: number,
  refused: ConstructorParameters<typeof OperatorAccountError>[0],
): Promise<void> {
  const operator = await systemActorId(request);
  if (operator !== undefined && String(operator) === String(userId)) throw new OperatorAccountError(refused);
}

/** Validated list parameters (see `paginationParams` in @eventlead/schemas). */
interface PageQuery {
  page: number;
  pageSize: number;
  sortBy: string;
  sortOrder: 'asc' | 'desc';
}

/**
 * `findAndCount` options for one page: the whitelisted sort column, then the id so that rows with
 * equal sort values keep one order and pages never overlap.
 */
export function pageOptions(query: PageQuery): { orderBy: Record<string, 'asc' | 'desc'>; limit: number; offset: number } {
  const orderBy: Record<string, 'asc' | 'desc'> = { [query.sortBy]: query.sortOrder, ...(query.sortBy === 'id' ? {} : { id: 'asc' }) };
  return { orderBy, limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/** A list answer in the PaginatedResponse envelope. */
export function pageOf<D>(items: D[], total: number, query: PageQuery) {
  return { success: true, message: 'ok', data: { items, total, page: query.page, pageSize: query.pageSize } };
}
