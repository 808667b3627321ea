// Validates createIndexes specifications and names indexes the way mongod does (`a_1_b_-1`).
import type { Document } from 'bson';
import { CommandError, ErrorCode } from '../errors.ts';

export type IndexSpec = {
  v: number;
  key: Record<string, unknown>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  /** Accepted and listed, but documents are never expired (see README). */
  expireAfterSeconds?: number;
};

const knownOptions = new Set([
  'key',
  'name',
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'background',
  'v',
  'ns',
  'collation',
  'hidden',
]);

export function defaultIndexName(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join('_');
}

export function parseIndexSpec(raw: Document): IndexSpec {
  const key = raw.key;
  if (!key || typeof key !== 'object' || Array.isArray(key) || Object.keys(key).length === 0) {
    throw new CommandError(
      ErrorCode.CannotCreateIndex,
      "Index specification must have a non-empty 'key' object",
    );
  }
  for (const option of Object.keys(raw)) {
    if (!knownOptions.has(option)) {
      throw new CommandError(
        ErrorCode.InvalidOptions,
        `The field '${option}' is not valid for an index specification.`,
      );
    }
  }
  for (const [field, direction] of Object.entries(key as Document)) {
    if (direction !== 1 && direction !== -1) {
      throw new CommandError(
        ErrorCode.CannotCreateIndex,
        `embedded-mongo supports only ascending/descending index keys, not ${JSON.stringify(direction)} on '${field}'`,
      );
    }
  }
  const spec: IndexSpec = {
    v: 2,
    key: key as Record<string, unknown>,
    name: String(raw.name ?? defaultIndexName(key)),
  };
  if (raw.unique === true) spec.unique = true;
  if (raw.sparse === true) spec.sparse = true;
  if (raw.partialFilterExpression !== undefined)
    spec.partialFilterExpression = raw.partialFilterExpression as Document;
  if (typeof raw.expireAfterSeconds === 'number') spec.expireAfterSeconds = raw.expireAfterSeconds;
  return spec;
}

/** Same name and same options: createIndexes is then a no-op, as in mongod. */
export function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

function normalised(spec: IndexSpec): unknown {
  return [
    spec.key,
    spec.name,
    spec.unique ?? false,
    spec.sparse ?? false,
    spec.partialFilterExpression ?? null,
    spec.expireAfterSeconds ?? null,
  ];
}
