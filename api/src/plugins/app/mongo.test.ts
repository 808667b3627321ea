import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts';
import { databaseNameFromUri } from './mongo.ts';

describe('databaseNameFromUri', () => {
  it('the database is the path of the URI', () => {
    expect(databaseNameFromUri('mongodb://db.example:27017/acme?retryWrites=true')).toBe('acme');
    expect(databaseNameFromUri('mongodb+srv://user:p%40ss@cluster.example/prod')).toBe('prod');
    expect(databaseNameFromUri('mongodb://a:1,b:2,c:3/replicated?replicaSet=rs0')).toBe('replicated');
  });

  it('without a path the database is one-on-ones, not the driver default "test"', () => {
    expect(databaseNameFromUri('mongodb://127.0.0.1:27017')).toBe('one-on-ones');
    expect(databaseNameFromUri('mongodb://127.0.0.1:27017/')).toBe('one-on-ones');
    expect(databaseNameFromUri('mongodb://127.0.0.1:27017/?directConnection=true')).toBe('one-on-ones');
  });
});

describe('the embedded database keeps its data across restarts', () => {
  let dataDir: string;
  let test: TestApp | null = null;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'one-on-ones-restart-'));
  });
  afterEach(async () => {
    await test?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a document written before a restart is read back after it', async () => {
    test = await buildTestApp({ dataDir });
    const before = test.app.mongo.db.collection<{ _id: string; note: string }>('restart-check');
    await before.insertOne({ _id: 'kept', note: 'written before the restart' });
    await test.close();

    test = await buildTestApp({ dataDir });
    const after = test.app.mongo.db.collection<{ _id: string; note: string }>('restart-check');
    expect(await after.findOne({ _id: 'kept' })).toEqual({ _id: 'kept', note: 'written before the restart' });
  });
});
