import type { ReferenceTableName } from '@eventlead/models';
import { countryRows, languageRows } from './iso-rows';
import {
  APP_SETTING,
  CUSTOMER_TIER,
  JOINED_VIA,
  RULE_TYPE,
  SETTING_CATEGORY,
  SETTING_TYPE,
  USER_COMPANY_ROLE,
  USER_COMPANY_STATUS,
  USER_INVITATION_STATUS,
  USER_ROLE,
  USER_STATUS,
} from './reference-codes';

/** A row of a reference table as the seed writes it (`IsActive` is left to operators after insert). */
export interface ReferenceRow {
  /** The stable code that code matches on, unique per table. */
  readonly code: string;
  /** The display name. */
  readonly name: string;
  /** What the row means, when the name does not say it all. */
  readonly description?: string;
  /** Position in pick lists (the seed numbers each list from 1). */
  readonly sortOrder: number;
}

function rows(list: readonly [code: string, name: string, description: string][]): ReferenceRow[] {
  return list.map(([code, name, description], i) => ({ code, name, description, sortOrder: i + 1 }));
}

/** `ref.UserStatus`: the lifecycle of an account, from sign-up to deactivation. */
export const userStatuses: readonly ReferenceRow[] = rows([
  [USER_STATUS.pendingVerification, 'Pending verification', 'Signed up. The email address is not verified yet. Cannot sign in until it is.'],
  [USER_STATUS.active, 'Active', 'Can sign in.'],
  [USER_STATUS.locked, 'Locked', 'Too many failed sign-ins in a row. Unlocks after the lockout period or a password reset.'],
  [USER_STATUS.suspended, 'Suspended', 'Blocked by a platform administrator until reinstated.'],
  [USER_STATUS.deactivated, 'Deactivated', 'Closed by the user or an administrator. Kept for history, cannot sign in.'],
]);

/** `ref.UserInvitationStatus`: where an invitation to a company stands. */
export const userInvitationStatuses: readonly ReferenceRow[] = rows([
  [USER_INVITATION_STATUS.pending, 'Pending', 'Sent and waiting for an answer.'],
  [USER_INVITATION_STATUS.accepted, 'Accepted', 'The invitee joined the company.'],
  [USER_INVITATION_STATUS.declined, 'Declined', 'The invitee said no.'],
  [USER_INVITATION_STATUS.expired, 'Expired', 'Not answered before it expired. The link no longer works.'],
  [USER_INVITATION_STATUS.revoked, 'Revoked', 'Withdrawn by the company before it was answered.'],
]);

/** `ref.UserRole`: platform-wide roles (a user's rights inside a company come from `userCompanyRoles`). */
export const userRoles: readonly ReferenceRow[] = rows([
  [USER_ROLE.systemAdmin, 'System administrator', 'Operates the platform: every company, user and setting.'],
  [USER_ROLE.user, 'User', 'A regular user. What they may do comes from their role in each company.'],
]);

/** `ref.UserCompanyRole`: what a member may do in one company, most rights first. */
export const userCompanyRoles: readonly ReferenceRow[] = rows([
  [USER_COMPANY_ROLE.owner, 'Owner', 'Full control, including billing, transferring ownership and closing the company.'],
  [USER_COMPANY_ROLE.admin, 'Administrator', 'Manages members, invitations and company settings.'],
  [USER_COMPANY_ROLE.manager, 'Manager', 'Runs events and their leads. Cannot manage members or company settings.'],
  [USER_COMPANY_ROLE.member, 'Member', 'Works on the events and leads they are given.'],
  [USER_COMPANY_ROLE.viewer, 'Viewer', 'Read-only access to the company.'],
]);

/** `ref.UserCompanyStatus`: whether a membership currently grants access. */
export const userCompanyStatuses: readonly ReferenceRow[] = rows([
  [USER_COMPANY_STATUS.active, 'Active', 'The membership grants access to the company.'],
  [USER_COMPANY_STATUS.suspended, 'Suspended', 'Access to the company is paused. The membership is kept.'],
]);

/** `ref.JoinedVia`: how a member came into a company. */
export const joinedVia: readonly ReferenceRow[] = rows([
  [JOINED_VIA.signup, 'Sign-up', 'Created the company when signing up.'],
  [JOINED_VIA.invitation, 'Invitation', 'Accepted an invitation from a member of the company.'],
  [JOINED_VIA.admin, 'Administrator', 'Added by a platform administrator.'],
]);

