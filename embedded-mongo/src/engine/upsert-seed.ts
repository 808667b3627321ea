// Builds the document an upsert starts from: the equality conditions of its filter, as mongod does.
import { type Document, ObjectId } from 'bson';
import { cloneDeep } from 'mingo/util';
import { applyUpdate, updateKind } from './apply-update.ts';

export function upsertSeed(filter: Document | undefined): Document {
  const seed: Document = {};
  if (filter) collectEqualities(filter, seed);
  return seed;
}

/** The seed plus an `_id` when neither the filter nor the update supplied one. */
export function withGeneratedId(doc: Document): Document {
  const { _id, ...fields } = doc;
  return { _id: _id ?? new ObjectId(), ...fields };
}

function collectEqualities(filter: Document, seed: Document): void {
  for (const [path, condition] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(condition)) {
      for (const clause of condition) collectEqualities(clause as Document, seed);
      continue;
    }
    if (path.startsWith('$')) continue;
    if (isOperatorObject(condition)) {
      if ('$eq' in (condition as Document)) setPath(seed, path, cloneDeep((condition as Document).$eq));
      continue;
    }
    setPath(seed, path, cloneDeep(condition));
  }
}

function isOperatorObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.keys(value).some((key) => key.startsWith('$'));
}

function setPath(target: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Document;
  }
  node[parts[parts.length - 1]!] = value;
}

/** The document an upsert inserts when nothing matched. */
export function upsertDocument(
  filter: Document | undefined,
  update: Document | Document[],
  arrayFilters: Document[] | undefined,
): Document {
  const seed = upsertSeed(filter);
  if (updateKind(update) === 'replacement') {
    const { _id, ...fields } = update as Document;
    return withGeneratedId({ _id: _id ?? seed._id, ...cloneDeep(fields) });
  }
  return withGeneratedId(applyUpdate(seed, update, { arrayFilters, isInsert: true }).doc);
}
