// Conformance: unique indexes (plain, compound, partial, sparse) and the duplicate key errors they raise.
import { MongoBulkWriteError, MongoServerError, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
beforeAll(async () => {
  target = await openTarget('unique');
});
afterAll(async () => {
  await target.close();
});

async function failure(promise: Promise<unknown>): Promise<MongoServerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

describe('unique indexes', () => {
  it('insertOne of a duplicate fails with code 11000, keyPattern and keyValue', async () => {
    const coll = target.coll('users');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ email: 'a@x' });
    const error = await failure(coll.insertOne({ email: 'a@x' }));
    expect(error.code).toBe(11000);
    expect(error.message).toContain('E11000 duplicate key error collection:');
    expect(error.message).toContain('index: email_1 dup key: { email: "a@x" }');
    expect(error.keyPattern).toEqual({ email: 1 });
    expect(error.keyValue).toEqual({ email: 'a@x' });
    expect(await coll.countDocuments({ email: 'a@x' })).toBe(1);
  });

  it('the _id index is always unique', async () => {
    const coll = target.coll('ids');
    await coll.insertOne({ _id: 'same' });
    const error = await failure(coll.insertOne({ _id: 'same' }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ _id: 'same' });
  });

  it('ordered insertMany stops at the first duplicate; unordered inserts all the others', async () => {
    const coll = target.coll('bulk');
    await coll.createIndex({ k: 1 }, { unique: true });
    const ordered = await failure(coll.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }]));
    expect(ordered).toBeInstanceOf(MongoBulkWriteError);
    expect((ordered as MongoBulkWriteError).result.insertedCount).toBe(1);
    expect((ordered as MongoBulkWriteError).writeErrors).toMatchObject([{ index: 1, code: 11000 }]);
    expect(await coll.countDocuments()).toBe(1);
    const unordered = await failure(
      coll.insertMany([{ k: 3 }, { k: 1 }, { k: 4 }, { k: 3 }], { ordered: false }),
    );
    expect((unordered as MongoBulkWriteError).result.insertedCount).toBe(2);
    const indexes = [(unordered as MongoBulkWriteError).writeErrors].flat().map((e) => e.index);
    expect(indexes).toEqual([1, 3]);
    expect(await coll.countDocuments()).toBe(3);
  });

  it('an update that would duplicate a key fails and leaves the document unchanged', async () => {
    const coll = target.coll('renames');
    await coll.createIndex({ slug: 1 }, { unique: true });
    await coll.insertMany([
      { _id: 1, slug: 'a' },
      { _id: 2, slug: 'b' },
    ]);
    const error = await failure(coll.updateOne({ _id: 2 }, { $set: { slug: 'a' } }));
    expect(error.code).toBe(11000);
    expect(await coll.findOne({ _id: 2 })).toEqual({ _id: 2, slug: 'b' });
    await coll.updateOne({ _id: 2 }, { $set: { slug: 'b' } });
  });

  it('findOneAndUpdate raising a duplicate answers DuplicateKey', async () => {
    const coll = target.coll('fam-dup');
    await coll.createIndex({ name: 1 }, { unique: true });
    await coll.insertMany([{ name: 'x' }, { name: 'y' }]);
    const error = await failure(coll.findOneAndUpdate({ name: 'y' }, { $set: { name: 'x' } }));
    expect(error.code).toBe(11000);
    expect(error.codeName).toBe('DuplicateKey');
    expect(error.keyValue).toEqual({ name: 'x' });
  });

  it('upserting a duplicate fails with 11000', async () => {
    const coll = target.coll('upsert-dup');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ email: 'e', n: 1 });
    const error = await failure(coll.updateOne({ n: 2 }, { $set: { email: 'e' } }, { upsert: true }));
    expect(error.code).toBe(11000);
  });

  it('compound unique indexes compare the whole key', async () => {
    const coll = target.coll('pairs');
    await coll.createIndex({ tenant: 1, key: 1 }, { unique: true });
    await coll.insertMany([
      { tenant: 'a', key: 1 },
      { tenant: 'b', key: 1 },
      { tenant: 'a', key: 2 },
    ]);
    const error = await failure(coll.insertOne({ tenant: 'a', key: 1 }));
    expect(error.keyValue).toEqual({ tenant: 'a', key: 1 });
    expect(error.message).toContain('dup key: { tenant: "a", key: 1 }');
  });

  it('partial unique indexes only constrain documents matching the filter', async () => {
    const coll = target.coll('series');
    await coll.createIndex(
      { pairKey: 1 },
      { unique: true, name: 'active_pair', partialFilterExpression: { archived: false } },
    );
    await coll.insertMany([
      { pairKey: 'p', archived: true },
      { pairKey: 'p', archived: true },
      { pairKey: 'p', archived: false },
    ]);
    const error = await failure(coll.insertOne({ pairKey: 'p', archived: false }));
    expect(error.code).toBe(11000);
    expect(error.message).toContain('index: active_pair');
    await coll.updateOne({ pairKey: 'p', archived: false }, { $set: { archived: true } });
    await coll.insertOne({ pairKey: 'p', archived: false });
    const reactivate = await failure(
      coll.updateOne({ pairKey: 'p', archived: true }, { $set: { archived: false } }),
    );
    expect(reactivate.code).toBe(11000);
    expect(await coll.countDocuments({ pairKey: 'p' })).toBe(4);
  });

  it('a compound partial unique index on { $type: "objectId" } ignores documents without that id', async () => {
    const coll = target.coll('slots');
    await coll.createIndex(
      { seriesId: 1, slot: 1 },
      { unique: true, name: 'one_per_slot', partialFilterExpression: { seriesId: { $type: 'objectId' } } },
    );
    const series = new ObjectId();
    await coll.insertMany([
      { seriesId: series, slot: new Date(1) },
      { seriesId: null, slot: new Date(1) },
      { seriesId: null, slot: new Date(1) },
      { slot: new Date(1) },
    ]);
    const error = await failure(
      coll.insertOne({ seriesId: new ObjectId(series.toHexString()), slot: new Date(1) }),
    );
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ seriesId: series, slot: new Date(1) });
    await coll.insertOne({ seriesId: series, slot: new Date(2) });
  });

  it('a unique index treats missing fields as null, unless it is sparse', async () => {
    const plain = target.coll('missing-plain');
    await plain.createIndex({ code: 1 }, { unique: true });
    await plain.insertOne({ other: 1 });
    expect((await failure(plain.insertOne({ other: 2 }))).code).toBe(11000);
    const sparse = target.coll('missing-sparse');
    await sparse.createIndex({ code: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ other: 1 }, { other: 2 }, { code: 'c' }]);
    expect((await failure(sparse.insertOne({ code: 'c' }))).code).toBe(11000);
  });

  it('array values are indexed element by element', async () => {
    const coll = target.coll('tags');
    await coll.createIndex({ tags: 1 }, { unique: true });
    await coll.insertOne({ tags: ['a', 'b'] });
    expect((await failure(coll.insertOne({ tags: ['c', 'b'] }))).code).toBe(11000);
    await coll.insertOne({ tags: ['c', 'd'] });
    expect((await coll.find({ tags: 'd' }).toArray()).length).toBe(1);
  });

  it('creating a unique index over existing duplicates fails', async () => {
    const coll = target.coll('late-index');
    await coll.insertMany([{ v: 1 }, { v: 1 }]);
    expect((await failure(coll.createIndex({ v: 1 }, { unique: true }))).code).toBe(11000);
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('deleting a document frees its key', async () => {
    const coll = target.coll('free');
    await coll.createIndex({ v: 1 }, { unique: true });
    await coll.insertOne({ v: 1 });
    await coll.deleteOne({ v: 1 });
    await coll.insertOne({ v: 1 });
    expect(await coll.countDocuments()).toBe(1);
  });
});

