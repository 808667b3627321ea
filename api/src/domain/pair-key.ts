// The pair key of two users: the same whoever created the 1:1, so "one active series per pair" is one unique index.
import { RuleError } from './rule-error.ts';
import type { Id } from './types.ts';

export function pairKey(a: Id, b: Id): string {
  if (a === b) throw new RuleError('SAME_PARTICIPANT');
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
