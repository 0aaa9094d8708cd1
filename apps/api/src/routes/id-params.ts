import { number, object } from 'yup';
import { withFastAccept } from '../plugins/validation';

const PLAIN_ID = /^[1-9][0-9]*$/;

/**
 * The refusal of an id above the largest the API reads exactly (`Number.MAX_SAFE_INTEGER`), for yup's
 * `max` of any id field (`${path}` is the field's name).
 */
export const ID_TOO_LARGE = `\${path} is too large: the largest id is ${Number.MAX_SAFE_INTEGER}.`;

/**
 * `:id` path parameter: a positive whole number written in plain digits without leading zeros (ids
 * are bigints read as JS numbers). yup alone would also read `1.0`, `1e0`, `0x1`, ` 1` and `01` as 1,
 * so that one row had many URLs.
 *
 * Well-formed ids (digits only, within the safe integers) are accepted without yup
 * ({@link withFastAccept}); anything else goes through the schema, and its refusals.
 */
export const idParams = withFastAccept(
  object({
    id: number()
      .transform((value: number, original: unknown) => (typeof original === 'string' && !PLAIN_ID.test(original) ? Number.NaN : value))
      .typeError('id must be a positive whole number in plain digits, without leading zeros')
      .integer('id must be a positive whole number')
      .min(1, 'id must be a positive whole number')
      .max(Number.MAX_SAFE_INTEGER, ID_TOO_LARGE)
      .required(),
  }).noUnknown(),
  (data) => {
    if (typeof data !== 'object' || data === null) return undefined;
    const { id } = data as { id?: unknown };
    if (typeof id !== 'string' || !PLAIN_ID.test(id)) return undefined;
    // Exactly one key: `noUnknown` refuses any other (fastify's params object has no prototype).
    if (Object.keys(data).length !== 1) return undefined;
    const value = Number(id);
    return value <= Number.MAX_SAFE_INTEGER ? { id: value } : undefined;
  },
);
