// One collection: documents keyed by canonical `_id`, its secondary indexes, and unique enforcement.
import type { Document } from 'bson';
import { CommandError, ErrorCode } from '../errors.ts';
import { canonicalKey } from './canonical-key.ts';
import { CollectionIndex } from './collection-index.ts';
import { duplicateKeyError } from './duplicate-key.ts';
import { type IndexSpec, sameIndex } from './index-spec.ts';
import type { StoreOp } from './store-op.ts';

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export type OpSink = (op: StoreOp) => void;

export class Collection {
  readonly db: string;
  readonly name: string;
  readonly options: Document;
  /** Canonical `_id` key → document. Map order is insertion order, our natural order. */
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, CollectionIndex>();
  readonly #log: OpSink;

  constructor(db: string, name: string, options: Document, log: OpSink) {
    this.db = db;
    this.name = name;
    this.options = options;
    this.#log = log;
  }

  get namespace(): string {
    return `${this.db}.${this.name}`;
  }

  insert(doc: Document): void {
    const id = canonicalKey(doc._id);
    if (this.docs.has(id)) {
      throw duplicateKeyError(this.namespace, '_id_', { _id: 1 }, [doc._id]);
    }
    this.#checkUnique(doc, id);
    this.#store(doc, id);
    this.#log({ op: 'put', db: this.db, coll: this.name, doc });
  }

  /** Swaps `previous` for `next` (same `_id`), keeping the document's position. */
  replace(previous: Document, next: Document): void {
    const id = canonicalKey(previous._id);
    this.#checkUnique(next, id);
    this.docs.set(id, next);
    for (const index of this.indexes.values()) index.replace(previous, next, id);
    this.#log({ op: 'put', db: this.db, coll: this.name, doc: next });
  }

  remove(doc: Document): void {
    const id = canonicalKey(doc._id);
    if (!this.docs.delete(id)) return;
    for (const index of this.indexes.values()) index.remove(doc, id);
    this.#log({ op: 'delete', db: this.db, coll: this.name, id: doc._id });
  }

  findById(idValue: unknown): Document | undefined {
    return this.docs.get(canonicalKey(idValue));
  }

  /** Returns false when an identical index already exists (a no-op, as in mongod). */
  createIndex(spec: IndexSpec): boolean {
    if (this.#checkIndexConflicts(spec)) return false;
    const index = new CollectionIndex(spec);
    for (const [id, doc] of this.docs) {
      const clash = index.conflict(doc, id);
      if (clash) throw duplicateKeyError(this.namespace, spec.name, spec.key, clash.values);
      index.add(doc, id);
    }
    this.indexes.set(spec.name, index);
    this.#log({ op: 'createIndex', db: this.db, coll: this.name, spec });
    return true;
  }

  dropIndex(name: string): void {
    if (name === '_id_') throw new CommandError(ErrorCode.InvalidOptions, 'cannot drop _id index');
    if (!this.indexes.delete(name)) {
      throw new CommandError(ErrorCode.IndexNotFound, `index not found with name [${name}]`);
    }
    this.#log({ op: 'dropIndex', db: this.db, coll: this.name, name });
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...Array.from(this.indexes.values(), (index) => index.spec)];
  }

  /** Replay path: trusts the journal, skips checks and logging. */
  applyPut(doc: Document): void {
    const id = canonicalKey(doc._id);
    const previous = this.docs.get(id);
    if (!previous) {
      this.#store(doc, id);
      return;
    }
    this.docs.set(id, doc);
    for (const index of this.indexes.values()) index.replace(previous, doc, id);
  }

  applyDelete(idValue: unknown): void {
    const id = canonicalKey(idValue);
    const previous = this.docs.get(id);
    if (!previous) return;
    this.docs.delete(id);
    for (const index of this.indexes.values()) index.remove(previous, id);
  }

  applyCreateIndex(spec: IndexSpec): void {
    const index = new CollectionIndex(spec);
    for (const [id, doc] of this.docs) index.add(doc, id);
    this.indexes.set(spec.name, index);
  }

  applyDropIndex(name: string): void {
    this.indexes.delete(name);
  }

  #store(doc: Document, id: string): void {
    this.docs.set(id, doc);
    for (const index of this.indexes.values()) index.add(doc, id);
  }

  #checkUnique(doc: Document, id: string): void {
    for (const index of this.indexes.values()) {
      const clash = index.conflict(doc, id);
      if (clash) throw duplicateKeyError(this.namespace, index.spec.name, index.spec.key, clash.values);
    }
  }

  /** True when an identical index exists; throws when the name or key pattern is taken differently. */
  #checkIndexConflicts(spec: IndexSpec): boolean {
    const sameKey = JSON.stringify(spec.key);
    if (spec.name === '_id_' || sameKey === JSON.stringify(ID_INDEX.key)) {
      if (spec.name === '_id_' && sameKey === JSON.stringify(ID_INDEX.key)) return true;
      throw new CommandError(ErrorCode.BadValue, 'the _id index cannot be redefined');
    }
    const byName = this.indexes.get(spec.name);
    if (byName) {
      if (sameIndex(byName.spec, spec)) return true;
      const code =
        JSON.stringify(byName.spec.key) === sameKey
          ? ErrorCode.IndexOptionsConflict
          : ErrorCode.IndexKeySpecsConflict;
      throw new CommandError(
        code,
        `An existing index has the same name as the requested index: ${spec.name}`,
      );
    }
    for (const index of this.indexes.values()) {
      if (
        JSON.stringify(index.spec.key) === sameKey &&
        !index.spec.partialFilterExpression &&
        !spec.partialFilterExpression
      ) {
        throw new CommandError(
          ErrorCode.IndexOptionsConflict,
          `Index already exists with a different name: ${index.spec.name}`,
        );
      }
    }
    return false;
  }
}
