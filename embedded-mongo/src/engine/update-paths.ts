// Checks mongod makes before applying update operators, which mingo would silently skip:
// conflicting paths, paths through scalars, and arithmetic on non-numbers.
import type { Document } from 'bson';
import { CommandError } from '../errors.ts';

const ARITHMETIC = new Set(['$inc', '$mul']);

export function validateUpdatePaths(doc: Document, modifier: Document): void {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, argument] of Object.entries(fields as Document)) {
      paths.push(path);
      if (operator === '$rename' && typeof argument === 'string') paths.push(argument);
      checkPath(doc, path, operator);
    }
  }
  checkConflicts(paths);
}

function checkPath(doc: Document, path: string, operator: string): void {
  const parts = path.split('.');
  let node: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    if (node === undefined || node === null) return;
    if (Array.isArray(node)) return;
    if (typeof node !== 'object' || node instanceof Date || (node as { _bsontype?: string })._bsontype) {
      const parent = parts.slice(0, i).join('.');
      throw new CommandError(
        28,
        `Cannot create field '${parts[i]}' in element {${parent}: ${JSON.stringify(node)}}`,
      );
    }
    node = (node as Document)[parts[i]!];
  }
  if (
    ARITHMETIC.has(operator) &&
    node !== undefined &&
    typeof node !== 'number' &&
    typeof node !== 'bigint'
  ) {
    const kind = (node as { _bsontype?: string })?._bsontype;
    if (kind === 'Long' || kind === 'Decimal128' || kind === 'Double' || kind === 'Int32') return;
    throw new CommandError(
      14,
      `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${node === null ? 'null' : typeof node}`,
    );
  }
}

// Two operators may not touch the same path, nor one path inside another.
function checkConflicts(paths: string[]): void {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current === previous || current.startsWith(`${previous}.`)) {
      throw new CommandError(40, `Updating the path '${current}' would create a conflict at '${previous}'`);
    }
  }
}
