// Conformance: cursors, batches, getMore, killCursors, sort/skip/limit/projection.
import { MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
beforeAll(async () => {
  target = await openTarget('cursors');
  await target
    .coll('items')
    .insertMany(Array.from({ length: 250 }, (_, i) => ({ _id: i, n: i % 10, label: `item-${i}` })));
});
afterAll(async () => {
  await target.close();
});

describe('find cursors', () => {
  it('iterates all documents through getMore with a small batchSize', async () => {
    const cursor = target.coll('items').find({}, { batchSize: 7 }).sort({ _id: 1 });
    const seen: number[] = [];
    for await (const doc of cursor) seen.push(doc._id as unknown as number);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('returns the default first batch of 101 and the rest on getMore', async () => {
    const cursor = target.coll('items').find({});
    await cursor.hasNext();
    expect(cursor.bufferedCount()).toBe(101);
    expect((await cursor.toArray()).length).toBe(250);
  });

  it('applies sort, skip, limit and projection together', async () => {
    const docs = await target
      .coll('items')
      .find({ n: 3 }, { projection: { label: 1, _id: 0 } })
      .sort({ _id: -1 })
      .skip(2)
      .limit(3)
      .toArray();
    expect(docs).toEqual([{ label: 'item-223' }, { label: 'item-213' }, { label: 'item-203' }]);
  });

  it('sorts on several keys with mixed directions', async () => {
    const docs = await target
      .coll('items')
      .find({ _id: { $lt: 30 } })
      .sort({ n: -1, _id: 1 })
      .limit(4)
      .toArray();
    expect(docs.map((d) => d._id)).toEqual([9, 19, 29, 8]);
  });

  it('an exclusion projection does not alter the stored document', async () => {
    const coll = target.coll('projected');
    await coll.insertOne({ _id: 1, a: { b: 1, c: 2 }, d: 3 });
    expect(await coll.findOne({ _id: 1 }, { projection: { 'a.b': 0 } })).toEqual({
      _id: 1,
      a: { c: 2 },
      d: 3,
    });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: { b: 1, c: 2 }, d: 3 });
  });

  it('limit with batchSize stops at the limit across getMore', async () => {
    const docs = await target.coll('items').find({}, { batchSize: 3, limit: 10 }).toArray();
    expect(docs.length).toBe(10);
  });

  it('killCursors closes an open cursor so getMore on it fails with CursorNotFound', async () => {
    const first = await target.db.command({ find: 'items', filter: {}, batchSize: 2 });
    const id = first.cursor.id;
    expect(id.toString()).not.toBe('0');
    const killed = await target.db.command({ killCursors: 'items', cursors: [id] });
    expect(killed.cursorsKilled.map(String)).toEqual([id.toString()]);
    const error = await target.db.command({ getMore: id, collection: 'items' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(43);
  });

  it('closing a driver cursor early kills it on the server', async () => {
    const cursor = target.coll('items').find({}, { batchSize: 5 });
    await cursor.next();
    await cursor.close();
    expect(cursor.killed).toBe(true);
  });

  it('findOne sends a single batch', async () => {
    expect(await target.coll('items').findOne({ n: 4 }, { sort: { _id: -1 } })).toMatchObject({ _id: 244 });
  });
});
