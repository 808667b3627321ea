// findAndModify: find one (sorted), then update/replace/remove it in the same synchronous step,
// which is what makes concurrent job claiming (Agenda) safe.
import type { Document } from 'bson';
import { applyUpdate } from '../engine/apply-update.ts';
import { findDocuments, projectDocuments } from '../engine/find-documents.ts';
import { upsertDocument } from '../engine/upsert-seed.ts';
import { CommandError, ErrorCode } from '../errors.ts';
import { collectionName, optionalDocument } from './command-arguments.ts';
import type { CommandHandler } from './command-context.ts';

const findAndModify: CommandHandler = (command, context) => {
  const name = collectionName(command, Object.keys(command)[0]!);
  const filter = optionalDocument(command, 'query');
  const fields = optionalDocument(command, 'fields');
  const update = command.update as Document | Document[] | undefined;
  const remove = command.remove === true;
  if (remove && update !== undefined) {
    throw new CommandError(ErrorCode.FailedToParse, 'Cannot specify both an update and remove=true');
  }
  if (!remove && update === undefined) {
    throw new CommandError(ErrorCode.FailedToParse, 'Either an update or remove=true must be specified');
  }
  if (remove && (command.upsert === true || command.new === true)) {
    throw new CommandError(
      ErrorCode.FailedToParse,
      'Cannot specify both upsert=true and remove=true, or new=true and remove=true',
    );
  }
  const coll = remove
    ? context.catalog.collection(context.db, name)
    : context.catalog.ensureCollection(context.db, name);
  const [found] = findDocuments(coll, {
    filter,
    sort: optionalDocument(command, 'sort'),
    limit: 1,
    collation: optionalDocument(command, 'collation'),
  });
  const arrayFilters = command.arrayFilters as Document[] | undefined;

  if (remove) {
    if (found) coll!.remove(found);
    return reply({ n: found ? 1 : 0 }, found, fields);
  }
  if (!found) {
    if (command.upsert !== true) return reply({ n: 0, updatedExisting: false }, undefined, fields);
    const doc = upsertDocument(filter, update!, arrayFilters);
    coll!.insert(doc);
    return reply(
      { n: 1, updatedExisting: false, upserted: doc._id },
      command.new === true ? doc : undefined,
      fields,
    );
  }
  const next = applyUpdate(found, update!, { arrayFilters, filter });
  if (next.modified) coll!.replace(found, next.doc);
  return reply({ n: 1, updatedExisting: true }, command.new === true ? next.doc : found, fields);
};

function reply(
  lastErrorObject: Document,
  value: Document | undefined,
  fields: Document | undefined,
): Document {
  return { lastErrorObject, value: value ? project(value, fields) : null, ok: 1 };
}

function project(doc: Document, fields: Document | undefined): Document {
  if (!fields || Object.keys(fields).length === 0) return doc;
  return projectDocuments([doc], fields, undefined)[0] ?? {};
}

export const findAndModifyCommands: Record<string, CommandHandler> = {
  findAndModify,
  findandmodify: findAndModify,
};
