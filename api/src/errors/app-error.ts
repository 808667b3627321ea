// The error that routes and plugins throw on purpose: an HTTP status, a stable code and a message for the user.

/** The statuses SPEC.md "API" gives meaning to, plus 503 for readiness. */
export const ErrorStatus = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  unprocessable: 422,
  tooManyRequests: 429,
  notImplemented: 501,
  unavailable: 503,
} as const;
export type ErrorStatus = (typeof ErrorStatus)[keyof typeof ErrorStatus];

/**
 * Thrown by routes and plugins; the one error handler answers it as
 * `{ error: { code, message, details? } }` with `statusCode`. The message is shown to the user, so it
 * must never carry another user's data (a 404 "not found" also covers "not visible to you").
 */
export class AppError extends Error {
  readonly statusCode: ErrorStatus;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    statusCode: ErrorStatus,
    code: string,
    message: string,
    options?: { details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = options?.details;
  }

  static badRequest(message: string, code = 'BAD_REQUEST'): AppError {
    return new AppError(ErrorStatus.badRequest, code, message);
  }

  static unauthorized(message = 'Sign-in required', code = 'UNAUTHORIZED'): AppError {
    return new AppError(ErrorStatus.unauthorized, code, message);
  }

  static forbidden(message: string, code = 'FORBIDDEN'): AppError {
    return new AppError(ErrorStatus.forbidden, code, message);
  }

  /** SPEC.md: 404 means "not found or not visible", so the message never says which. */
  static notFound(what: string, code = 'NOT_FOUND'): AppError {
    return new AppError(ErrorStatus.notFound, code, `${what} not found`);
  }

  static conflict(code: string, message: string, details?: Record<string, unknown>): AppError {
    return new AppError(ErrorStatus.conflict, code, message, details ? { details } : undefined);
  }
}
