// Snapshot files: the whole catalog as records (header, per collection its definition then its documents, end).
// Written to a temp file, fsynced, renamed into place and the directory fsynced, so a snapshot either
// exists whole or not at all.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

import type { Document } from 'bson';
import type { Catalog } from '../engine/catalog.ts';
import type { StoreOp } from '../engine/store-op.ts';
import { fsyncDirectory } from './fsync-directory.ts';
import { decodeRecords, encodeRecord } from './record-codec.ts';

const FORMAT = 1;

/** Serialises the catalog synchronously, so the image is consistent with the moment of the call. */
export function captureSnapshot(catalog: Catalog, sequence: number): Buffer[] {
  const records: Buffer[] = [encodeRecord({ type: 'snapshot', format: FORMAT, sequence })];
  let collections = 0;
  for (const db of catalog.databaseNames()) {
    for (const coll of catalog.collections(db)) {
      collections++;
      records.push(
        encodeRecord({
          type: 'collection',
          db,
          coll: coll.name,
          options: coll.options,
          indexes: Array.from(coll.indexes.values(), (index) => index.spec),
          count: coll.docs.size,
        }),
      );
      for (const doc of coll.docs.values()) records.push(encodeRecord(doc));
    }
  }
  records.push(encodeRecord({ type: 'end', collections }));
  return records;
}

export function writeSnapshotFile(directory: string, path: string, records: Buffer[]): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    for (const record of records) writeFully(fd, record);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncDirectory(directory);
}

function writeFully(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/** The snapshot as replayable changes; throws when the file is not a complete snapshot. */
export function readSnapshotFile(path: string): StoreOp[] {
  const { records, validBytes } = decodeRecords(readFileSync(path));
  const [header, ...rest] = records;
  const end = rest.pop();
  if (header?.type !== 'snapshot' || end?.type !== 'end') {
    throw new Error(
      `snapshot ${path} is incomplete or corrupt (valid bytes: ${validBytes}); refusing to load it`,
    );
  }
  const ops: StoreOp[] = [];
  let current: Document | undefined;
  let remaining = 0;
  for (const record of rest) {
    if (remaining > 0 && current) {
      ops.push({ op: 'put', db: current.db, coll: current.coll, doc: record });
      remaining--;
      continue;
    }
    current = record;
    remaining = record.count as number;
    ops.push({ op: 'createCollection', db: record.db, coll: record.coll, options: record.options ?? {} });
    for (const spec of record.indexes as Document[]) {
      ops.push({ op: 'createIndex', db: record.db, coll: record.coll, spec: spec as never });
    }
  }
  return ops;
}
