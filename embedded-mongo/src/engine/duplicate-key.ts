// Builds the E11000 duplicate key error exactly as mongod words it, with keyPattern and keyValue.
import type { Document } from 'bson';
import { CommandError, ErrorCode } from '../errors.ts';

export function duplicateKeyError(
  namespace: string,
  indexName: string,
  keyPattern: Record<string, unknown>,
  values: unknown[],
): CommandError {
  const fields = Object.keys(keyPattern);
  const keyValue: Document = {};
  fields.forEach((field, i) => {
    keyValue[field] = values[i] ?? null;
  });
  const shown = fields.map((field) => `${field}: ${formatValue(keyValue[field])}`).join(', ');
  return new CommandError(
    ErrorCode.DuplicateKey,
    `E11000 duplicate key error collection: ${namespace} index: ${indexName} dup key: { ${shown} }`,
    { keyPattern, keyValue },
  );
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  const bson = value as { _bsontype?: string; toHexString?: () => string };
  if (bson._bsontype === 'ObjectId') return `ObjectId('${bson.toHexString!()}')`;
  if (bson._bsontype !== undefined) return `${bson._bsontype}(${String(value)})`;
  const entries = Object.entries(value as Document).map(([k, v]) => `${k}: ${formatValue(v)}`);
  return `{ ${entries.join(', ')} }`;
}