/** `ref.SettingCategory`: the groups `config.AppSetting` rows are filed under. */
export const settingCategories: readonly ReferenceRow[] = rows([
  [SETTING_CATEGORY.security, 'Security', 'Password policy and protection of sign-in.'],
  [SETTING_CATEGORY.authentication, 'Authentication', 'Lifetimes of access, refresh, verification, reset and invitation tokens.'],
  [SETTING_CATEGORY.general, 'General', 'Everything else.'],
]);

/** `ref.SettingType`: how the text value of a `config.AppSetting` is parsed. */
export const settingTypes: readonly ReferenceRow[] = rows([
  [SETTING_TYPE.string, 'Text', 'Used as is.'],
  [SETTING_TYPE.integer, 'Whole number', 'Base-10 integer, e.g. 15.'],
  [SETTING_TYPE.decimal, 'Decimal number', 'Decimal with a point, e.g. 2.5.'],
  [SETTING_TYPE.boolean, 'Yes/no', 'true or false.'],
  [SETTING_TYPE.json, 'JSON', 'A JSON document.'],
]);

/** `ref.RuleType`: the kinds of `config.ValidationRule`, each saying what its `RuleValue` means. */
export const ruleTypes: readonly ReferenceRow[] = rows([
  [RULE_TYPE.regex, 'Regular expression', 'The value must match RuleValue, a regular expression.'],
  [RULE_TYPE.minLength, 'Minimum length', 'The value must have at least RuleValue characters.'],
  [RULE_TYPE.maxLength, 'Maximum length', 'The value must have at most RuleValue characters.'],
  [RULE_TYPE.range, 'Range', 'The number must lie within RuleValue, written min..max.'],
  [RULE_TYPE.checksum, 'Checksum', 'The value must pass the check-digit algorithm RuleValue names.'],
]);

/** `ref.CustomerTier`: the commercial plans of a customer company. */
export const customerTiers: readonly ReferenceRow[] = rows([
  [CUSTOMER_TIER.free, 'Free', 'Trial and small events, limited features.'],
  [CUSTOMER_TIER.standard, 'Standard', 'Paid plan for regular event organisers.'],
  [CUSTOMER_TIER.professional, 'Professional', 'Paid plan with advanced lead capture and integrations.'],
  [CUSTOMER_TIER.enterprise, 'Enterprise', 'Negotiated contract, dedicated support.'],
]);

/**
 * ANZSIC 2006 (Australian and New Zealand Standard Industrial Classification, ABS cat. no. 1292.0):
 * the 19 divisions A–S with their official titles. `Code` is the division letter.
 */
export const anzsicDivisions: readonly ReferenceRow[] = rows([
  ['A', 'Agriculture, Forestry and Fishing', 'ANZSIC 2006 division A.'],
  ['B', 'Mining', 'ANZSIC 2006 division B.'],
  ['C', 'Manufacturing', 'ANZSIC 2006 division C.'],
  ['D', 'Electricity, Gas, Water and Waste Services', 'ANZSIC 2006 division D.'],
  ['E', 'Construction', 'ANZSIC 2006 division E.'],
  ['F', 'Wholesale Trade', 'ANZSIC 2006 division F.'],
  ['G', 'Retail Trade', 'ANZSIC 2006 division G.'],
  ['H', 'Accommodation and Food Services', 'ANZSIC 2006 division H.'],
  ['I', 'Transport, Postal and Warehousing', 'ANZSIC 2006 division I.'],
  ['J', 'Information Media and Telecommunications', 'ANZSIC 2006 division J.'],
  ['K', 'Financial and Insurance Services', 'ANZSIC 2006 division K.'],
  ['L', 'Rental, Hiring and Real Estate Services', 'ANZSIC 2006 division L.'],
  ['M', 'Professional, Scientific and Technical Services', 'ANZSIC 2006 division M.'],
  ['N', 'Administrative and Support Services', 'ANZSIC 2006 division N.'],
  ['O', 'Public Administration and Safety', 'ANZSIC 2006 division O.'],
  ['P', 'Education and Training', 'ANZSIC 2006 division P.'],
  ['Q', 'Health Care and Social Assistance', 'ANZSIC 2006 division Q.'],
  ['R', 'Arts and Recreation Services', 'ANZSIC 2006 division R.'],
  ['S', 'Other Services', 'ANZSIC 2006 division S.'],
]);

/** A `ref.Timezone` row: an IANA zone with its standard (winter) offset. */
export interface TimezoneRow extends ReferenceRow {
  /** Standard-time (winter) offset from UTC, `+10:00`; daylight saving is not included. */
  readonly utcOffset: string;
}

