import * as ops from 'mingo/operators/update';
import { update } from 'mingo/updater';
import { cloneDeep } from 'mingo/util';
import { applyUpdate } from './src/engine/apply-update.ts';
import { updateOptions } from './src/engine/mingo-context.ts';

const doc = { _id: 1, email: 'user1@x', n: 0 };
function time(label: string, f: () => unknown, n = 20000) {
  for (let i = 0; i < 2000; i++) f();
  const t = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(label, (((performance.now() - t) / n) * 1000).toFixed(2), 'µs');
}
time('applyUpdate', () => applyUpdate(doc, { $inc: { n: 1 } }));
time('cloneDeep', () => cloneDeep(doc));
time('mingo update', () =>
  update(cloneDeep(doc), { $inc: { n: 1 } }, undefined, undefined, { queryOptions: updateOptions }),
);
time('direct $inc', () => ops.$inc({ n: 1 })(cloneDeep(doc)));
time('direct $set', () => ops.$set({ n: 1, 'a.b': 2 })(cloneDeep(doc)));
