// Maps any thrown error to the SPEC.md error answer: a status and `{ error: { code, message, details? } }`.
import { RuleError } from '../domain/rule-error.ts';
import type { ErrorBody } from '../schemas/common.ts';
import { AppError } from './app-error.ts';

export interface ErrorReply {
  readonly statusCode: number;
  readonly body: ErrorBody;
  /** True when the error is a fault of ours (5xx): logged with its stack, message hidden from the client. */
  readonly fault: boolean;
}

/** Codes for the 4xx answers that Fastify and its plugins produce themselves (bad JSON, 413, 429…). */
const codeByStatus: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

export const internalErrorMessage = 'Internal server error';

export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof AppError) return intended(error.statusCode, error.code, error.message, error.details);
  // A rule of SPEC.md refused the request; its status comes with the rule (mostly 422).
  if (error instanceof RuleError) return intended(error.status, error.code, error.message, error.details);
  if (isValidationError(error)) {
    return reply(400, 'VALIDATION_FAILED', error.message);
  }
  const statusCode = statusOf(error);
  if (statusCode < 500 && error instanceof Error) {
    return reply(statusCode, codeByStatus[statusCode] ?? `HTTP_${statusCode}`, error.message);
  }
  return { ...reply(statusCode, 'INTERNAL', internalErrorMessage), fault: true };
}

function intended(
  statusCode: number,
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> | undefined,
): ErrorReply {
  const body: ErrorBody = details
    ? { error: { code, message, details: { ...details } } }
    : { error: { code, message } };
  return { statusCode, body, fault: false };
}

function reply(statusCode: number, code: string, message: string): ErrorReply {
  return { statusCode, body: { error: { code, message } }, fault: false };
}

function isValidationError(error: unknown): error is Error & { validation: unknown[] } {
  return error instanceof Error && 'validation' in error && Array.isArray(error.validation);
}

/** The 4xx or 5xx status set by Fastify or a plugin; without one, the error is ours: 500. */
function statusOf(error: unknown): number {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return 500;
  const { statusCode } = error;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode <= 599 ? statusCode : 500;
}
