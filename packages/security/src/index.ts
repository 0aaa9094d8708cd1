export {
  BCRYPT_MAX_PASSWORD_BYTES,
  EmptyPasswordError,
  HashingCapacityError,
  PasswordPolicyError,
  PasswordTooLongError,
} from './errors';
export type { PasswordPolicyViolation } from './errors';
export { isCommonPassword } from './common-passwords';
export {
  DEFAULT_BCRYPT_COST,
  DEFAULT_NICE_INCREMENT,
  MIN_BCRYPT_COST,
  PasswordHasher,
} from './password-hasher';
export type { PasswordHasherOptions, PasswordHasherStats } from './password-hasher';
export {
  defaultPasswordHasher,
  hashPassword,
  needsRehash,
  passwordHashingStats,
  verifyPassword,
} from './password';
export { normalizePassword } from './password-input';
export {
  DEFAULT_MIN_PASSWORD_LENGTH,
  assertPasswordPolicy,
  checkPasswordPolicy,
} from './password-policy';
export type { PasswordPolicyOptions, PasswordPolicyResult } from './password-policy';
export { generateSecureToken, hashToken, safeEqual, tokenHashMatcher } from './token';
