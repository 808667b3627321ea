// createIndexes, listIndexes and dropIndexes.
import type { Document } from 'bson';
import { parseIndexSpec } from '../engine/index-spec.ts';
import { CommandError, ErrorCode } from '../errors.ts';
import { collectionName, optionalDocument, requiredArray } from './command-arguments.ts';
import type { CommandHandler } from './command-context.ts';

const createIndexes: CommandHandler = (command, context) => {
  const name = collectionName(command, 'createIndexes');
  const specs = requiredArray(command, 'indexes').map(parseIndexSpec);
  const existed = context.catalog.collection(context.db, name) !== undefined;
  const coll = context.catalog.ensureCollection(context.db, name);
  const before = coll.indexSpecs().length;
  let created = 0;
  for (const spec of specs) if (coll.createIndex(spec)) created++;
  return {
    numIndexesBefore: before,
    numIndexesAfter: coll.indexSpecs().length,
    createdCollectionAutomatically: !existed,
    ...(created === 0 ? { note: 'all indexes already exist' } : {}),
    ok: 1,
  };
};

const listIndexes: CommandHandler = (command, context) => {
  const name = collectionName(command, 'listIndexes');
  const coll = context.catalog.collection(context.db, name);
  if (!coll) throw new CommandError(ErrorCode.NamespaceNotFound, `ns does not exist: ${context.db}.${name}`);
  const cursor = optionalDocument(command, 'cursor');
  const batchSize = typeof cursor?.batchSize === 'number' ? cursor.batchSize : undefined;
  return context.cursors.first(`${context.db}.$cmd.listIndexes.${name}`, coll.indexSpecs(), batchSize);
};

const dropIndexes: CommandHandler = (command, context) => {
  const name = collectionName(command, Object.keys(command)[0]!);
  const coll = context.catalog.collection(context.db, name);
  if (!coll) throw new CommandError(ErrorCode.NamespaceNotFound, `ns not found ${context.db}.${name}`);
  const before = coll.indexSpecs().length;
  for (const indexName of namesToDrop(command.index, coll.indexSpecs())) coll.dropIndex(indexName);
  return { nIndexesWas: before, ok: 1 };
};

function namesToDrop(target: unknown, specs: Array<{ name: string; key: Document }>): string[] {
  if (target === '*') return specs.map((spec) => spec.name).filter((name) => name !== '_id_');
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.map(String);
  if (target && typeof target === 'object') {
    const wanted = JSON.stringify(target);
    const match = specs.find((spec) => JSON.stringify(spec.key) === wanted);
    if (!match) throw new CommandError(ErrorCode.IndexNotFound, `can't find index with key: ${wanted}`);
    return [match.name];
  }
  throw new CommandError(
    ErrorCode.TypeMismatch,
    "BSON field 'dropIndexes.index' is missing or of the wrong type",
  );
}

export const indexCommands: Record<string, CommandHandler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
