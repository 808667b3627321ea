// count and distinct (what estimatedDocumentCount and collection.distinct send).
import { compare } from 'mingo/util';
import { canonicalKey } from '../engine/canonical-key.ts';
import { findDocuments } from '../engine/find-documents.ts';
import { valuesAtPath } from '../engine/key-paths.ts';
import { CommandError, ErrorCode } from '../errors.ts';
import { collectionName, optionalCount, optionalDocument } from './command-arguments.ts';
import type { CommandHandler } from './command-context.ts';

const count: CommandHandler = (command, context) => {
  const coll = context.catalog.collection(context.db, collectionName(command, 'count'));
  const query = optionalDocument(command, 'query');
  if (!query || Object.keys(query).length === 0) {
    const total = coll?.docs.size ?? 0;
    const skipped = Math.max(0, total - (optionalCount(command, 'skip') ?? 0));
    const limit = Math.abs(typeof command.limit === 'number' ? command.limit : 0);
    return { n: limit > 0 ? Math.min(limit, skipped) : skipped, ok: 1 };
  }
  const docs = findDocuments(coll, {
    filter: query,
    skip: optionalCount(command, 'skip'),
    limit: Math.abs(typeof command.limit === 'number' ? command.limit : 0),
    collation: optionalDocument(command, 'collation'),
  });
  return { n: docs.length, ok: 1 };
};

const distinct: CommandHandler = (command, context) => {
  const coll = context.catalog.collection(context.db, collectionName(command, 'distinct'));
  if (typeof command.key !== 'string' || command.key.length === 0) {
    throw new CommandError(ErrorCode.TypeMismatch, "BSON field 'distinct.key' is missing or not a string");
  }
  const docs = findDocuments(coll, {
    filter: optionalDocument(command, 'query'),
    collation: optionalDocument(command, 'collation'),
  });
  const seen = new Map<string, unknown>();
  for (const doc of docs) {
    // An array contributes its elements, not itself.
    for (const value of valuesAtPath(doc, command.key, false)) {
      const key = canonicalKey(value);
      if (!seen.has(key)) seen.set(key, value);
    }
  }
  return { values: Array.from(seen.values()).sort(compare), ok: 1 };
};

export const countDistinctCommands: Record<string, CommandHandler> = { count, distinct };
