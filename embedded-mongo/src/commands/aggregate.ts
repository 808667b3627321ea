// aggregate: a leading $match uses indexes, the rest of the pipeline runs in mingo.
import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { ProcessingMode } from 'mingo/core';
import { cloneDeep } from 'mingo/util';
import { matchingDocuments } from '../engine/find-documents.ts';
import { mingoOptions } from '../engine/mingo-context.ts';
import { translateMingoError } from '../engine/mingo-errors.ts';
import { CommandError, ErrorCode } from '../errors.ts';
import { optionalDocument } from './command-arguments.ts';
import type { CommandContext, CommandHandler } from './command-context.ts';

// Stages that only read their input; any other stage gets copies, because mingo may write into
// nested objects of the documents it is given and ours are the stored ones.
const READ_ONLY_STAGES = new Set(['$match', '$sort', '$skip', '$limit', '$count', '$group', '$sortByCount']);
const UNSUPPORTED_STAGES = new Set([
  '$out',
  '$merge',
  '$geoNear',
  '$search',
  '$changeStream',
  '$collStats',
  '$indexStats',
]);

const aggregate: CommandHandler = (command, context) => {
  const target = command.aggregate;
  if (!Array.isArray(command.pipeline)) {
    throw new CommandError(ErrorCode.TypeMismatch, "'pipeline' option must be specified as an array");
  }
  if (command.explain)
    throw new CommandError(ErrorCode.BadValue, 'explain is not supported by embedded-mongo');
  const cursor = optionalDocument(command, 'cursor');
  if (!cursor) throw new CommandError(ErrorCode.FailedToParse, "The 'cursor' option is required");
  const pipeline = command.pipeline as Document[];
  validateStages(pipeline);
  const name = typeof target === 'string' ? target : undefined;
  const results = runPipeline(context, name, pipeline, optionalDocument(command, 'collation'));
  const ns = name ? `${context.db}.${name}` : `${context.db}.$cmd.aggregate`;
  const batchSize = typeof cursor.batchSize === 'number' ? cursor.batchSize : undefined;
  return context.cursors.first(ns, results, batchSize);
};

function validateStages(pipeline: Document[]): void {
  for (const stage of pipeline) {
    const keys = stage && typeof stage === 'object' ? Object.keys(stage) : [];
    if (keys.length !== 1) {
      throw new CommandError(
        ErrorCode.Location40323,
        'A pipeline stage specification object must contain exactly one field.',
      );
    }
    if (UNSUPPORTED_STAGES.has(keys[0]!)) {
      throw new CommandError(
        ErrorCode.Location40324,
        `Unrecognized pipeline stage name: '${keys[0]}' (not supported by embedded-mongo)`,
      );
    }
  }
}

function runPipeline(
  context: CommandContext,
  name: string | undefined,
  pipeline: Document[],
  collation?: Document,
): Document[] {
  const coll = name ? context.catalog.collection(context.db, name) : undefined;
  const readOnly = pipeline.every((stage) => READ_ONLY_STAGES.has(Object.keys(stage)[0]!));
  const options = mingoOptions({
    processingMode: readOnly ? ProcessingMode.CLONE_OFF : ProcessingMode.CLONE_INPUT,
    collectionResolver: (other: string) => {
      const docs = Array.from(context.catalog.collection(context.db, other)?.docs.values() ?? []);
      return readOnly ? docs : docs.map((doc) => cloneDeep(doc));
    },
    ...(collation ? { collation: collation as never } : {}),
  });
  const first = pipeline[0];
  const leadingMatch = first && '$match' in first && !collation ? (first.$match as Document) : undefined;
  const source = leadingMatch ? matchingDocuments(coll, leadingMatch) : Array.from(coll?.docs.values() ?? []);
  const rest = leadingMatch ? pipeline.slice(1) : pipeline;
  if (rest.length === 0) return source;
  try {
    return new Aggregator(rest, options).run<Document>(source);
  } catch (error) {
    throw translateMingoError(error);
  }
}

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
