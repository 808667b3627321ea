// SPEC.md "Updating, archiving, deleting" and the item rules as the UI applies them: allowed, or why not.
import type { Item, SeriesDetail, Workspace } from 'api/contract';

export type Verdict = { allowed: true } | { allowed: false; reason: string };

const yes: Verdict = { allowed: true };
const no = (reason: string): Verdict => ({ allowed: false, reason });

export function isPast(meeting: { end: string }, now: Date): boolean {
  return new Date(meeting.end) < now;
}

/** A series is past when its last instance has ended. */
export function isSeriesPast(series: SeriesDetail, now: Date): boolean {
  const last = series.meetings.at(-1);
  return last !== undefined && isPast(last, now);
}

export function canArchive(workspace: Workspace, series: SeriesDetail | null, now: Date): Verdict {
  if (series) {
    if (series.archived) return no('This series is already archived.');
    if (series.connection === 'connected' && !isSeriesPast(series, now)) {
      return no('A connected series can be archived once its recurrence has ended in the calendar.');
    }
    if (!isSeriesPast(series, now)) return no('Only a series whose last 1:1 has ended can be archived.');
    return yes;
  }
  if (workspace.archived) return no('This 1:1 is already archived.');
  return isPast(workspace, now) ? yes : no('Only a past 1:1 can be archived.');
}

export function canDeleteInstance(workspace: Workspace, meId: string, now: Date): Verdict {
  if (workspace.ownerId !== meId) return no('Only the person who created this 1:1 can delete it.');
  if (new Date(workspace.start) <= now)
    return no('A 1:1 that has started cannot be deleted; archive it once it is past.');
  return yes;
}

export function canDeleteSeries(series: SeriesDetail, meId: string, now: Date): Verdict {
  if (series.ownerId !== meId) return no('Only the person who created this series can delete it.');
  if (series.meetings.some((meeting) => new Date(meeting.start) <= now)) {
    return no('A series can be deleted only before its first 1:1 starts; archive it once it is past.');
  }
  return yes;
}

export function canEditItem(item: Item, meId: string): Verdict {
  if (item.movedTo) return no('This item moved to a later 1:1: change it there.');
  if (item.authorId !== meId) return no('Only the person who added it can edit it.');
  return yes;
}

/** Topics: only their author deletes them; action items: either participant. */
export function canDeleteItem(item: Item, meId: string): Verdict {
  if (item.movedTo) return no('This item moved to a later 1:1.');
  if (item.kind === 'topic' && item.authorId !== meId)
    return no('Only the person who added a topic can delete it.');
  return yes;
}

export function canComplete(item: Item): Verdict {
  return item.movedTo ? no('This item moved to a later 1:1: complete it there.') : yes;
}
