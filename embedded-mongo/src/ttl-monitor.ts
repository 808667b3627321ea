// TTL indexes: removes documents whose indexed date is older than expireAfterSeconds, as mongod's
// TTL monitor does once a minute (so expiry is late by up to a minute, never early).
import type { Document } from 'bson';
import type { Catalog } from './engine/catalog.ts';
import type { Collection } from './engine/collection.ts';
import type { CollectionIndex } from './engine/collection-index.ts';
import { valuesAtPath } from './engine/key-paths.ts';

export const TTL_MONITOR_INTERVAL_MS = 60_000;

/** Deletes every expired document (the deletions are logged like any other change); returns how many. */
export function expireDocuments(catalog: Catalog, now: Date): number {
  let removed = 0;
  for (const db of catalog.databaseNames()) {
    for (const coll of catalog.collections(db)) {
      for (const index of coll.indexes.values()) removed += expireByIndex(coll, index, now);
    }
  }
  return removed;
}

function expireByIndex(coll: Collection, index: CollectionIndex, now: Date): number {
  const seconds = index.spec.expireAfterSeconds;
  if (seconds === undefined || index.fields.length !== 1) return 0;
  const cutoff = now.getTime() - seconds * 1000;
  const expired: Document[] = [];
  for (const doc of coll.docs.values()) {
    if (!index.covers(doc)) continue;
    // An array of dates expires with its earliest date; documents without a date never expire.
    const times = valuesAtPath(doc, index.firstField, false)
      .filter((value): value is Date => value instanceof Date)
      .map((date) => date.getTime());
    if (times.length > 0 && Math.min(...times) <= cutoff) expired.push(doc);
  }
  for (const doc of expired) coll.remove(doc);
  return expired.length;
}
