// insert, update and delete: statement by statement, ordered or not, reporting write errors per index.
import type { Document } from 'bson';
import { applyUpdate } from '../engine/apply-update.ts';
import type { Collection } from '../engine/collection.ts';
import { findDocuments, matchingDocuments } from '../engine/find-documents.ts';
import { upsertDocument, withGeneratedId } from '../engine/upsert-seed.ts';
import { CommandError, ErrorCode } from '../errors.ts';
import { collectionName, requiredArray } from './command-arguments.ts';
import type { CommandHandler } from './command-context.ts';
import { WriteResult } from './write-result.ts';

const insert: CommandHandler = (command, context) => {
  const coll = context.catalog.ensureCollection(context.db, collectionName(command, 'insert'));
  const ordered = command.ordered !== false;
  const result = new WriteResult();
  const docs = requiredArray(command, 'documents');
  for (let index = 0; index < docs.length; index++) {
    try {
      coll.insert(prepareInsert(docs[index]!));
      result.n++;
    } catch (error) {
      if (result.fail(index, error, ordered)) break;
    }
  }
  return result.reply();
};

function prepareInsert(doc: Document): Document {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new CommandError(ErrorCode.TypeMismatch, 'inserted documents must be objects');
  }
  if (Array.isArray(doc._id) || doc._id instanceof RegExp) {
    throw new CommandError(
      53,
      `The '_id' value cannot be of type ${Array.isArray(doc._id) ? 'array' : 'regex'}`,
    );
  }
  return withGeneratedId(doc);
}

type UpdateStatement = {
  q?: Document;
  u: Document | Document[];
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: Document[];
  sort?: Document;
  collation?: Document;
};

const update: CommandHandler = (command, context) => {
  const name = collectionName(command, 'update');
  const ordered = command.ordered !== false;
  const result = new WriteResult();
  const upserted: Document[] = [];
  let nModified = 0;
  const statements = requiredArray(command, 'updates') as UpdateStatement[];
  for (let index = 0; index < statements.length; index++) {
    try {
      const outcome = runUpdate(context.catalog.ensureCollection(context.db, name), statements[index]!);
      result.n += outcome.matched;
      nModified += outcome.modified;
      if (outcome.upsertedId !== undefined) {
        result.n++;
        upserted.push({ index, _id: outcome.upsertedId });
      }
    } catch (error) {
      if (result.fail(index, error, ordered)) break;
    }
  }
  return result.reply({ nModified, ...(upserted.length > 0 ? { upserted } : {}) });
};

type UpdateOutcome = { matched: number; modified: number; upsertedId?: unknown };

function runUpdate(coll: Collection, statement: UpdateStatement): UpdateOutcome {
  if (statement.u === undefined)
    throw new CommandError(ErrorCode.FailedToParse, "BSON field 'update.updates.u' is missing");
  if (statement.multi && !Array.isArray(statement.u) && isReplacement(statement.u)) {
    throw new CommandError(
      ErrorCode.FailedToParse,
      'multi update is not supported for replacement-style update',
    );
  }
  const targets = statement.sort
    ? findDocuments(coll, {
        filter: statement.q,
        sort: statement.sort,
        limit: 1,
        collation: statement.collation,
      })
    : matchingDocuments(coll, statement.q, statement.multi ? 0 : 1);
  if (targets.length === 0) {
    if (!statement.upsert) return { matched: 0, modified: 0 };
    const doc = upsertDocument(statement.q, statement.u, statement.arrayFilters);
    coll.insert(doc);
    return { matched: 0, modified: 0, upsertedId: doc._id };
  }
  let modified = 0;
  for (const doc of targets) {
    const next = applyUpdate(doc, statement.u, { arrayFilters: statement.arrayFilters, filter: statement.q });
    if (!next.modified) continue;
    coll.replace(doc, next.doc);
    modified++;
  }
  return { matched: targets.length, modified };
}

function isReplacement(update: Document): boolean {
  return Object.keys(update).every((key) => !key.startsWith('$'));
}

type DeleteStatement = { q?: Document; limit?: number; collation?: Document };

const remove: CommandHandler = (command, context) => {
  const coll = context.catalog.collection(context.db, collectionName(command, 'delete'));
  const ordered = command.ordered !== false;
  const result = new WriteResult();
  const statements = requiredArray(command, 'deletes') as DeleteStatement[];
  for (let index = 0; index < statements.length; index++) {
    try {
      const statement = statements[index]!;
      if (statement.limit !== 0 && statement.limit !== 1) {
        throw new CommandError(ErrorCode.FailedToParse, 'The limit field in delete objects must be 0 or 1');
      }
      const doomed = matchingDocuments(coll, statement.q, statement.limit);
      for (const doc of doomed) coll!.remove(doc);
      result.n += doomed.length;
    } catch (error) {
      if (result.fail(index, error, ordered)) break;
    }
  }
  return result.reply();
};

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: remove };
