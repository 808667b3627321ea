// One secondary index: hash maps from canonical keys to document ids, for lookups and unique checks.
import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { canonicalKey } from './canonical-key.ts';
import type { IndexSpec } from './index-spec.ts';
import { valuesAtPath } from './key-paths.ts';
import { sharedOptions } from './mingo-context.ts';

export type IndexEntry = { key: string; values: unknown[] };

export class CollectionIndex {
  readonly spec: IndexSpec;
  readonly fields: string[];
  /** First key field → ids, used to pre-select candidates for equality filters. */
  readonly #byFirstField = new Map<string, Set<string>>();
  /** Full compound key → ids, kept for unique indexes only. */
  readonly #byFullKey = new Map<string, Set<string>>();
  readonly #partial: Query | undefined;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.#partial = spec.partialFilterExpression
      ? new Query(spec.partialFilterExpression, sharedOptions)
      : undefined;
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

  /** The index entries of a document, or none when sparse/partial rules leave it out. */
  entriesOf(doc: Document): IndexEntry[] {
    if (this.#partial && !this.#partial.test(doc)) return [];
    const perField = this.fields.map((field) => valuesAtPath(doc, field));
    if (this.spec.sparse && perField.every((values) => values.length === 0)) return [];
    const combos = cartesian(perField.map((values) => (values.length === 0 ? [null] : values)));
    const seen = new Set<string>();
    const entries: IndexEntry[] = [];
    for (const values of combos) {
      const key = values.length === 1 ? canonicalKey(values[0]) : JSON.stringify(values.map(canonicalKey));
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ key, values });
    }
    return entries;
  }

  add(doc: Document, id: string): void {
    for (const key of this.#firstFieldKeys(doc)) addTo(this.#byFirstField, key, id);
    if (!this.unique) return;
    for (const entry of this.entriesOf(doc)) addTo(this.#byFullKey, entry.key, id);
  }

  remove(doc: Document, id: string): void {
    for (const key of this.#firstFieldKeys(doc)) removeFrom(this.#byFirstField, key, id);
    if (!this.unique) return;
    for (const entry of this.entriesOf(doc)) removeFrom(this.#byFullKey, entry.key, id);
  }

  /** The first entry of `doc` already held by another document, if this index is unique. */
  conflict(doc: Document, id: string): IndexEntry | undefined {
    if (!this.unique) return undefined;
    for (const entry of this.entriesOf(doc)) {
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

  #firstFieldKeys(doc: Document): Set<string> {
    if (this.#partial && !this.#partial.test(doc)) return new Set();
    const values = valuesAtPath(doc, this.firstField);
    if (values.length === 0) return new Set(this.spec.sparse && this.fields.length === 1 ? [] : ['N']);
    return new Set(values.map(canonicalKey));
  }
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
