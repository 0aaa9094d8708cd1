import type { InferType, NumberSchema } from 'yup';
import { number, object, string } from 'yup';

/** Items per page when the client does not say. */
export const DEFAULT_PAGE_SIZE = 20;
/** The most items a client may ask for in one page. */
export const MAX_PAGE_SIZE = 100;
// Keeps (page - 1) × pageSize a safe integer, so the offset handed to the database is exact.
const MAX_PAGE = Math.floor(Number.MAX_SAFE_INTEGER / MAX_PAGE_SIZE);
// Plain digits as the id path parameter takes them: no leading zero, sign, decimal point or exponent,
// so one page has one URL ("020" is not "20").
const PLAIN_DIGITS = /^(0|[1-9][0-9]*)$/;
const PLAIN_DIGITS_HINT = 'Write it in plain digits, without leading zeros, a sign, a decimal point or an exponent.';

/** Settings of {@link paginationParams}. */
export interface PaginationOptions<TSort extends string> {
  /** The columns a client may sort by; anything else is a validation error. */
  readonly sortBy: readonly [TSort, ...TSort[]];
  /** The column used when the client names none; the first of `sortBy` by default. */
  readonly defaultSortBy?: NoInfer<TSort>;
}

/**
 * A whole number from `min` to `max` from a query string. yup's own number cast is lenient ("2abc"
 * fails, but " 2 ", "1e1", "0x10", "020" and ['1', '2'] all become numbers); here a string must be
 * plain digits without a leading zero, a sign or an exponent, like the `:id` path parameter. Every
 * refusal says what is allowed: "pageSize must be a whole number from 1 to 100.", followed for a
 * string that is not plain digits by how to write it ("Write it in plain digits, without leading
 * zeros, ..."); a parameter given twice: "page must be given only once.".
 */
function queryInteger(min: number, max: number): NumberSchema {
  const allowed = `\${path} must be a whole number from ${min} to ${max}.`;
  return number()
    .transform((value: unknown, original: unknown) => {
      if (original === undefined || original === null || typeof original === 'number') return value;
      return typeof original === 'string' && PLAIN_DIGITS.test(original) ? Number(original) : Number.NaN;
    })
    .typeError((params: { path: string; originalValue: unknown }) =>
      Array.isArray(params.originalValue)
        ? `${params.path} must be given only once.`
        : `${params.path} must be a whole number from ${min} to ${max}. ${PLAIN_DIGITS_HINT}`,
    )
    .integer(allowed)
    .min(min, allowed)
    .max(max, allowed);
}

/**
 * The query parameters of a list endpoint: `page` (≥ 1, default 1), `pageSize` (1–100, default 20),
 * `sortBy` (one of the columns you allow) and `sortOrder` (`asc` or `desc`, default `asc`). Query
 * strings are coerced strictly: "2" is 2, but "2abc", "1.5" and "" are refused. Because `sortBy`
 * can only be one of the listed names, it is safe to map to a column; never interpolate raw input.
 * @example
 * const query = paginationParams({ sortBy: ['email', 'createdDate'], defaultSortBy: 'createdDate' });
 * const { page, pageSize, sortBy, sortOrder } = await query.validate(request.query);
 */
export function paginationParams<const TSort extends string>(options: PaginationOptions<TSort>) {
  const [first] = options.sortBy;
  const defaultSortBy = options.defaultSortBy ?? first;
  if (!options.sortBy.includes(defaultSortBy)) {
    throw new TypeError(`defaultSortBy "${defaultSortBy}" is not one of the sortBy columns`);
  }
  return object({
    page: queryInteger(1, MAX_PAGE).default(1),
    pageSize: queryInteger(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    sortBy: string().oneOf(options.sortBy).default(defaultSortBy),
    sortOrder: string()
      .oneOf(['asc', 'desc'] as const)
      .default('asc'),
  });
}

/** The validated query of a list endpoint sorted by one of `TSort`. */
export type PaginationParams<TSort extends string> = InferType<
  ReturnType<typeof paginationParams<TSort>>
>;
