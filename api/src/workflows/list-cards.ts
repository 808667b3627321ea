// GET /one-on-ones: my series and single 1:1s as cards, in the Upcoming, Past or Archived tab.
import type { Meeting } from '../domain/types.ts';
import type { Card, ListView } from '../schemas/one-on-ones.ts';
import type { Store } from '../store/store.ts';
import { buildCards, type CardSource, isSourceArchived, isSourcePast } from './build-cards.ts';

/** Upcoming = not archived and not past; past = not archived and past; archived = archived. */
export function inView(source: CardSource, view: ListView, now: Date): boolean {
  if (isSourceArchived(source)) return view === 'archived';
  return isSourcePast(source, now) ? view === 'past' : view === 'upcoming';
}

/**
 * Upcoming: soonest next meeting first. Past and archived: most recent last meeting first. Cards
 * without that meeting go last; ties fall back to the title, then the id, so the order is stable.
 */
function byView(view: ListView): (a: Card, b: Card) => number {
  const key = (card: Card) => {
    const meeting = view === 'upcoming' ? card.nextMeeting : card.lastMeeting;
    if (!meeting) return Number.POSITIVE_INFINITY;
    const start = Date.parse(meeting.start);
    return view === 'upcoming' ? start : -start;
  };
  return (a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka !== kb) return ka < kb ? -1 : 1;
    if (a.title !== b.title) return a.title.localeCompare(b.title);
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Every series and single 1:1 the user takes part in (deleted instances left out). */
export async function loadCardSources(store: Store, tenantId: string, userId: string): Promise<CardSource[]> {
  const [series, singles] = await Promise.all([
    store.series.listForUser(tenantId, userId),
    store.meetings.listSinglesForUser(tenantId, userId),
  ]);
  const instances = await store.meetings.listBySeriesIds(
    tenantId,
    series.map((one) => one.id),
  );
  const bySeries = new Map<string, Meeting[]>();
  for (const instance of instances) {
    if (instance.seriesId === null) continue;
    const list = bySeries.get(instance.seriesId) ?? [];
    list.push(instance);
    bySeries.set(instance.seriesId, list);
  }
  return [
    ...series.map(
      (one): CardSource => ({ kind: 'series', series: one, instances: bySeries.get(one.id) ?? [] }),
    ),
    ...singles.map((meeting): CardSource => ({ kind: 'single', meeting })),
  ];
}

export async function listCards(
  store: Store,
  tenantId: string,
  userId: string,
  view: ListView,
  now: Date,
): Promise<Card[]> {
  const sources = (await loadCardSources(store, tenantId, userId)).filter((source) =>
    inView(source, view, now),
  );
  const cards = await buildCards(store, tenantId, sources, now);
  return cards.sort(byView(view));
}
