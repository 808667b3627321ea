import { describe, expect, it } from 'vitest';
import { RuleError } from '../domain/rule-error.ts';
import { AppError } from './app-error.ts';
import { toErrorReply } from './error-reply.ts';

describe('toErrorReply', () => {
  it('an AppError answers with its own status, code, message and details', () => {
    const reply = toErrorReply(AppError.conflict('VERSION_CONFLICT', 'Changed meanwhile', { version: 3 }));
    expect(reply).toEqual({
      statusCode: 409,
      body: { error: { code: 'VERSION_CONFLICT', message: 'Changed meanwhile', details: { version: 3 } } },
      fault: false,
    });
  });

  it('a RuleError answers with the status of its rule (422 for a refused rule)', () => {
    expect(toErrorReply(new RuleError('ARCHIVE_NOT_PAST'))).toEqual({
      statusCode: 422,
      body: {
        error: { code: 'ARCHIVE_NOT_PAST', message: 'Only a past 1:1 or a past series can be archived.' },
      },
      fault: false,
    });
  });

  it('a RuleError keeps the details the client needs (the existing series of the pair)', () => {
    const reply = toErrorReply(new RuleError('ONE_SERIES_PER_PAIR', { existingSeriesId: 'abc' }));
    expect(reply.statusCode).toBe(409);
    expect(reply.body.error.details).toEqual({ existingSeriesId: 'abc' });
  });

  it('a not-visible record answers 404 like a missing one', () => {
    expect(toErrorReply(new RuleError('NOT_PARTICIPANT')).statusCode).toBe(404);
  });

  it('a 4xx raised by Fastify or a plugin keeps its status and gets a stable code', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toErrorReply(tooLarge).body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Request body is too large',
    });
  });

  it('an unexpected error is our fault: 500 with the message hidden', () => {
    const reply = toErrorReply(new Error('connection string mongodb://user:secret@host'));
    expect(reply).toEqual({
      statusCode: 500,
      body: { error: { code: 'INTERNAL', message: 'Internal server error' } },
      fault: true,
    });
  });

  it('a 5xx status set on an error is kept but its message is not exposed', () => {
    const upstream = Object.assign(new Error('upstream said no'), { statusCode: 502 });
    expect(toErrorReply(upstream)).toMatchObject({
      statusCode: 502,
      body: { error: { code: 'INTERNAL', message: 'Internal server error' } },
      fault: true,
    });
  });

  it('something thrown that is not an Error is a 500 too', () => {
    expect(toErrorReply('a string').statusCode).toBe(500);
  });
});
