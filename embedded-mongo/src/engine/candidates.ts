// Index use: narrows a filter's documents through equality (or `$in`) on `_id` or an indexed first field.
// mingo still tests every candidate, so a lookup only has to return a superset of the matches.
import type { Document } from 'bson';
import { canonicalKey } from './canonical-key.ts';
import type { Collection } from './collection.ts';

export function candidateDocuments(coll: Collection, filter: Document): Iterable<Document> {
  return narrowest(coll, filter) ?? coll.docs.values();
}

/**
 * The matches themselves, when the filter is a single equality (or `$in`) on scalars over `_id` or an
 * index's top-level first field: the hash lookup then returns exactly what mingo would accept
 * (a scalar equals a field when it equals its value or one of its elements), so the test is skipped.
 */
export function exactMatches(coll: Collection, filter: Document): Document[] | undefined {
  const fields = Object.keys(filter);
  if (fields.length !== 1) return undefined;
  const field = fields[0]!;
  if (field.startsWith('$') || field.includes('.')) return undefined;
  const values = equalityValues(filter[field]);
  if (!values?.every(isScalar)) return undefined;
  return lookupField(coll, field, filter[field]);
}

function isScalar(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return true;
  if (value instanceof Date) return true;
  return typeof value === 'object' && (value as { _bsontype?: string })?._bsontype === 'ObjectId';
}

function narrowest(coll: Collection, filter: Document): Document[] | undefined {
  let best: Document[] | undefined;
  for (const [field, condition] of Object.entries(filter)) {
    const found = field === '$and' ? narrowestOfAll(coll, condition) : lookupField(coll, field, condition);
    if (found && (!best || found.length < best.length)) best = found;
    if (best && best.length <= 1) return best;
  }
  return best;
}

function narrowestOfAll(coll: Collection, clauses: unknown): Document[] | undefined {
  if (!Array.isArray(clauses)) return undefined;
  let best: Document[] | undefined;
  for (const clause of clauses) {
    if (!clause || typeof clause !== 'object') continue;
    const found = narrowest(coll, clause as Document);
    if (found && (!best || found.length < best.length)) best = found;
  }
  return best;
}

function lookupField(coll: Collection, field: string, condition: unknown): Document[] | undefined {
  if (field.startsWith('$')) return undefined;
  const values = equalityValues(condition);
  if (!values) return undefined;
  if (field === '_id') return lookupIds(coll, values);
  for (const index of coll.indexes.values()) {
    if (index.firstField !== field || !index.coversAllDocuments) continue;
    const ids = new Set<string>();
    for (const value of values) for (const id of index.idsFor(value) ?? []) ids.add(id);
    return Array.from(ids, (id) => coll.docs.get(id)!);
  }
  return undefined;
}

function lookupIds(coll: Collection, values: unknown[]): Document[] {
  const seen = new Set<string>();
  const docs: Document[] = [];
  for (const value of values) {
    const id = canonicalKey(value);
    const doc = coll.docs.get(id);
    if (!doc || seen.has(id)) continue;
    seen.add(id);
    docs.push(doc);
  }
  return docs;
}

/** The values a condition requires equality with, when that is all an index needs to know. */
function equalityValues(condition: unknown): unknown[] | undefined {
  if (!isOperatorObject(condition)) return isIndexable(condition) ? [condition] : undefined;
  const operators = condition as Document;
  if ('$eq' in operators) return isIndexable(operators.$eq) ? [operators.$eq] : undefined;
  if (Array.isArray(operators.$in) && operators.$in.every(isIndexable)) return operators.$in;
  return undefined;
}

function isOperatorObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const first = Object.keys(value)[0];
  return first?.startsWith('$') === true;
}

// null also matches missing fields and regexes match by pattern: both need a scan.
function isIndexable(value: unknown): boolean {
  if (value === null || value === undefined || value instanceof RegExp) return false;
  if (typeof value === 'object' && (value as { _bsontype?: string })._bsontype === 'BSONRegExp') return false;
  return !isOperatorObject(value);
}
