// Loads a series or a meeting as one participant sees it; anyone else gets "not found" (SPEC.md: a 1:1's
// very existence is private to its two participants).
import type { Meeting, Series } from '../domain/types.ts';
import { AppError } from '../errors/app-error.ts';
import type { Store } from '../store/store.ts';
import type { CardSource } from './build-cards.ts';

export async function loadVisibleSeries(store: Store, tenantId: string, id: string, userId: string) {
  const series = await store.series.findVisible(tenantId, id, userId);
  if (!series) throw AppError.notFound('1:1');
  return series;
}

/** Deleted instances are not visible ("delete this instance" hides them from both participants). */
export async function loadVisibleMeeting(
  store: Store,
  tenantId: string,
  id: string,
  userId: string,
): Promise<Meeting> {
  const meeting = await store.meetings.findVisible(tenantId, id, userId);
  if (!meeting) throw AppError.notFound('1:1');
  return meeting;
}

/** A series with its instances in start order (deleted ones left out), ready for a card. */
export async function seriesSource(store: Store, series: Series): Promise<CardSource & { kind: 'series' }> {
  const instances = await store.meetings.listBySeries(series.tenantId, series.id);
  return { kind: 'series', series, instances };
}
