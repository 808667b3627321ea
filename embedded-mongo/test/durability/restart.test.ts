// Durability without crashes: restart after a clean stop, after compaction, with a torn journal tail,
// and the one-server-per-directory lock.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type MongoServerError, ObjectId } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { type EmbeddedMongoOptions, startEmbeddedMongo } from '../../src/index.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-mongo-restart-'));
  dirs.push(dir);
  return dir;
}

async function withServer<T>(
  options: EmbeddedMongoOptions,
  use: (client: MongoClient) => Promise<T>,
): Promise<T> {
  const server = await startEmbeddedMongo(options);
  const client = await MongoClient.connect(server.uri);
  try {
    return await use(client);
  } finally {
    await client.close();
    await server.stop();
  }
}

describe('restart', () => {
  it('after a clean stop keeps documents, deletes, updates, indexes and dropped collections', async () => {
    const dataDir = freshDir();
    const owner = new ObjectId();
    await withServer({ dataDir }, async (client) => {
      const db = client.db('app');
      await db.collection('users').createIndex({ email: 1 }, { unique: true });
      await db.collection('users').insertMany([
        { _id: 1 as never, email: 'a', owner, at: new Date(5) },
        { _id: 2 as never, email: 'b' },
        { _id: 3 as never, email: 'c' },
      ]);
      await db.collection('users').deleteOne({ email: 'b' });
      await db.collection('users').updateOne({ email: 'c' }, { $set: { n: 1 } });
      await db.collection('gone').insertOne({ a: 1 });
      await db.collection('gone').drop();
      await client.db('dropped-db').collection('x').insertOne({ a: 1 });
      await client.db('dropped-db').dropDatabase();
    });
    await withServer({ dataDir }, async (client) => {
      const users = client.db('app').collection('users');
      expect(await users.find().sort({ _id: 1 }).toArray()).toEqual([
        { _id: 1, email: 'a', owner, at: new Date(5) },
        { _id: 3, email: 'c', n: 1 },
      ]);
      expect((await users.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'email_1']);
      const duplicate = await users.insertOne({ email: 'a' }).catch((e: unknown) => e);
      expect((duplicate as MongoServerError).code).toBe(11000);
      expect((await client.db('app').listCollections().toArray()).map((c) => c.name)).toEqual(['users']);
      const { databases } = await client.db('admin').admin().listDatabases();
      expect(databases.map((d) => d.name)).not.toContain('dropped-db');
    });
  });

  it('after compaction loads the snapshot plus the newer journal and removes old files', async () => {
    const dataDir = freshDir();
    const options = { dataDir, compactAfterBytes: 4096 };
    await withServer(options, async (client) => {
      const coll = client.db('app').collection('items');
      await coll.createIndex({ k: 1 }, { unique: true });
      for (let i = 0; i < 200; i++) await coll.insertOne({ k: i, pad: 'x'.repeat(50) });
      await coll.deleteMany({ k: { $lt: 50 } });
    });
    const files = readdirSync(dataDir).sort();
    expect(files.filter((f) => f.startsWith('snapshot-')).length).toBe(1);
    expect(files.filter((f) => f.startsWith('journal-')).length).toBe(1);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    await withServer(options, async (client) => {
      const coll = client.db('app').collection('items');
      expect(await coll.countDocuments()).toBe(150);
      expect(await coll.countDocuments({ k: { $lt: 50 } })).toBe(0);
      expect((await coll.insertOne({ k: 100 }).catch((e: unknown) => e)) as MongoServerError).toMatchObject({
        code: 11000,
      });
      await coll.insertOne({ k: 1000 });
    });
    await withServer({ dataDir }, async (client) => {
      expect(await client.db('app').collection('items').countDocuments()).toBe(151);
    });
  });

  it('ignores a torn record at the end of the journal', async () => {
    const dataDir = freshDir();
    await withServer({ dataDir }, async (client) => {
      await client
        .db('app')
        .collection('x')
        .insertMany([{ n: 1 }, { n: 2 }]);
    });
    const journal = readdirSync(dataDir)
      .filter((f) => f.startsWith('journal-'))
      .sort()
      .at(-1)!;
    // A record header promising 200 bytes, followed by only a few: a write cut short by a crash.
    appendFileSync(join(dataDir, journal), Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5, 6]));
    await withServer({ dataDir }, async (client) => {
      expect(await client.db('app').collection('x').countDocuments()).toBe(2);
      await client.db('app').collection('x').insertOne({ n: 3 });
    });
    await withServer({ dataDir }, async (client) => {
      expect(await client.db('app').collection('x').countDocuments()).toBe(3);
    });
  });

  it('refuses a second server on the same data directory, with the owner pid in the message', async () => {
    const dataDir = freshDir();
    const first = await startEmbeddedMongo({ dataDir });
    try {
      await expect(startEmbeddedMongo({ dataDir })).rejects.toThrow(`in use by process ${process.pid}`);
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedMongo({ dataDir });
    await again.stop();
  });

  it('takes over a lock file left by a process that no longer exists', async () => {
    const dataDir = freshDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    writeFileSync(join(dataDir, 'embedded-mongo.lock'), String(gone.pid));
    const server = await startEmbeddedMongo({ dataDir });
    await server.stop();
    expect(existsSync(join(dataDir, 'embedded-mongo.lock'))).toBe(false);
  });

  it('without a data directory keeps nothing between runs', async () => {
    await withServer({}, async (client) => client.db('app').collection('x').insertOne({ a: 1 }));
    await withServer({}, async (client) => {
      expect(await client.db('app').collection('x').countDocuments()).toBe(0);
    });
  });
});
