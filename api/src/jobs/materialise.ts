// Daily top-up: every active from-scratch series keeps its instances materialised at least 8 weeks ahead.
import { materialiseSeries } from '../workflows/materialise-series.ts';
import type { Job } from './job-deps.ts';

export const materialise: Job = async ({ store, log }, now) => {
  let created = 0;
  for (const series of await store.series.listActive()) {
    created += (await materialiseSeries(store, series, now)).length;
  }
  log.info({ job: 'materialise', created }, 'series instances topped up');
};
