import { number, object } from 'yup';

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
