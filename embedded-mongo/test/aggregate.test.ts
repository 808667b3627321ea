// Conformance: aggregation stages, countDocuments, estimatedDocumentCount and distinct.
import type { MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
beforeAll(async () => {
  target = await openTarget('aggregate');
  await target.coll('orders').insertMany([
    {
      _id: 1,
      customer: 'ann',
      items: [
        { sku: 'a', qty: 2 },
        { sku: 'b', qty: 1 },
      ],
      total: 30,
      status: 'paid',
    },
    { _id: 2, customer: 'bob', items: [{ sku: 'a', qty: 1 }], total: 10, status: 'paid' },
    { _id: 3, customer: 'ann', items: [], total: 5, status: 'open' },
  ]);
  await target.coll('customers').insertMany([
    { _id: 'ann', name: 'Ann', tier: 'gold' },
    { _id: 'bob', name: 'Bob', tier: 'silver' },
  ]);
});
afterAll(async () => {
  await target.close();
});

describe('aggregate', () => {
  it('$match, $group with accumulators, $sort', async () => {
    const result = await target
      .coll('orders')
      .aggregate([
        { $match: { status: 'paid' } },
        { $group: { _id: '$customer', spent: { $sum: '$total' }, orders: { $sum: 1 } } },
        { $sort: { spent: -1 } },
      ])
      .toArray();
    expect(result).toEqual([
      { _id: 'ann', spent: 30, orders: 1 },
      { _id: 'bob', spent: 10, orders: 1 },
    ]);
  });

  it('$unwind, $project, $addFields, $skip, $limit', async () => {
    const result = await target
      .coll('orders')
      .aggregate([
        { $unwind: '$items' },
        { $project: { _id: 0, order: '$_id', sku: '$items.sku', qty: '$items.qty' } },
        { $addFields: { double: { $multiply: ['$qty', 2] } } },
        { $sort: { order: 1, sku: 1 } },
        { $skip: 1 },
        { $limit: 2 },
      ])
      .toArray();
    expect(result).toEqual([
      { order: 1, sku: 'b', qty: 1, double: 2 },
      { order: 2, sku: 'a', qty: 1, double: 2 },
    ]);
  });

  it('$lookup joins another collection without changing either', async () => {
    const result = await target
      .coll('orders')
      .aggregate([
        { $match: { _id: 2 } },
        { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'who' } },
        { $unwind: '$who' },
        { $set: { 'who.seen': true } },
        { $project: { _id: 1, name: '$who.name', seen: '$who.seen' } },
      ])
      .toArray();
    expect(result).toEqual([{ _id: 2, name: 'Bob', seen: true }]);
    expect(await target.coll('customers').findOne({ _id: 'bob' })).toEqual({
      _id: 'bob',
      name: 'Bob',
      tier: 'silver',
    });
  });

  it('$facet and $count', async () => {
    const [result] = await target
      .coll('orders')
      .aggregate([
        {
          $facet: {
            paid: [{ $match: { status: 'paid' } }, { $count: 'n' }],
            big: [{ $match: { total: { $gte: 10 } } }, { $project: { _id: 1 } }],
          },
        },
      ])
      .toArray();
    expect(result).toEqual({ paid: [{ n: 2 }], big: [{ _id: 1 }, { _id: 2 }] });
  });

  it('iterates large results with a small batch size', async () => {
    const coll = target.coll('numbers');
    await coll.insertMany(Array.from({ length: 120 }, (_, i) => ({ i })));
    const result = await coll.aggregate([{ $sort: { i: -1 } }], { batchSize: 10 }).toArray();
    expect(result.length).toBe(120);
    expect(result[0]!.i).toBe(119);
  });

  it('an unknown stage fails with code 40324', async () => {
    const error = await target
      .coll('orders')
      .aggregate([{ $bogus: {} }])
      .toArray()
      .catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(40324);
  });

  it('an unknown expression operator fails naming it', async () => {
    const error = await target
      .coll('orders')
      .aggregate([{ $project: { x: { $frob: 1 } } }])
      .toArray()
      .catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(168);
    expect((error as MongoServerError).message).toContain('$frob');
  });
});

describe('counting and distinct', () => {
  it('countDocuments honours filter, skip and limit', async () => {
    const coll = target.coll('orders');
    expect(await coll.countDocuments()).toBe(3);
    expect(await coll.countDocuments({ customer: 'ann' })).toBe(2);
    expect(await coll.countDocuments({}, { skip: 1, limit: 1 })).toBe(1);
    expect(await coll.countDocuments({ customer: 'nobody' })).toBe(0);
  });

  it('estimatedDocumentCount counts the collection, 0 when it does not exist', async () => {
    expect(await target.coll('orders').estimatedDocumentCount()).toBe(3);
    expect(await target.coll('absent').estimatedDocumentCount()).toBe(0);
  });

  it('distinct returns each value once, flattening arrays', async () => {
    expect((await target.coll('orders').distinct('customer')).sort()).toEqual(['ann', 'bob']);
    expect((await target.coll('orders').distinct('items.sku')).sort()).toEqual(['a', 'b']);
    expect(await target.coll('orders').distinct('customer', { total: { $lt: 10 } })).toEqual(['ann']);
  });
});
