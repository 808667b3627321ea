// Conformance: findOneAndUpdate is atomic across many concurrent clients (job claiming).
import type { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
beforeAll(async () => {
  target = await openTarget('concurrency');
});
afterAll(async () => {
  await target.close();
});

describe('concurrent claims', () => {
  it('20 clients claiming 300 jobs: every job is claimed exactly once', async () => {
    const jobs = target.coll('jobs');
    await jobs.createIndex({ state: 1, priority: -1 });
    await jobs.insertMany(
      Array.from({ length: 300 }, (_, i) => ({ _id: i, state: 'ready', priority: i % 7 })),
    );
    const clients: MongoClient[] = await Promise.all(
      Array.from({ length: 20 }, () => target.newClient({ maxPoolSize: 2 })),
    );
    const claims = await Promise.all(
      clients.map(async (client, worker) => {
        const coll = client.db(target.db.databaseName).collection<{ _id: number; worker?: number }>('jobs');
        const mine: number[] = [];
        for (;;) {
          const job = await coll.findOneAndUpdate(
            { state: 'ready' },
            { $set: { state: 'claimed', worker } },
            { sort: { priority: -1 }, returnDocument: 'after' },
          );
          if (!job) return mine;
          expect(job.worker).toBe(worker);
          mine.push(job._id);
        }
      }),
    );
    const all = claims.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(await jobs.countDocuments({ state: 'claimed' })).toBe(300);
    for (const [worker, mine] of claims.entries()) {
      expect(await jobs.countDocuments({ worker })).toBe(mine.length);
    }
  });

  it('concurrent $inc from many clients loses no increment', async () => {
    const counters = target.coll('counters');
    await counters.insertOne({ _id: 'c', n: 0 });
    const clients = await Promise.all(Array.from({ length: 10 }, () => target.newClient({ maxPoolSize: 3 })));
    await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: 20 }, () =>
          client
            .db(target.db.databaseName)
            .collection<{ _id: string; n: number }>('counters')
            .updateOne({ _id: 'c' }, { $inc: { n: 1 } }),
        ),
      ),
    );
    expect((await counters.findOne({ _id: 'c' }))!.n).toBe(200);
  });
});