/**
 * The time zones of Australia: every IANA (tz database) zone listed for country AU in `zone1970.tab`,
 * including Antarctica/Macquarie (Macquarie Island belongs to Tasmania). The external territories with
 * their own ISO 3166 codes (Christmas Island, Cocos (Keeling) Islands, Norfolk Island) are left out.
 * Canberra has no zone of its own: the ACT uses Australia/Sydney. `UtcOffset` is standard time;
 * daylight saving follows the IANA rules, which is why events store the zone, not the offset.
 */
export const australianTimezones: readonly TimezoneRow[] = (
  [
    ['Australia/Sydney', 'Sydney (NSW, ACT)', '+10:00', 'New South Wales (most) and the ACT. AEST, daylight saving AEDT +11:00.'],
    ['Australia/Melbourne', 'Melbourne (VIC)', '+10:00', 'Victoria. AEST, daylight saving AEDT +11:00.'],
    ['Australia/Brisbane', 'Brisbane (QLD)', '+10:00', 'Queensland (most). AEST, no daylight saving.'],
    ['Australia/Perth', 'Perth (WA)', '+08:00', 'Western Australia (most). AWST, no daylight saving.'],
    ['Australia/Adelaide', 'Adelaide (SA)', '+09:30', 'South Australia. ACST, daylight saving ACDT +10:30.'],
    ['Australia/Hobart', 'Hobart (TAS)', '+10:00', 'Tasmania. AEST, daylight saving AEDT +11:00.'],
    ['Australia/Darwin', 'Darwin (NT)', '+09:30', 'Northern Territory. ACST, no daylight saving.'],
    ['Australia/Broken_Hill', 'Broken Hill (NSW)', '+09:30', 'Yancowinna County, NSW, which keeps South Australian time. ACST, daylight saving ACDT +10:30.'],
    ['Australia/Lindeman', 'Lindeman (QLD, Whitsunday Islands)', '+10:00', 'Whitsunday Islands, Queensland. AEST, no daylight saving.'],
    ['Australia/Eucla', 'Eucla (WA)', '+08:45', 'Eucla and the Eyre Highway near the WA/SA border (Central Western Time). No daylight saving.'],
    ['Australia/Lord_Howe', 'Lord Howe Island (NSW)', '+10:30', 'Lord Howe Island, NSW. Daylight saving +11:00 (a half-hour shift).'],
    ['Antarctica/Macquarie', 'Macquarie Island (TAS)', '+10:00', 'Macquarie Island, Tasmania. AEST, daylight saving AEDT +11:00.'],
  ] as const
).map(([code, name, utcOffset, description], i) => ({ code, name, utcOffset, description, sortOrder: i + 1 }));

/**
 * The rows the seed writes into each `ref` table of `referenceTables` (`@eventlead/models`); the type makes
 * a table added there fail to compile here until it has its rows. Countries and languages are built from
 * the ISO packages when called.
 */
export const referenceRowsByTable: Readonly<Record<ReferenceTableName, () => readonly ReferenceRow[]>> = {
  Country: countryRows,
  Language: languageRows,
  Industry: () => anzsicDivisions,
  Timezone: () => australianTimezones,
  UserStatus: () => userStatuses,
  UserInvitationStatus: () => userInvitationStatuses,
  UserRole: () => userRoles,
  UserCompanyRole: () => userCompanyRoles,
  UserCompanyStatus: () => userCompanyStatuses,
  SettingCategory: () => settingCategories,
  SettingType: () => settingTypes,
  RuleType: () => ruleTypes,
  CustomerTier: () => customerTiers,
  JoinedVia: () => joinedVia,
};

/** A `config.AppSetting` row as the seed writes it. */
export interface AppSettingRow {
  /** The setting's key (`APP_SETTING`). */
  readonly key: string;
  /** The value as text; `type` says how to read it. */
  readonly value: string;
  /** The `ref.SettingType` code (`SETTING_TYPE`: `integer`, `string`...). */
  readonly type: string;
  /** The `ref.SettingCategory` code (`SETTING_CATEGORY`). */
  readonly category: string;
  /** What the setting controls, with its unit. */
  readonly description: string;
  /** True for a secret value, column `IsSensitive` (default false). */
  readonly isSensitive?: boolean;
}

