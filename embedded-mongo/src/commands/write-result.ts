// Collects per-statement results of insert/update/delete into mongod's write reply shape.
import type { Document } from 'bson';
import { CommandError } from '../errors.ts';

export class WriteResult {
  n = 0;
  readonly writeErrors: Document[] = [];

  /** Records a failed statement; returns true when processing should stop (ordered writes). */
  fail(index: number, error: unknown, ordered: boolean): boolean {
    if (!(error instanceof CommandError)) throw error;
    this.writeErrors.push({ index, code: error.code, errmsg: error.message, ...error.details });
    return ordered;
  }

  reply(extra: Document = {}): Document {
    const reply: Document = { n: this.n, ...extra };
    if (this.writeErrors.length > 0) reply.writeErrors = this.writeErrors;
    reply.ok = 1;
    return reply;
  }
}