describe('index management', () => {
  it('lists, re-creates (no-op) and drops indexes; dropping an unknown index fails', async () => {
    const coll = target.coll('managed');
    expect(await coll.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    expect(await coll.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    await coll.createIndex({ c: 1 }, { name: 'c_ttl', expireAfterSeconds: 3600 });
    const listed = await coll.listIndexes().toArray();
    expect(listed.map((i) => i.name)).toEqual(['_id_', 'a_1_b_-1', 'c_ttl']);
    expect(listed[1]!.key).toEqual({ a: 1, b: -1 });
    expect(listed[2]!.expireAfterSeconds).toBe(3600);
    await coll.dropIndex('a_1_b_-1');
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'c_ttl']);
    expect((await failure(coll.dropIndex('nope'))).code).toBe(27);
    await coll.dropIndexes();
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('an index with the same name but another key is refused', async () => {
    const coll = target.coll('conflict');
    await coll.createIndex({ a: 1 }, { name: 'idx' });
    const error = await failure(coll.createIndex({ b: 1 }, { name: 'idx' }));
    expect([85, 86]).toContain(error.code);
  });

  it('listIndexes on a missing collection fails with NamespaceNotFound', async () => {
    const error = await failure(target.coll('never-created').listIndexes().toArray());
    expect(error.code).toBe(26);
  });
});

describe('lookups through indexes stay correct', () => {
  it('finds by _id, $in on _id and indexed fields after updates and deletes', async () => {
    const coll = target.coll('lookups');
    await coll.createIndex({ owner: 1 });
    await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i, owner: `u${i % 5}`, n: i })));
    await coll.updateMany({ owner: 'u1' }, { $set: { owner: 'u9' } });
    await coll.deleteMany({ owner: 'u2' });
    expect(await coll.countDocuments({ owner: 'u1' })).toBe(0);
    expect(await coll.countDocuments({ owner: 'u9' })).toBe(10);
    expect(await coll.countDocuments({ owner: 'u2' })).toBe(0);
    expect((await coll.find({ owner: { $in: ['u0', 'u9'] }, n: { $lt: 10 } }).toArray()).length).toBe(4);
    expect((await coll.find({ _id: { $in: [3, 6, 6, 7, 99] } }).toArray()).map((d) => d._id).sort()).toEqual([
      3, 6,
    ]);
    expect(await coll.findOne({ _id: 12 })).toBeNull();
  });
});
