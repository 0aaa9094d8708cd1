import { errorResponseSchema, toJsonSchema } from '@eventlead/schemas';

/** JSON Schema of the ErrorResponse body, declared for every error status a route answers. */
export const errorResponse: object = toJsonSchema(errorResponseSchema);

/** Error responses every admin route may answer besides its own. */
export const adminErrorResponses: { readonly 400: object; readonly 401: object } = { 400: errorResponse, 401: errorResponse };
