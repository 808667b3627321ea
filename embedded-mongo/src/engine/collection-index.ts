// One secondary index: hash maps from canonical keys to document ids, for lookups and unique checks.
import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { canonicalKey } from './canonical-key.ts';
import type { IndexSpec } from './index-spec.ts';
import { valuesAtPath } from './key-paths.ts';
import { sharedOptions } from './mingo-context.ts';

export type IndexEntry = { key: string; values: unknown[] };

/** What one document contributes to the index: keys of its first field, and its full entries. */
type DocumentKeys = { first: string[]; entries: IndexEntry[] };

const NONE: DocumentKeys = { first: [], entries: [] };

export class CollectionIndex {
  readonly spec: IndexSpec;
  readonly fields: string[];
  /** First key field → ids, used to pre-select candidates for equality filters. */
  readonly #byFirstField = new Map<string, Set<string>>();
  /** Full compound key → ids, kept for unique indexes only. */
  readonly #byFullKey = new Map<string, Set<string>>();
  readonly #partial: Query | undefined;
  readonly #simpleField: string | undefined;
  // Stored documents are never mutated (updates replace them), so their keys can be remembered.
  readonly #keysCache = new WeakMap<Document, DocumentKeys>();

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.#partial = spec.partialFilterExpression
      ? new Query(spec.partialFilterExpression, sharedOptions)
      : undefined;
    const only = this.fields.length === 1 ? this.fields[0]! : undefined;
    this.#simpleField = only && !only.includes('.') ? only : undefined;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  /** Usable for candidate selection only when every document is in it (partial indexes are not). */
  get coversAllDocuments(): boolean {
    return this.#partial === undefined;
  }

  get firstField(): string {
    return this.fields[0]!;
  }

  /** Whether the document belongs in this index at all (partial filter). */
  covers(doc: Document): boolean {
    return !this.#partial || this.#partial.test(doc);
  }

  add(doc: Document, id: string): void {
    const keys = this.#keysOf(doc);
    for (const key of keys.first) addTo(this.#byFirstField, key, id);
    if (this.unique) for (const entry of keys.entries) addTo(this.#byFullKey, entry.key, id);
  }

  remove(doc: Document, id: string): void {
    const keys = this.#keysOf(doc);
    for (const key of keys.first) removeFrom(this.#byFirstField, key, id);
    if (this.unique) for (const entry of keys.entries) removeFrom(this.#byFullKey, entry.key, id);
  }

  /** Swaps a document's entries, touching the maps only when its keys changed. */
  replace(previous: Document, next: Document, id: string): void {
    const before = this.#keysOf(previous);
    const after = this.#keysOf(next);
    if (sameKeys(before, after)) return;
    this.remove(previous, id);
    this.add(next, id);
  }

  /** The first entry of `doc` already held by another document, if this index is unique. */
  conflict(doc: Document, id: string): IndexEntry | undefined {
    if (!this.unique) return undefined;
    for (const entry of this.#keysOf(doc).entries) {
      const holders = this.#byFullKey.get(entry.key);
      if (!holders) continue;
      for (const holder of holders) if (holder !== id) return entry;
    }
    return undefined;
  }

  /** Ids whose first key field holds `value` (an element of it, for arrays). */
  idsFor(value: unknown): ReadonlySet<string> | undefined {
    return this.#byFirstField.get(canonicalKey(value));
  }

  #keysOf(doc: Document): DocumentKeys {
    let keys = this.#keysCache.get(doc);
    if (!keys) {
      keys = this.#computeKeys(doc);
      this.#keysCache.set(doc, keys);
    }
    return keys;
  }

  #computeKeys(doc: Document): DocumentKeys {
    if (this.#partial && !this.#partial.test(doc)) return NONE;
    const simple = this.#simpleField;
    if (simple !== undefined && !Array.isArray(doc[simple])) {
      const value = doc[simple];
      if (value === undefined && this.spec.sparse) return NONE;
      const key = canonicalKey(value);
      return { first: [key], entries: [{ key, values: [value ?? null] }] };
    }
    return this.#computeMultikeyKeys(doc);
  }

  // Dotted paths, arrays and compound keys: every combination of the values found per field.
  #computeMultikeyKeys(doc: Document): DocumentKeys {
    const perField = this.fields.map((field) => valuesAtPath(doc, field));
    if (this.spec.sparse && perField.every((values) => values.length === 0)) return NONE;
    const present = perField.map((values) => (values.length === 0 ? [null] : values));
    const first = Array.from(new Set(present[0]!.map(canonicalKey)));
    const seen = new Set<string>();
    const entries: IndexEntry[] = [];
    for (const values of cartesian(present)) {
      const key = values.length === 1 ? canonicalKey(values[0]) : JSON.stringify(values.map(canonicalKey));
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ key, values });
    }
    return { first, entries };
  }
}

function sameKeys(a: DocumentKeys, b: DocumentKeys): boolean {
  if (a.first.length !== b.first.length || a.entries.length !== b.entries.length) return false;
  for (let i = 0; i < a.first.length; i++) if (a.first[i] !== b.first[i]) return false;
  for (let i = 0; i < a.entries.length; i++) if (a.entries[i]!.key !== b.entries[i]!.key) return false;
  return true;
}

function cartesian(lists: unknown[][]): unknown[][] {
  let combos: unknown[][] = [[]];
  for (const list of lists) combos = combos.flatMap((combo) => list.map((value) => [...combo, value]));
  return combos;
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}
