// Crash safety: SIGKILL the server mid-burst; after restart every acknowledged write is there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './cli-process.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Acked = { inserted: Set<string>; increments: Map<string, number> };

/** Writers insert and increment until the server dies; each records only what was acknowledged. */
async function burst(
  uri: string,
  writers: number,
  acked: Acked,
  killAfter: number,
  kill: () => void,
): Promise<void> {
  let total = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const client = new MongoClient(uri, { maxPoolSize: 4, serverSelectionTimeoutMS: 2000 });
      const coll = client.db('crash').collection<{ _id: string; n?: number }>('writes');
      try {
        for (let i = 0; ; i++) {
          const id = `w${w}-${i}-${Math.random().toString(36).slice(2, 8)}`;
          await coll.insertOne({ _id: id });
          acked.inserted.add(id);
          await coll.updateOne({ _id: `counter-${w}` }, { $inc: { n: 1 } }, { upsert: true });
          acked.increments.set(`counter-${w}`, (acked.increments.get(`counter-${w}`) ?? 0) + 1);
          total += 2;
          if (total >= killAfter) kill();
        }
      } catch {
        // The server was killed: the write in flight was never acknowledged.
      } finally {
        await client.close(true).catch(() => undefined);
      }
    }),
  );
}

describe('crash recovery', () => {
  it('keeps every acknowledged write across repeated SIGKILLs mid-burst, with compaction running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'embedded-mongo-crash-'));
    dirs.push(dataDir);
    const acked: Acked = { inserted: new Set(), increments: new Map() };
    for (const killAfter of [100, 300, 700]) {
      const server = await startCli(dataDir, ['--compact-after-bytes', '20000']);
      await burst(server.uri, 6, acked, killAfter, () => server.child.kill('SIGKILL'));
      expect(await server.exited).toBeNull();
    }
    const server = await startCli(dataDir);
    const client = await MongoClient.connect(server.uri);
    try {
      const coll = client.db('crash').collection<{ _id: string; n?: number }>('writes');
      const stored = new Set((await coll.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
      const missing = [...acked.inserted].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      for (const [id, count] of acked.increments) {
        const doc = await coll.findOne({ _id: id });
        // An increment may be durable without its acknowledgement having arrived, never the reverse.
        expect(doc!.n).toBeGreaterThanOrEqual(count);
        expect(doc!.n).toBeLessThanOrEqual(count + 3);
      }
      expect(acked.inserted.size).toBeGreaterThan(250);
    } finally {
      await client.close();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  }, 120_000);

  it('a second CLI on the same data directory exits with an error naming the first one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'embedded-mongo-lock-'));
    dirs.push(dataDir);
    const first = await startCli(dataDir);
    try {
      await expect(startCli(dataDir)).rejects.toThrow(`in use by process ${first.child.pid}`);
    } finally {
      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
    }
  });
});
