/** How many bytes of a password bcrypt reads; anything after them is silently ignored by bcrypt. */
export const BCRYPT_MAX_PASSWORD_BYTES = 72;

/**
 * The password was empty (after Unicode normalisation). Map it to HTTP 400.
 * @example
 * if (error instanceof EmptyPasswordError) reply.code(error.statusCode);
 */
export class EmptyPasswordError extends Error {
  override readonly name = 'EmptyPasswordError';
  /** A stable machine-readable code for API error bodies and logs. */
  readonly code = 'PASSWORD_EMPTY';
  /** The HTTP status to answer with. */
  readonly statusCode = 400;

  constructor(options?: ErrorOptions) {
    super('Password must not be empty.', options);
  }
}

/**
 * The password is longer than bcrypt's 72 UTF-8 bytes. It is refused rather than silently truncated.
 * Map it to HTTP 400.
 */
export class PasswordTooLongError extends Error {
  override readonly name = 'PasswordTooLongError';
  /** A stable machine-readable code for API error bodies and logs. */
  readonly code = 'PASSWORD_TOO_LONG';
  /** The HTTP status to answer with. */
  readonly statusCode = 400;
  /** The limit in UTF-8 bytes (not characters: `€` takes 3 bytes). */
  readonly maxBytes = BCRYPT_MAX_PASSWORD_BYTES;

  // The length of the refused password is deliberately not recorded: errors end up in logs.
  constructor(options?: ErrorOptions) {
    super(
      `Password is longer than ${BCRYPT_MAX_PASSWORD_BYTES} bytes in UTF-8; it is refused rather than truncated.`,
      options,
    );
  }
}

/**
 * Too many hashing requests are waiting already. Map it to HTTP 503 with a `Retry-After` header.
 * @example
 * if (error instanceof HashingCapacityError) {
 *   reply.header('Retry-After', String(error.retryAfterSeconds)).code(error.statusCode);
 * }
 */
export class HashingCapacityError extends Error {
  override readonly name = 'HashingCapacityError';
  /** A stable machine-readable code for API error bodies and logs. */
  readonly code = 'HASHING_CAPACITY';
  /** The HTTP status to answer with (Service Unavailable). */
  readonly statusCode = 503;

  constructor(
    /** When a retry is likely to be served, in whole seconds (at least 1); the `Retry-After` value. */
    readonly retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super('Password hashing is at capacity; try again shortly.', options);
  }
}

/**
 * A password breaks the password policy; `violations` says how. Map it to HTTP 400.
 */
export class PasswordPolicyError extends Error {
  override readonly name = 'PasswordPolicyError';
  /** A stable machine-readable code for API error bodies and logs. */
  readonly code = 'PASSWORD_POLICY';
  /** The HTTP status to answer with. */
  readonly statusCode = 400;

  constructor(
    /** Every rule the password breaks, at least one; their messages make up the error's message. */
    readonly violations: readonly PasswordPolicyViolation[],
    options?: ErrorOptions,
  ) {
    super(violations.map((violation) => violation.message).join(' '), options);
  }
}

/** One way in which a password breaks the policy. The message never repeats the password. */
export interface PasswordPolicyViolation {
  /**
   * Which rule is broken: too short, over 72 UTF-8 bytes, blank characters only, or a common (blocklisted)
   * password.
   */
  readonly code: 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_BLANK' | 'PASSWORD_BLOCKLISTED';
  /** A user-facing sentence saying what to change; it never repeats the password. */
  readonly message: string;
}
