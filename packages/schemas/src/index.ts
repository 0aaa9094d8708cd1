export { abnSchema, checkAbn, normalizeAbn } from './abn';
export { acnSchema, checkAcn, normalizeAcn } from './acn';
export { auPhoneSchema, checkAuPhone, normalizeAuPhone } from './au-phone';
export { checkEmail, emailSchema, normalizeEmail } from './email';
export {
  baseResponse,
  errorDetailSchema,
  errorResponseSchema,
  paginatedResponse,
} from './envelopes';
export type { BaseResponse, ErrorDetail, ErrorResponse, PaginatedResponse } from './envelopes';
export { FieldValidationError } from './field-check';
export type { FieldCheckResult, FieldErrorCode } from './field-check';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginationParams } from './pagination';
export type { PaginationOptions, PaginationParams } from './pagination';
export { formatValidationError, type FormatValidationErrorOptions } from './validation-details';
export { IS_REQUIRED, MUST_NOT_BE_EMPTY, requiredText, textProblem } from './text';
export { toJsonSchema } from './json-schema';
export type { ToJsonSchemaOptions } from './json-schema';
