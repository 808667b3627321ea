import { runCommand } from './src/commands/registry.ts';
import { CursorStore } from './src/cursor-store.ts';
import { applyUpdate } from './src/engine/apply-update.ts';
import { Catalog } from './src/engine/catalog.ts';
import { compileFilter, matchingDocuments } from './src/engine/find-documents.ts';

const catalog = new Catalog();
const ctx = { catalog, cursors: new CursorStore(), db: 'b', connectionId: 1, startedAt: new Date() };
runCommand({ createIndexes: 'p', indexes: [{ key: { email: 1 }, name: 'email_1', unique: true }] }, ctx);
runCommand(
  {
    insert: 'p',
    documents: Array.from({ length: 10000 }, (_, i) => ({ _id: i, email: `user${i}@x`, n: 0 })),
  },
  ctx,
);
catalog.takeOps();
const coll = catalog.collection('b', 'p')!;
function time(label: string, f: (i: number) => unknown, n = 20000) {
  const res = [];
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) f(i);
    res.push((((performance.now() - t) / n) * 1000).toFixed(1));
    catalog.takeOps();
  }
  console.log(label.padEnd(12), res.join(' / '), 'µs');
}
const r = () => Math.floor(Math.random() * 10000);
time('compile', () => compileFilter({ _id: r() }));
time('matching', () => matchingDocuments(coll, { _id: r() }, 1));
time('apply', () => applyUpdate(coll.findById(r())!, { $inc: { n: 1 } }));
time('replace', () => {
  const d = coll.findById(r())!;
  coll.replace(d, { ...d, n: d.n + 1 });
});
time('find cmd', () => runCommand({ find: 'p', filter: { _id: r() }, limit: 1, singleBatch: true }, ctx));
time('update cmd', () =>
  runCommand({ update: 'p', updates: [{ q: { _id: r() }, u: { $inc: { n: 1 } } }] }, ctx),
);
time('fam cmd', () =>
  runCommand({ findAndModify: 'p', query: { _id: r() }, update: { $inc: { n: 1 } }, new: true }, ctx),
);
time('insert cmd', (i) => runCommand({ insert: 'q', documents: [{ i, at: new Date(), tag: 'x' }] }, ctx));
