import type { AnyObject, Defined, InferType, Schema } from 'yup';
import { array, boolean, number, object, string } from 'yup';

/**
 * A successful response: `{ success, message?, data }`. `data` must be present (it may be null when
 * the schema you pass is nullable).
 * @example
 * const userResponse = baseResponse(userSchema);
 * type UserResponse = InferType<typeof userResponse>;
 */
export function baseResponse<TData>(data: Schema<TData, AnyObject, unknown>) {
  return object({
    success: boolean().required(),
    message: string().optional(),
    // yup types `defined()` loosely on the base class; the cast restores what it does.
    data: data.defined() as Schema<Defined<TData>, AnyObject, unknown>,
  });
}

/** The type of a {@link baseResponse} envelope around `TData`. */
export type BaseResponse<TData> = InferType<ReturnType<typeof baseResponse<TData>>>;

/**
 * One page of a list: `{ items, total, page, pageSize }`, where `total` counts every item over all
 * pages. Wrap it in {@link baseResponse} for the full envelope.
 * @example
 * const usersPage = baseResponse(paginatedResponse(userSchema));
 */
export function paginatedResponse<TItem>(item: Schema<TItem, AnyObject, unknown>) {
  return object({
    items: array(item).required(),
    total: number().integer().min(0).required(),
    page: number().integer().min(1).required(),
    pageSize: number().integer().min(1).required(),
  });
}

/** The type of a {@link paginatedResponse} page of `TItem`. */
export type PaginatedResponse<TItem> = InferType<ReturnType<typeof paginatedResponse<TItem>>>;

/**
 * One per-field problem: `field` is the path of the offending value as yup writes it (`email`,
 * `items[0].quantity`; `''` for the value as a whole), `message` says what is wrong. A field with
 * several problems appears several times.
 */
export const errorDetailSchema = object({
  field: string().defined(),
  message: string().required(),
});

/** The type of one {@link errorDetailSchema} entry. */
export type ErrorDetail = InferType<typeof errorDetailSchema>;

/**
 * An error response: `{ error, code?, details? }`. `error` is a human-readable summary, `code` a
 * stable machine-readable one, `details` the per-field problems (validation errors).
 * @example
 * {
 *   error: 'Validation failed',
 *   code: 'VALIDATION',
 *   details: [{ field: 'email', message: 'Email address is not valid.' }],
 * }
 */
export const errorResponseSchema = object({
  error: string().required(),
  code: string().optional(),
  details: array(errorDetailSchema.required()).optional(),
});

/** The type of an {@link errorResponseSchema} body. */
export type ErrorResponse = InferType<typeof errorResponseSchema>;
