import { describe, expect, it } from 'vitest';
import { Catalog } from './engine/catalog.ts';
import { parseIndexSpec } from './engine/index-spec.ts';
import { expireDocuments } from './ttl-monitor.ts';

const now = new Date('2025-01-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function catalogWith(docs: Array<Record<string, unknown>>, options: Record<string, unknown> = {}): Catalog {
  const catalog = new Catalog();
  const coll = catalog.ensureCollection('app', 'changes');
  coll.createIndex(parseIndexSpec({ key: { at: 1 }, name: 'at_1', expireAfterSeconds: 3600, ...options }));
  for (const doc of docs) coll.insert(doc);
  catalog.takeOps();
  return catalog;
}

const ids = (catalog: Catalog) =>
  Array.from(catalog.collection('app', 'changes')!.docs.values(), (d) => d._id);

describe('TTL expiry', () => {
  it('removes documents whose date is older than expireAfterSeconds, keeps the rest', () => {
    const catalog = catalogWith([
      { _id: 'old', at: ago(7200) },
      { _id: 'edge', at: ago(3600) },
      { _id: 'fresh', at: ago(60) },
      { _id: 'no-date', at: 'yesterday' },
      { _id: 'missing' },
    ]);
    expect(expireDocuments(catalog, now)).toBe(2);
    expect(ids(catalog)).toEqual(['fresh', 'no-date', 'missing']);
  });

  it('journals the deletions like any other change', () => {
    const catalog = catalogWith([{ _id: 'old', at: ago(7200) }]);
    expireDocuments(catalog, now);
    expect(catalog.takeOps()).toEqual([{ op: 'delete', db: 'app', coll: 'changes', id: 'old' }]);
  });

  it('an array of dates expires with its earliest date', () => {
    const catalog = catalogWith([{ _id: 'mixed', at: [ago(60), ago(7200)] }]);
    expect(expireDocuments(catalog, now)).toBe(1);
  });

  it('a partial TTL index only expires the documents it covers', () => {
    const catalog = catalogWith(
      [
        { _id: 'temp', at: ago(7200), temporary: true },
        { _id: 'kept', at: ago(7200), temporary: false },
      ],
      { partialFilterExpression: { temporary: true } },
    );
    expireDocuments(catalog, now);
    expect(ids(catalog)).toEqual(['kept']);
  });
});
