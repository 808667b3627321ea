// All databases and collections in memory, and the log of physical changes made since last taken.
import type { Document } from 'bson';
import { CommandError, ErrorCode } from '../errors.ts';
import { Collection } from './collection.ts';
import type { StoreOp } from './store-op.ts';

export class Catalog {
  readonly #dbs = new Map<string, Map<string, Collection>>();
  #ops: StoreOp[] = [];
  readonly #log = (op: StoreOp): void => {
    this.#ops.push(op);
  };

  /** Changes made since the last call; the server journals them before replying. */
  takeOps(): StoreOp[] {
    const ops = this.#ops;
    this.#ops = [];
    return ops;
  }

  collection(db: string, name: string): Collection | undefined {
    return this.#dbs.get(db)?.get(name);
  }

  /** Writes create their collection implicitly, as in mongod. */
  ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: Document): Collection {
    validateName(db, name);
    if (this.collection(db, name)) {
      throw new CommandError(ErrorCode.NamespaceExists, `Collection ${db}.${name} already exists.`);
    }
    const created = this.#add(db, name, options);
    this.#log({ op: 'createCollection', db, coll: name, options });
    return created;
  }

  dropCollection(db: string, name: string): boolean {
    const collections = this.#dbs.get(db);
    if (!collections?.delete(name)) return false;
    if (collections.size === 0) this.#dbs.delete(db);
    this.#log({ op: 'dropCollection', db, coll: name });
    return true;
  }

  dropDatabase(db: string): void {
    if (!this.#dbs.delete(db)) return;
    this.#log({ op: 'dropDatabase', db });
  }

  databaseNames(): string[] {
    return Array.from(this.#dbs.keys());
  }

  collections(db: string): Collection[] {
    return Array.from(this.#dbs.get(db)?.values() ?? []);
  }

  /** Replays one journaled change without validation or logging. */
  apply(op: StoreOp): void {
    switch (op.op) {
      case 'put':
        this.#ensureQuietly(op.db, op.coll).applyPut(op.doc);
        return;
      case 'delete':
        this.collection(op.db, op.coll)?.applyDelete(op.id);
        return;
      case 'createCollection':
        this.#ensureQuietly(op.db, op.coll, op.options);
        return;
      case 'dropCollection': {
        const collections = this.#dbs.get(op.db);
        collections?.delete(op.coll);
        if (collections?.size === 0) this.#dbs.delete(op.db);
        return;
      }
      case 'createIndex':
        this.#ensureQuietly(op.db, op.coll).applyCreateIndex(op.spec);
        return;
      case 'dropIndex':
        this.collection(op.db, op.coll)?.applyDropIndex(op.name);
        return;
      case 'dropDatabase':
        this.#dbs.delete(op.db);
        return;
    }
  }

  #ensureQuietly(db: string, name: string, options: Document = {}): Collection {
    return this.collection(db, name) ?? this.#add(db, name, options);
  }

  #add(db: string, name: string, options: Document): Collection {
    let collections = this.#dbs.get(db);
    if (!collections) {
      collections = new Map();
      this.#dbs.set(db, collections);
    }
    const created = new Collection(db, name, options, this.#log);
    collections.set(name, created);
    return created;
  }
}

function validateName(db: string, name: string): void {
  if (!db || /[/\\. "$\0]/.test(db))
    throw new CommandError(ErrorCode.InvalidNamespace, `Invalid database name: '${db}'`);
  if (!name || name.includes('$') || name.includes('\0')) {
    throw new CommandError(ErrorCode.InvalidNamespace, `Invalid collection name: '${name}'`);
  }
}
