// Canonical string keys for BSON values, so that hash maps can stand in for index lookups.
// Two values get the same key exactly when mingo's equality treats them as equal
// (numbers of any width compare by value, object key order is ignored as mingo ignores it).
import type { Document } from 'bson';

type BsonLike = { _bsontype?: string; toHexString?: () => string; toString: () => string };

export function canonicalKey(value: unknown): string {
  if (value === null || value === undefined) return 'N';
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return Object.is(value, -0) ? 'n0' : `n${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
    case 'bigint':
      return `n${value}`;
    default:
      return objectKey(value as object);
  }
}

function objectKey(value: object): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  if (Array.isArray(value)) return `a${JSON.stringify(value.map(canonicalKey))}`;
  if (value instanceof RegExp) return `r${value.source}/${value.flags}`;
  const bson = value as BsonLike;
  if (bson._bsontype === 'ObjectId') return `o${bson.toHexString!()}`;
  if (bson._bsontype === 'Binary') return binaryKey(value as { sub_type: number; buffer: Uint8Array });
  if (bson._bsontype !== undefined) return `${bson._bsontype}:${bson.toString()}`;
  const doc = value as Document;
  const parts = Object.keys(doc)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(canonicalKey(doc[key]))}`);
  return `{${parts.join(',')}}`;
}

function binaryKey(binary: { sub_type: number; buffer: Uint8Array; position?: number }): string {
  const bytes = binary.buffer.subarray(0, binary.position ?? binary.buffer.length);
  return `b${binary.sub_type}:${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}
