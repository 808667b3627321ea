// Reads and type-checks command arguments, answering mongod's TypeMismatch/BadValue on bad input.
import type { Document } from 'bson';
import { CommandError, ErrorCode } from '../errors.ts';

export function collectionName(command: Document, name: string): string {
  const value = command[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new CommandError(ErrorCode.InvalidNamespace, `collection name has invalid type ${typeof value}`);
  }
  return value;
}

export function optionalDocument(command: Document, field: string): Document | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CommandError(
      ErrorCode.TypeMismatch,
      `BSON field '${field}' is the wrong type '${typeName(value)}', expected type 'object'`,
    );
  }
  return value as Document;
}

export function requiredArray(command: Document, field: string): Document[] {
  const value = command[field];
  if (!Array.isArray(value)) {
    throw new CommandError(ErrorCode.TypeMismatch, `BSON field '${field}' is missing or not an array`);
  }
  return value as Document[];
}

export function optionalCount(command: Document, field: string): number | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CommandError(
      ErrorCode.TypeMismatch,
      `BSON field '${field}' is the wrong type '${typeName(value)}', expected a number`,
    );
  }
  if (value < 0)
    throw new CommandError(ErrorCode.BadValue, `${field} value must be non-negative, but received: ${value}`);
  return Math.trunc(value);
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
