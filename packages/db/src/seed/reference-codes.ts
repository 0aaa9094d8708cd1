/**
 * The `Code` values of the seeded reference rows, for code that looks rows up by code instead of by id
 * (ids differ between databases; codes never change).
 * @example
 * const active = await em.findOneOrFail(UserStatus, { code: USER_STATUS.active });
 */

/** `ref.UserStatus`: where an account stands. */
export const USER_STATUS = {
  pendingVerification: 'pending_verification',
  active: 'active',
  locked: 'locked',
  suspended: 'suspended',
  deactivated: 'deactivated',
} as const;

/** `ref.UserInvitationStatus`: the life of an invitation to join a company. */
export const USER_INVITATION_STATUS = {
  pending: 'pending',
  accepted: 'accepted',
  declined: 'declined',
  expired: 'expired',
  revoked: 'revoked',
} as const;

/** `ref.UserRole`: platform-wide roles, independent of any company. */
export const USER_ROLE = {
  systemAdmin: 'system_admin',
  user: 'user',
} as const;

/** `ref.UserCompanyRole`: what a member may do in a company, most powerful first. */
export const USER_COMPANY_ROLE = {
  owner: 'owner',
  admin: 'admin',
  manager: 'manager',
  member: 'member',
  viewer: 'viewer',
} as const;

/** `ref.UserCompanyStatus`: whether a membership currently grants access. */
export const USER_COMPANY_STATUS = {
  active: 'active',
  suspended: 'suspended',
} as const;

/** `ref.JoinedVia`: how a user came to belong to a company. */
export const JOINED_VIA = {
  signup: 'signup',
  invitation: 'invitation',
  admin: 'admin',
} as const;

/** `ref.SettingCategory`: groups of `config.AppSetting` rows. */
export const SETTING_CATEGORY = {
  security: 'security',
  authentication: 'authentication',
  general: 'general',
} as const;

/** `ref.SettingType`: how to parse `config.AppSetting.SettingValue`. */
export const SETTING_TYPE = {
  string: 'string',
  integer: 'integer',
  decimal: 'decimal',
  boolean: 'boolean',
  json: 'json',
} as const;

/** `ref.RuleType`: how `config.ValidationRule.RuleValue` is applied. */
export const RULE_TYPE = {
  regex: 'regex',
  minLength: 'min_length',
  maxLength: 'max_length',
  range: 'range',
  checksum: 'checksum',
} as const;

/** `ref.CustomerTier`: commercial tiers of customer companies. */
export const CUSTOMER_TIER = {
  free: 'free',
  standard: 'standard',
  professional: 'professional',
  enterprise: 'enterprise',
} as const;

/** The `config.AppSetting` keys the seed creates. */
export const APP_SETTING = {
  passwordMinLength: 'security.password.minLength',
  loginMaxAttempts: 'security.login.maxAttempts',
  loginLockoutMinutes: 'security.login.lockoutMinutes',
  accessTokenLifetimeMinutes: 'auth.accessToken.lifetimeMinutes',
  refreshTokenLifetimeDays: 'auth.refreshToken.lifetimeDays',
  emailVerificationLifetimeHours: 'auth.emailVerification.lifetimeHours',
  passwordResetLifetimeMinutes: 'auth.passwordReset.lifetimeMinutes',
  invitationLifetimeDays: 'auth.invitation.lifetimeDays',
} as const;