/** The default application settings Epic 1 reads: password policy, lockout, token lifetimes. */
export const appSettings: readonly AppSettingRow[] = [
  { key: APP_SETTING.passwordMinLength, value: '8', type: SETTING_TYPE.integer, category: SETTING_CATEGORY.security, description: 'Fewest characters a new password may have.' },
  { key: APP_SETTING.loginMaxAttempts, value: '5', type: SETTING_TYPE.integer, category: SETTING_CATEGORY.security, description: 'Failed sign-ins in a row after which the account is locked.' },
  { key: APP_SETTING.loginLockoutMinutes, value: '15', type: SETTING_TYPE.integer, category: SETTING_CATEGORY.security, description: 'Minutes a locked account stays locked.' },
  { key: APP_SETTING.accessTokenLifetimeMinutes, value: '15', type: SETTING_TYPE.integer, category: SETTING_CATEGORY.authentication, description: 'Minutes an access token is valid.' },
  { key: APP_SETTING.refreshTokenLifetimeDays, value: '30', type: SETTING_TYPE.integer, category: SETTING_CATEGORY.authentication, description: 'Days a refresh token is valid.' },
  { key: APP_SETTING.emailVerificationLifetimeHours, value: '24', type: SETTING_TYPE.integer, category: SETTING_CATEGORY.authentication, description: 'Hours an email verification link is valid.' },
  { key: APP_SETTING.passwordResetLifetimeMinutes, value: '60', type: SETTING_TYPE.integer, category: SETTING_CATEGORY.authentication, description: 'Minutes a password reset link is valid.' },
  { key: APP_SETTING.invitationLifetimeDays, value: '7', type: SETTING_TYPE.integer, category: SETTING_CATEGORY.authentication, description: 'Days an invitation to join a company is valid.' },
];

/** A `config.ValidationRule` row as the seed writes it; `(ruleName, ruleType, country)` identifies it. */
export interface ValidationRuleRow {
  /** The field the rule is for (`email`, `phone`...). */
  readonly ruleName: string;
  /** The `ref.RuleType` code (`RULE_TYPE`: `regex`, `max_length`...). */
  readonly ruleType: string;
  /** The rule's parameter as text: a length, a pattern... */
  readonly ruleValue: string;
  /** The message shown when a value breaks the rule. */
  readonly errorMessage: string;
  /** Why the rule exists (the standard or limit behind it). */
  readonly description: string;
  /** ISO 3166-1 alpha-2 code; absent = every country. */
  readonly country?: string;
}

/**
 * Data-driven validation rules, matching what `@eventlead/schemas` enforces in code (its checks stay
 * authoritative; these let screens and other clients show the same limits). Phone numbers are checked
 * in the E.164 form they are stored in.
 */
export const validationRules: readonly ValidationRuleRow[] = [
  { ruleName: 'email', ruleType: RULE_TYPE.maxLength, ruleValue: '254', errorMessage: 'Email address must be at most 254 characters.', description: 'RFC 5321 limit for a forward path.' },
  { ruleName: 'email', ruleType: RULE_TYPE.regex, ruleValue: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', errorMessage: 'Email address is not valid.', description: 'Something before and after the @ and a dot in the domain. The API applies the full check.' },
  { ruleName: 'password', ruleType: RULE_TYPE.minLength, ruleValue: '8', errorMessage: 'Password must be at least 8 characters long.', description: 'Mirrors the security.password.minLength setting.' },
  { ruleName: 'phone', ruleType: RULE_TYPE.regex, ruleValue: '^\\+61[2-478]\\d{8}$', errorMessage: 'Phone number must be an Australian number.', description: 'Australian landline (+61 2/3/7/8) or mobile (+61 4) number in E.164 form.', country: 'AU' },
  { ruleName: 'abn', ruleType: RULE_TYPE.regex, ruleValue: '^\\d{11}$', errorMessage: 'ABN must be 11 digits.', description: 'Australian Business Number, digits only.', country: 'AU' },
  { ruleName: 'abn', ruleType: RULE_TYPE.checksum, ruleValue: 'abn-modulus-89', errorMessage: 'ABN is not valid: check the digits.', description: 'ABR algorithm: subtract 1 from the first digit, weight 10,1,3,...,19, sum divisible by 89.', country: 'AU' },
  { ruleName: 'acn', ruleType: RULE_TYPE.regex, ruleValue: '^\\d{9}$', errorMessage: 'ACN must be 9 digits.', description: 'Australian Company Number, digits only.', country: 'AU' },
  { ruleName: 'acn', ruleType: RULE_TYPE.checksum, ruleValue: 'acn-modulus-10', errorMessage: 'ACN is not valid: check the digits.', description: 'ASIC algorithm: weights 8..1 on the first 8 digits, complement of the sum modulo 10 is the check digit.', country: 'AU' },
  { ruleName: 'postcode', ruleType: RULE_TYPE.regex, ruleValue: '^\\d{4}$', errorMessage: 'Postcode must be 4 digits.', description: 'Australian postcode.', country: 'AU' },
];
