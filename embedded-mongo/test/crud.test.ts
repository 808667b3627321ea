// Conformance: inserts, queries, updates and deletes through the official driver.
import { Binary, Decimal128, Long, MongoServerError, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
beforeAll(async () => {
  target = await openTarget('crud');
});
afterAll(async () => {
  await target.close();
});

describe('insert and find', () => {
  it('assigns an ObjectId _id when the document has none and returns it first', async () => {
    const coll = target.coll('ids');
    const { insertedId } = await coll.insertOne({ name: 'a' });
    expect(insertedId).toBeInstanceOf(ObjectId);
    const found = await coll.findOne({ _id: insertedId });
    expect(Object.keys(found!)).toEqual(['_id', 'name']);
  });

  it('keeps BSON types: ObjectId, Date, Long, Decimal128, Binary, null vs missing', async () => {
    const coll = target.coll('types');
    const ref = new ObjectId();
    const when = new Date('2024-03-01T10:00:00Z');
    await coll.insertOne({
      _id: 'types',
      ref,
      when,
      big: Long.fromString('9007199254740993'),
      price: Decimal128.fromString('12.34'),
      blob: new Binary(Buffer.from([0, 1, 2, 255]), 0),
      nothing: null,
    });
    const doc = await coll.findOne({ _id: 'types' }, { promoteLongs: false });
    expect(doc!.ref).toBeInstanceOf(ObjectId);
    expect(doc!.ref.equals(ref)).toBe(true);
    expect(doc!.when).toEqual(when);
    expect(doc!.big).toBeInstanceOf(Long);
    expect(doc!.big.toString()).toBe('9007199254740993');
    expect(doc!.price.toString()).toBe('12.34');
    expect(Buffer.from(doc!.blob.buffer)).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(doc!.nothing).toBeNull();
    expect('missing' in doc!).toBe(false);
  });

  it('matches ObjectId and Date values by value', async () => {
    const coll = target.coll('refs');
    const owner = new ObjectId();
    await coll.insertMany([
      { owner, at: new Date(1000) },
      { owner: new ObjectId(), at: new Date(2000) },
    ]);
    expect(await coll.countDocuments({ owner: new ObjectId(owner.toHexString()) })).toBe(1);
    expect(await coll.countDocuments({ at: { $gt: new Date(1500) } })).toBe(1);
    expect(await coll.countDocuments({ owner: { $in: [owner] }, at: new Date(1000) })).toBe(1);
  });

  it('treats {field: null} as null or missing, and $exists tells them apart', async () => {
    const coll = target.coll('nulls');
    await coll.insertMany([{ _id: 1, v: null }, { _id: 2 }, { _id: 3, v: 0 }]);
    expect((await coll.find({ v: null }).toArray()).map((d) => d._id)).toEqual([1, 2]);
    expect((await coll.find({ v: { $exists: false } }).toArray()).map((d) => d._id)).toEqual([2]);
    expect((await coll.find({ v: { $type: 'null' } }).toArray()).map((d) => d._id)).toEqual([1]);
  });

  it('supports comparison, logical, array, element and regex query operators', async () => {
    const coll = target.coll('ops');
    await coll.insertMany([
      { _id: 1, n: 5, tags: ['a', 'b'], name: 'Alpha', nested: { x: 1 } },
      { _id: 2, n: 10, tags: ['b'], name: 'beta', nested: { x: 2 } },
      {
        _id: 3,
        n: 15,
        tags: [],
        name: 'Gamma',
        items: [
          { k: 1, v: 'p' },
          { k: 2, v: 'q' },
        ],
      },
    ]);
    const ids = async (filter: object) =>
      (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ n: { $gte: 10 } })).toEqual([2, 3]);
    expect(await ids({ n: { $nin: [5, 15] } })).toEqual([2]);
    expect(await ids({ $or: [{ n: 5 }, { name: 'Gamma' }] })).toEqual([1, 3]);
    expect(await ids({ $and: [{ n: { $gt: 1 } }, { n: { $lt: 11 } }] })).toEqual([1, 2]);
    expect(await ids({ n: { $not: { $gt: 5 } } })).toEqual([1]);
    expect(await ids({ tags: 'b' })).toEqual([1, 2]);
    expect(await ids({ tags: { $all: ['a', 'b'] } })).toEqual([1]);
    expect(await ids({ tags: { $size: 0 } })).toEqual([3]);
    expect(await ids({ items: { $elemMatch: { k: 2, v: 'q' } } })).toEqual([3]);
    expect(await ids({ name: { $regex: '^a', $options: 'i' } })).toEqual([1]);
    expect(await ids({ name: /^b/ })).toEqual([2]);
    expect(await ids({ 'nested.x': 2 })).toEqual([2]);
    expect(await ids({ 'items.k': 1 })).toEqual([3]);
    expect(await ids({ _id: { $type: 'int' }, n: { $type: 'number' } })).toEqual([1, 2, 3]);
    expect(await ids({ $expr: { $gt: ['$n', 7] } })).toEqual([2, 3]);
  });

  it('answers an unknown query operator with BadValue naming it', async () => {
    const error = await target
      .coll('ops')
      .findOne({ n: { $foo: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(2);
    expect((error as MongoServerError).message).toContain('$foo');
  });

  it('finds $type objectId values', async () => {
    const coll = target.coll('typed');
    await coll.insertMany([
      { _id: 1, ref: new ObjectId() },
      { _id: 2, ref: 'text' },
    ]);
    expect((await coll.find({ ref: { $type: 'objectId' } }).toArray()).map((d) => d._id)).toEqual([1]);
  });
});

describe('update', () => {
  it('applies $set, $inc, $unset, $push, $addToSet, $pull, $rename, $min, $max, $mul and $currentDate', async () => {
    const coll = target.coll('upd');
    await coll.insertOne({ _id: 1, a: 1, b: 2, list: [1, 2], set: ['x'], old: 'name', lo: 5, hi: 5, m: 3 });
    const result = await coll.updateOne({ _id: 1 }, {
      $set: { 'nested.deep': true },
      $inc: { a: 2 },
      $unset: { b: '' },
      $push: { list: 3 },
      $addToSet: { set: { $each: ['x', 'y'] } },
      $rename: { old: 'renamed' },
      $min: { lo: 2 },
      $max: { hi: 9 },
      $mul: { m: 2 },
      $currentDate: { touched: true },
    } as never);
    expect(result.matchedCount).toBe(1);
    expect(result.modifiedCount).toBe(1);
    const doc = await coll.findOne({ _id: 1 });
    expect(doc).toMatchObject({
      a: 3,
      list: [1, 2, 3],
      set: ['x', 'y'],
      renamed: 'name',
      lo: 2,
      hi: 9,
      m: 6,
    });
    expect(doc!.nested).toEqual({ deep: true });
    expect(doc!.touched).toBeInstanceOf(Date);
    expect('b' in doc!).toBe(false);
    expect('old' in doc!).toBe(false);
    await coll.updateOne({ _id: 1 }, { $pull: { list: { $gte: 2 } } } as never);
    expect((await coll.findOne({ _id: 1 }))!.list).toEqual([1]);
  });

  it('reports modifiedCount 0 when the update changes nothing', async () => {
    const coll = target.coll('noop');
    await coll.insertOne({ _id: 1, a: 1 });
    const result = await coll.updateOne({ _id: 1 }, { $set: { a: 1 } });
    expect(result.matchedCount).toBe(1);
    expect(result.modifiedCount).toBe(0);
  });

  it('updateMany updates every match, updateOne only the first', async () => {
    const coll = target.coll('many');
    await coll.insertMany([{ g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await coll.updateOne({ g: 1 }, { $set: { seen: 1 } })).modifiedCount).toBe(1);
    expect((await coll.updateMany({ g: 1 }, { $set: { seen: 2 } })).modifiedCount).toBe(2);
    expect(await coll.countDocuments({ seen: 2 })).toBe(2);
  });

  it('replaces a whole document but keeps its _id', async () => {
    const coll = target.coll('replace');
    await coll.insertOne({ _id: 1, a: 1, b: 2 });
    await coll.replaceOne({ _id: 1 }, { c: 3 });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, c: 3 });
  });

  it('refuses to change _id with ImmutableField', async () => {
    const coll = target.coll('immutable');
    await coll.insertOne({ _id: 1, a: 1 });
    const error = await coll.updateOne({ _id: 1 }, { $set: { _id: 2 } }).catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(66);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: 1 });
  });

  it('answers an unknown update operator with FailedToParse naming it', async () => {
    const coll = target.coll('badupdate');
    await coll.insertOne({ _id: 1 });
    const error = await coll
      .updateOne({ _id: 1 }, { $frobnicate: { a: 1 } } as never)
      .catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(9);
    expect((error as MongoServerError).message).toContain('$frobnicate');
  });

  it('refuses conflicting paths, paths through scalars and arithmetic on non-numbers', async () => {
    const coll = target.coll('invalid-updates');
    await coll.insertOne({ _id: 1, a: 1, s: 'text' });
    const codeOf = (update: object) =>
      coll.updateOne({ _id: 1 }, update as never).then(
        () => 0,
        (e: MongoServerError) => e.code,
      );
    expect(await codeOf({ $set: { a: 2 }, $inc: { a: 1 } })).toBe(40);
    expect(await codeOf({ $set: { 'a.b': 2 } })).toBe(28);
    expect(await codeOf({ $inc: { s: 1 } })).toBe(14);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: 1, s: 'text' });
  });

  it('updates array elements selected by arrayFilters and by the positional $', async () => {
    const coll = target.coll('arrays');
    await coll.insertOne({
      _id: 1,
      grades: [
        { g: 80, n: 0 },
        { g: 95, n: 0 },
        { g: 99, n: 0 },
      ],
    });
    await coll.updateOne(
      { _id: 1 },
      { $set: { 'grades.$[high].n': 1 } },
      { arrayFilters: [{ 'high.g': { $gte: 90 } }] },
    );
    expect((await coll.findOne({ _id: 1 }))!.grades.map((x: { n: number }) => x.n)).toEqual([0, 1, 1]);
    await coll.updateOne({ _id: 1, 'grades.g': 80 }, { $set: { 'grades.$.n': 7 } });
    expect((await coll.findOne({ _id: 1 }))!.grades[0].n).toBe(7);
  });

  it('runs pipeline-style updates', async () => {
    const coll = target.coll('pipeline');
    await coll.insertOne({ _id: 1, a: 2, b: 3 });
    await coll.updateOne({ _id: 1 }, [{ $set: { sum: { $add: ['$a', '$b'] } } }, { $unset: 'b' }]);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2, sum: 5 });
  });
});

describe('delete', () => {
  it('deleteOne removes one match and deleteMany all', async () => {
    const coll = target.coll('del');
    await coll.insertMany([{ g: 1 }, { g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await coll.deleteOne({ g: 1 })).deletedCount).toBe(1);
    expect((await coll.deleteMany({ g: 1 })).deletedCount).toBe(2);
    expect(await coll.countDocuments()).toBe(1);
    expect((await coll.deleteMany({})).deletedCount).toBe(1);
  });
});
