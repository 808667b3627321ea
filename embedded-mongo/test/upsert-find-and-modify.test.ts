// Conformance: upserts and findAndModify (findOneAndUpdate/Replace/Delete) through the official driver.
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
beforeAll(async () => {
  target = await openTarget('upsert');
});
afterAll(async () => {
  await target.close();
});

describe('upsert', () => {
  it('inserts from the filter equalities plus $set and $setOnInsert, and reports upsertedId', async () => {
    const coll = target.coll('upsert');
    const first = await coll.updateOne(
      { tenant: 't1', key: 'k', n: { $gt: 0 } },
      { $set: { v: 1 }, $setOnInsert: { created: true } },
      { upsert: true },
    );
    expect(first.upsertedCount).toBe(1);
    const doc = await coll.findOne({ _id: first.upsertedId! });
    expect(doc).toMatchObject({ tenant: 't1', key: 'k', v: 1, created: true });
    expect('n' in doc!).toBe(false);
    const second = await coll.updateOne(
      { tenant: 't1', key: 'k' },
      { $set: { v: 2 }, $setOnInsert: { created: 'again' } },
      { upsert: true },
    );
    expect(second.upsertedCount).toBe(0);
    expect(second.modifiedCount).toBe(1);
    expect(await coll.findOne({ tenant: 't1' })).toMatchObject({ v: 2, created: true });
  });

  it('upserts a replacement with the _id from the filter', async () => {
    const coll = target.coll('upsert-replace');
    await coll.replaceOne({ _id: 'fixed' }, { v: 1 }, { upsert: true });
    expect(await coll.findOne({ _id: 'fixed' as never })).toEqual({ _id: 'fixed', v: 1 });
  });
});

describe('findOneAndUpdate / findOneAndReplace / findOneAndDelete', () => {
  it('returns the document before or after, honours sort and projection', async () => {
    const coll = target.coll('fam');
    await coll.insertMany([
      { _id: 1, p: 1, state: 'new' },
      { _id: 2, p: 5, state: 'new' },
    ]);
    const before = await coll.findOneAndUpdate(
      { state: 'new' },
      { $set: { state: 'taken' } },
      { sort: { p: -1 } },
    );
    expect(before).toEqual({ _id: 2, p: 5, state: 'new' });
    const after = await coll.findOneAndUpdate(
      { state: 'new' },
      { $set: { state: 'taken' } },
      { returnDocument: 'after', projection: { state: 1 } },
    );
    expect(after).toEqual({ _id: 1, state: 'taken' });
    expect(await coll.findOneAndUpdate({ state: 'new' }, { $set: { state: 'x' } })).toBeNull();
    const replaced = await coll.findOneAndReplace(
      { _id: 1 },
      { state: 'replaced' },
      { returnDocument: 'after' },
    );
    expect(replaced).toEqual({ _id: 1, state: 'replaced' });
    expect(await coll.findOneAndDelete({ _id: 1 })).toEqual({ _id: 1, state: 'replaced' });
    expect(await coll.countDocuments()).toBe(1);
  });

  it('upserts when nothing matches and returns the new document', async () => {
    const coll = target.coll('fam-upsert');
    const doc = await coll.findOneAndUpdate(
      { name: 'single', type: 'single' },
      { $set: { v: 1 }, $setOnInsert: { nextRunAt: new Date(5) } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(doc).toMatchObject({ name: 'single', type: 'single', v: 1, nextRunAt: new Date(5) });
    expect(doc!._id).toBeInstanceOf(ObjectId);
  });
});
