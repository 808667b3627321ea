// Runs a filter (with sort, skip, limit, projection) over a collection via index candidates and mingo.
import type { Document } from 'bson';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { cloneDeep } from 'mingo/util';
import { badValue } from '../errors.ts';
import { candidateDocuments, exactMatches } from './candidates.ts';
import type { Collection } from './collection.ts';
import { mingoOptions, sharedOptions } from './mingo-context.ts';
import { translateMingoError } from './mingo-errors.ts';

export type FindSpec = {
  filter?: Document | undefined;
  sort?: Document | undefined;
  projection?: Document | undefined;
  skip?: number | undefined;
  limit?: number | undefined;
  collation?: Document | undefined;
};

export function compileFilter(
  filter: Document | undefined,
  options: Partial<Options> = sharedOptions,
): Query | null {
  if (!filter || Object.keys(filter).length === 0) return null;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw badValue('filter must be an object');
  try {
    return new Query(filter, options);
  } catch (error) {
    throw translateMingoError(error);
  }
}

/** Matching documents in natural (or index) order, stopping after `limit` when given. */
export function matchingDocuments(
  coll: Collection | undefined,
  filter: Document | undefined,
  limit = 0,
  options: Partial<Options> = sharedOptions,
): Document[] {
  if (!coll) return [];
  const exact = options.collation || !filter ? undefined : exactMatches(coll, filter);
  if (exact) return limit > 0 && exact.length > limit ? exact.slice(0, limit) : exact;
  const query = compileFilter(filter, options);
  const out: Document[] = [];
  // Indexes hold exact keys, so a collation (e.g. case-insensitive) needs a scan.
  const source = options.collation ? coll.docs.values() : candidateDocuments(coll, filter ?? {});
  try {
    for (const doc of source) {
      if (query && !query.test(doc)) continue;
      out.push(doc);
      if (limit > 0 && out.length >= limit) break;
    }
  } catch (error) {
    throw translateMingoError(error);
  }
  return out;
}

export function findDocuments(coll: Collection | undefined, spec: FindSpec): Document[] {
  if (!coll) return [];
  const hasSort = spec.sort !== undefined && Object.keys(spec.sort).length > 0;
  const skip = spec.skip ?? 0;
  const limit = spec.limit ?? 0;
  if (hasSort) validateSort(spec.sort!);
  const options = spec.collation
    ? mingoOptions({ collation: spec.collation as Options['collation'] })
    : sharedOptions;
  const enough = !hasSort && limit > 0 ? skip + limit : 0;
  const matched = matchingDocuments(coll, spec.filter, enough, options);
  const docs = hasSort ? sortDocuments(matched, spec.sort!, skip, limit, options) : matched.slice(skip);
  const hasProjection = spec.projection !== undefined && Object.keys(spec.projection).length > 0;
  return hasProjection ? projectDocuments(docs, spec.projection!, spec.filter, options) : docs;
}

function sortDocuments(
  docs: Document[],
  sort: Document,
  skip: number,
  limit: number,
  options: Partial<Options>,
): Document[] {
  try {
    let cursor = new Query({}, options).find<Document>(docs).sort(sort);
    if (skip > 0) cursor = cursor.skip(skip);
    if (limit > 0) cursor = cursor.limit(limit);
    return cursor.all();
  } catch (error) {
    throw translateMingoError(error);
  }
}

/**
 * Projects copies: mingo's projection can write into nested objects of its input, and ours are the
 * stored documents. The filter rides along for positional (`field.$`) projections.
 */
export function projectDocuments(
  docs: Document[],
  projection: Document,
  filter: Document | undefined,
  options: Partial<Options> = sharedOptions,
): Document[] {
  try {
    return new Query(filter ?? {}, options)
      .find<Document>(
        docs.map((doc) => cloneDeep(doc)),
        projection,
      )
      .all();
  } catch (error) {
    throw translateMingoError(error);
  }
}

function validateSort(sort: Document): void {
  for (const [field, direction] of Object.entries(sort)) {
    if (direction === 1 || direction === -1) continue;
    if (direction && typeof direction === 'object' && '$meta' in direction) {
      throw badValue(`$meta sort on '${field}' is not supported by embedded-mongo`);
    }
    throw badValue(`Invalid sort value for '${field}': ${JSON.stringify(direction)} (expected 1 or -1)`);
  }
}
