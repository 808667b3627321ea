// Applies one update (operators, replacement or pipeline) to a copy of a document with mingo.
import { type Document, ObjectId } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import * as updateOperators from 'mingo/operators/update';
import { update as mingoUpdate } from 'mingo/updater';
import { cloneDeep } from 'mingo/util';
import { CommandError, ErrorCode, failedToParse } from '../errors.ts';
import { canonicalKey } from './canonical-key.ts';
import { sharedOptions, updateOptions } from './mingo-context.ts';
import { translateMingoError } from './mingo-errors.ts';
import { validateUpdatePaths } from './update-paths.ts';

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$bit',
  '$currentDate',
  '$setOnInsert',
]);
const PIPELINE_UPDATE_STAGES = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

export type UpdateKind = 'operators' | 'replacement' | 'pipeline';

export type UpdateOptions = {
  arrayFilters?: Document[] | undefined;
  filter?: Document | undefined;
  isInsert?: boolean;
};

export type UpdateOutcome = { doc: Document; modified: boolean };

export function updateKind(update: unknown): UpdateKind {
  if (Array.isArray(update)) {
    for (const stage of update as Document[]) {
      const name = Object.keys(stage ?? {})[0] ?? '';
      if (!PIPELINE_UPDATE_STAGES.has(name)) {
        throw new CommandError(
          ErrorCode.InvalidOptions,
          `${name || 'empty stage'} is not allowed to be used within an update`,
        );
      }
    }
    return 'pipeline';
  }
  if (!update || typeof update !== 'object')
    throw failedToParse('Update argument must be either an object or an array');
  const keys = Object.keys(update);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return 'replacement';
  if (operators.length !== keys.length) {
    const plain = keys.find((key) => !key.startsWith('$'));
    throw failedToParse(
      `Unknown modifier: ${plain}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  for (const operator of operators) {
    if (!UPDATE_OPERATORS.has(operator)) {
      throw failedToParse(
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
  }
  return 'operators';
}

/** Returns the updated copy; `doc` itself is never touched, so a failed update changes nothing. */
export function applyUpdate(
  doc: Document,
  update: Document | Document[],
  options: UpdateOptions = {},
): UpdateOutcome {
  const kind = updateKind(update);
  const next =
    kind === 'replacement'
      ? replaceDocument(doc, update as Document)
      : kind === 'pipeline'
        ? runPipeline(doc, update as Document[])
        : applyOperators(doc, update as Document, options);
  if (canonicalKey(next.doc._id) !== canonicalKey(doc._id) && !options.isInsert) {
    throw new CommandError(
      ErrorCode.ImmutableField,
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  return next;
}

function applyOperators(doc: Document, update: Document, options: UpdateOptions): UpdateOutcome {
  const { $setOnInsert, ...rest } = update;
  const modifier: Document = { ...rest };
  const copy = cloneDeep(doc);
  if (options.isInsert && $setOnInsert) {
    // An upsert may choose the new document's _id; mingo refuses to $set `_id`, so it is placed here.
    const { _id, ...onInsert } = $setOnInsert as Document;
    if (_id !== undefined) copy._id = cloneDeep(_id);
    if (Object.keys(onInsert).length > 0) modifier.$set = { ...(modifier.$set as Document), ...onInsert };
  }
  if (Object.keys(modifier).length === 0) return { doc: copy, modified: false };
  validateUpdatePaths(doc, update);
  try {
    const changed = needsFullUpdater(modifier, options)
      ? mingoUpdate(copy, modifier, options.arrayFilters, options.filter, { queryOptions: updateOptions })
          .length > 0
      : applyEachOperator(copy, modifier);
    return { doc: idFirst(copy), modified: changed };
  } catch (error) {
    throw translateMingoError(error);
  }
}

// mingo's updater copies its operator tables on every call; its operators alone do not. The updater
// is only needed for what spans operators: array filters and the positional `$` (query-dependent).
type UpdateOperator = (fields: Document) => (doc: Document) => string[];
const operatorTable = updateOperators as unknown as Record<string, UpdateOperator>;

function applyEachOperator(doc: Document, modifier: Document): boolean {
  let changed = false;
  for (const [name, fields] of Object.entries(modifier)) {
    if (operatorTable[name]!(fields as Document)(doc).length > 0) changed = true;
  }
  return changed;
}

function needsFullUpdater(modifier: Document, options: UpdateOptions): boolean {
  if (options.arrayFilters && options.arrayFilters.length > 0) return true;
  for (const fields of Object.values(modifier)) {
    if (!fields || typeof fields !== 'object') continue;
    for (const path of Object.keys(fields)) if (path.includes('$')) return true;
  }
  return false;
}

function replaceDocument(doc: Document, replacement: Document): UpdateOutcome {
  if ('_id' in replacement && canonicalKey(replacement._id) !== canonicalKey(doc._id)) {
    throw new CommandError(
      ErrorCode.ImmutableField,
      "After applying the update, the (immutable) field '_id' was found to have been altered",
    );
  }
  const { _id: _ignored, ...fields } = replacement;
  const next = { _id: doc._id ?? new ObjectId(), ...cloneDeep(fields) };
  return { doc: next, modified: canonicalKey(next) !== canonicalKey(doc) };
}

function runPipeline(doc: Document, pipeline: Document[]): UpdateOutcome {
  try {
    const [next] = new Aggregator(pipeline, sharedOptions).run<Document>([cloneDeep(doc)]);
    if (!next) throw new CommandError(ErrorCode.BadValue, 'update pipeline produced no document');
    const withId = idFirst({ _id: doc._id, ...next });
    return { doc: withId, modified: canonicalKey(withId) !== canonicalKey(doc) };
  } catch (error) {
    throw translateMingoError(error);
  }
}

/** mongod always stores `_id` as the first field. */
export function idFirst(doc: Document): Document {
  if (!('_id' in doc) || Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}
