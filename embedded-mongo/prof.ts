import { runCommand } from './src/commands/registry.ts';
import { CursorStore } from './src/cursor-store.ts';
import { Catalog } from './src/engine/catalog.ts';

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
function time(label: string, f: (i: number) => unknown, n = 5000) {
  for (let i = 0; i < 500; i++) f(i);
  const t = performance.now();
  for (let i = 0; i < n; i++) f(i);
  console.log(label, (((performance.now() - t) / n) * 1000).toFixed(1), 'µs');
  catalog.takeOps();
}
const r = () => Math.floor(Math.random() * 10000);

time(
  'fam',
  () => runCommand({ findAndModify: 'p', query: { _id: r() }, update: { $inc: { n: 1 } }, new: true }, ctx),
  2000,
);
time(
  'update',
  () => runCommand({ update: 'p', updates: [{ q: { _id: r() }, u: { $inc: { n: 1 } } }] }, ctx),
  2000,
);
