import { ValidationError } from 'yup';

/** A 4xx the API raises itself; its message is safe to show to the caller. */
export class HttpError extends Error {
  constructor(
    /** The HTTP status to answer with (a 4xx). */
    readonly statusCode: number,
    /** A stable machine-readable code for the error body (`NOT_FOUND`, `UNAUTHORIZED`...). */
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The addressed resource does not exist (or is soft-deleted). */
export class NotFoundError extends HttpError {
  constructor(what: string) {
    super(404, 'NOT_FOUND', `${what} was not found.`);
  }
}

/** Missing, malformed or wrong credentials. */
export class UnauthorizedError extends HttpError {
  constructor(message = 'A valid bearer token is required.') {
    super(401, 'UNAUTHORIZED', message);
  }
}

/**
 * The request would change, delete or enrol the platform operator account (the identity the admin
 * token acts as, which the audit trail credits with every admin write).
 */
export class OperatorAccountError extends HttpError {
  constructor(refused: 'changed' | 'deleted' | 'added to a company') {
    super(
      409,
      'OPERATOR_ACCOUNT',
      `This is the platform operator account, which the admin token acts as and the audit trail credits; it cannot be ${refused} through the API.`,
    );
  }
}

/**
 * A 400 about one field of the body, for checks that need the database (an unknown ref code). It is a
 * yup ValidationError, so the error handler answers it exactly like a schema failure; its `statusCode`
 * tells every error hook that it is the client's mistake (the request log's `onError` hook, which runs
 * before the error handler, would otherwise record it in log.ApplicationError as a 500).
 */
export function fieldError(field: string, message: string): ValidationError & { statusCode: 400 } {
  return Object.assign(new ValidationError(message, undefined, field), { statusCode: 400 as const });
}
