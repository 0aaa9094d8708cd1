export { ActivityLog, CompanyAudit, RoleAudit, UserAudit } from './audit';
export { changeHistories, type ChangeHistory } from './audit/change-histories';
export { ABRSearch } from './cache';
export {
  CURRENT_TIMESTAMP_DEFAULT,
  auditColumns,
  auditProperties,
  auditPropertyNames,
  createdDateProperty,
  isSoftDeletable,
  mutableRowAuditColumns,
  type AuditProperty,
} from './columns/audit-columns';
export {
  changeAuthorProperties,
  changeReasonProperty,
  fieldChangeHistoryProperties,
} from './columns/change-history-columns';
export { requestContextProperties, userAndCompanyProperties } from './columns/event-columns';
export { liveUnique, type LiveUniqueIndex } from './columns/live-unique';
export {
  referenceChecks,
  referenceProperties,
  type ReferenceColumnOptions,
} from './columns/reference-columns';
export { secretTokenProperties } from './columns/secret-token-columns';
export { isSecretProperty, secretFieldNames, type PropertySecrecy } from './secret-fields';
export { AppSetting, ValidationRule } from './config';
export {
  Company,
  CompanyBillingDetails,
  CompanyCustomerDetails,
  CompanyOrganizerDetails,
  User,
  UserCompany,
  UserEmailVerificationToken,
  UserInvitation,
  UserPasswordResetToken,
  UserRefreshToken,
} from './dbo';
export { entities, entitiesBySchema, softDeletableEntities, type DatabaseSchema } from './entities';
export { ApiRequest, ApplicationError, AuthEvent, EmailDelivery } from './log';
export { checks, quoteIdentifier, type NamedCheck } from './naming/check-constraint';
export {
  MAX_IDENTIFIER_LENGTH,
  PASCAL_CASE,
  SolomonNameError,
  solomonName,
  solomonNamePatterns,
} from './naming/solomon-name';
export {
  Country,
  CustomerTier,
  Industry,
  JoinedVia,
  Language,
  RuleType,
  SettingCategory,
  SettingType,
  Timezone,
  UserCompanyRole,
  UserCompanyStatus,
  UserInvitationStatus,
  UserRole,
  UserStatus,
} from './ref';
export {
  referenceTables,
  type ReferenceRow,
  type ReferenceTable,
  type ReferenceTableName,
} from './ref/reference-tables';
