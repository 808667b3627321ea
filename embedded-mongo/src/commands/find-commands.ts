// find, getMore and killCursors: query results are materialised once and served in batches.
import { Long } from 'bson';
import { findDocuments } from '../engine/find-documents.ts';
import { CommandError, ErrorCode } from '../errors.ts';
import { collectionName, optionalCount, optionalDocument } from './command-arguments.ts';
import type { CommandHandler } from './command-context.ts';

const find: CommandHandler = (command, context) => {
  const name = collectionName(command, 'find');
  if (command.tailable || command.returnKey || command.showRecordId || command.min || command.max) {
    throw new CommandError(
      ErrorCode.BadValue,
      'tailable cursors, returnKey, showRecordId, min and max are not supported by embedded-mongo',
    );
  }
  let limit = typeof command.limit === 'number' ? command.limit : undefined;
  let singleBatch = command.singleBatch === true;
  if (limit !== undefined && limit < 0) {
    limit = -limit;
    singleBatch = true;
  }
  const docs = findDocuments(context.catalog.collection(context.db, name), {
    filter: optionalDocument(command, 'filter'),
    sort: optionalDocument(command, 'sort'),
    projection: optionalDocument(command, 'projection'),
    skip: optionalCount(command, 'skip'),
    limit,
    collation: optionalDocument(command, 'collation'),
  });
  return context.cursors.first(
    `${context.db}.${name}`,
    docs,
    optionalCount(command, 'batchSize'),
    singleBatch,
  );
};

const getMore: CommandHandler = (command, context) => {
  const id = cursorId(command.getMore);
  const name = collectionName(command, 'collection');
  return context.cursors.more(id, `${context.db}.${name}`, optionalCount(command, 'batchSize'));
};

const killCursors: CommandHandler = (command, context) => {
  collectionName(command, 'killCursors');
  const ids = Array.isArray(command.cursors) ? command.cursors.map(cursorId) : [];
  const { killed, notFound } = context.cursors.kill(ids);
  return {
    cursorsKilled: killed.map((id) => Long.fromNumber(id)),
    cursorsNotFound: notFound.map((id) => Long.fromNumber(id)),
    cursorsAlive: [],
    cursorsUnknown: [],
    ok: 1,
  };
};

function cursorId(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Long) return value.toNumber();
  throw new CommandError(ErrorCode.TypeMismatch, 'cursor id must be a 64-bit integer');
}

export const findCommands: Record<string, CommandHandler> = { find, getMore, killCursors };
