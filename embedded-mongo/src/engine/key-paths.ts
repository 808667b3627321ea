// Reads the values an index stores for a document path, expanding arrays the way multikey indexes do.
import type { Document } from 'bson';

const isDigits = (s: string): boolean => /^\d+$/.test(s);

/**
 * All values found at a dotted path. Arrays met on the way are expanded (each element is followed);
 * an array at the end of the path contributes its elements and, for exact array equality, itself.
 * Returns an empty list when the path is missing everywhere.
 */
export function valuesAtPath(doc: unknown, path: string, includeArrays = true): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out, includeArrays);
  return out;
}

function collect(
  value: unknown,
  parts: string[],
  depth: number,
  out: unknown[],
  includeArrays: boolean,
): void {
  if (depth === parts.length) {
    if (value === undefined) return;
    if (!Array.isArray(value)) out.push(value);
    else {
      for (const element of value) out.push(element);
      if (includeArrays) out.push(value);
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const part = parts[depth]!;
  if (Array.isArray(value)) {
    if (isDigits(part)) collect(value[Number(part)], parts, depth + 1, out, includeArrays);
    for (const element of value) {
      if (element !== null && typeof element === 'object' && !Array.isArray(element)) {
        collect(element, parts, depth, out, includeArrays);
      }
    }
    return;
  }
  if (value instanceof Date || (value as { _bsontype?: string })._bsontype !== undefined) return;
  collect((value as Document)[part], parts, depth + 1, out, includeArrays);
}

/** True when the document has some value (null included) at the path; sparse indexes skip the others. */
export function hasPath(doc: Document, path: string): boolean {
  return valuesAtPath(doc, path).length > 0;
}
