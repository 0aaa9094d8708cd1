/** A 4xx the API raises itself; its message is safe to show to the caller. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
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
