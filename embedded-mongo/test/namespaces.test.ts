// Conformance: collections and databases (create, list, drop), handshake commands and unsupported commands.
import type { MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './support/target.ts';

let target: Target;
beforeAll(async () => {
  target = await openTarget('namespaces');
});
afterAll(async () => {
  await target.close();
});

describe('collections', () => {
  it('creates explicitly and implicitly, lists with a name filter, drops', async () => {
    await target.db.createCollection('explicit');
    await target.coll('implicit').insertOne({ a: 1 });
    const names = (await target.db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(['explicit', 'implicit']);
    const filtered = await target.db.listCollections({ name: 'implicit' }).toArray();
    expect(filtered.map((c) => c.name)).toEqual(['implicit']);
    expect(filtered[0]!.type).toBe('collection');
    expect(await target.coll('implicit').drop()).toBe(true);
    expect((await target.db.listCollections().toArray()).map((c) => c.name)).toEqual(['explicit']);
  });

  it('creating an existing collection fails with NamespaceExists', async () => {
    await target.db.createCollection('twice');
    const error = await target.db.createCollection('twice').catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(48);
  });

  it('a dropped collection loses its documents and indexes', async () => {
    const coll = target.coll('recycled');
    await coll.createIndex({ v: 1 }, { unique: true });
    await coll.insertOne({ v: 1 });
    await coll.drop();
    await coll.insertOne({ v: 1 });
    await coll.insertOne({ v: 1 });
    expect(await coll.countDocuments()).toBe(2);
  });

  it('databases are separate, listed, and dropped whole', async () => {
    const other = target.client.db(`${target.db.databaseName}_other`);
    await other.collection('x').insertOne({ a: 1 });
    expect(await target.coll('x').countDocuments()).toBe(0);
    const { databases } = await target.client.db('admin').admin().listDatabases();
    expect(databases.map((d) => d.name)).toContain(other.databaseName);
    await other.dropDatabase();
    const after = await target.client.db('admin').admin().listDatabases();
    expect(after.databases.map((d) => d.name)).not.toContain(other.databaseName);
  });
});

describe('server commands', () => {
  it('answers ping, hello and buildInfo as a standalone server', async () => {
    expect((await target.db.command({ ping: 1 })).ok).toBe(1);
    const hello = await target.db.command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(21);
    expect(typeof (await target.db.admin().buildInfo()).version).toBe('string');
  });

  it('an unknown command fails with CommandNotFound naming it', async () => {
    const error = await target.db.command({ fooBarBaz: 1 }).catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(59);
    expect((error as MongoServerError).codeName).toBe('CommandNotFound');
    expect((error as MongoServerError).message).toContain("no such command: 'fooBarBaz'");
  });
});
