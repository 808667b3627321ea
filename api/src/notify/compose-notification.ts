// Turns a due delivery into what its card says, from the data as it is at sending time (the agenda so far, the
// 1:1's current time), or says why it is no longer to be sent, or when it is due now that the 1:1 moved.
import { DateTime } from 'luxon';
import { isReminderDue, reminderAt, wantsReminders } from '../domain/notification-schedule.ts';
import type { Item, Meeting } from '../domain/types.ts';
import type { Delivery } from '../store/deliveries.ts';
import type { Store } from '../store/store.ts';
import type { User } from '../store/users.ts';
import { recipientOf } from './bot-directory.ts';
import type { MeetingSummary, Notification, OpenActionItem } from './notifier.ts';

export type Composed =
  | { readonly notification: Notification }
  | { readonly skip: string }
  | { readonly later: Date };

type Names = ReadonlyMap<string, string>;
const UNKNOWN = 'Unknown person';

export async function composeNotification(store: Store, delivery: Delivery, now: Date): Promise<Composed> {
  const [tenant, [recipient]] = await Promise.all([
    store.tenants.get(delivery.tenantId),
    store.users.findMany(delivery.tenantId, [delivery.recipientId]),
  ]);
  if (!recipient) return { skip: 'The recipient is no longer a person of the organization.' };
  // SPEC.md "Tenancy": a disabled module sends nothing.
  if (!tenant?.enabled) return { skip: 'The module is disabled for the organization.' };
  const base = { key: delivery.key, moduleName: tenant.moduleName, recipient: recipientOf(recipient) };
  if (delivery.kind === 'summary') return composeSummary(store, base, delivery.subject);
  const [meeting] = delivery.meetingId ? await store.meetings.findManyByIds([delivery.meetingId]) : [];
  if (!meeting || meeting.deleted) return { skip: 'The 1:1 was deleted.' };
  if (delivery.kind === 'created') return composeCreated(store, base, meeting, delivery.subject);
  return composeReminder(store, base, meeting, recipient, now);
}

type Base = Pick<Notification, 'key' | 'moduleName' | 'recipient'>;

async function namesOf(store: Store, tenantId: string, meetings: readonly Meeting[]): Promise<Names> {
  const ids = [...new Set(meetings.flatMap((meeting) => [...meeting.participantIds]))];
  const users = await store.users.findMany(tenantId, ids);
  return new Map(users.map((user) => [user.id, user.displayName]));
}

function summaryOf(meeting: Meeting, recipientId: string, names: Names): MeetingSummary {
  const other = meeting.participantIds.find((id) => id !== recipientId) ?? '';
  return {
    id: meeting.id,
    title: meeting.title,
    start: meeting.start.toISOString(),
    end: meeting.end.toISOString(),
    withName: names.get(other) ?? UNKNOWN,
  };
}

function actionOf(item: Item, names: Names): OpenActionItem {
  return {
    text: item.text,
    url: item.url,
    assigneeName: item.assigneeId ? (names.get(item.assigneeId) ?? UNKNOWN) : null,
    due: item.due,
  };
}

async function composeCreated(
  store: Store,
  base: Base,
  meeting: Meeting,
  subject: string,
): Promise<Composed> {
  const [series] = meeting.seriesId === subject ? await store.series.findManyByIds([subject]) : [];
  const names = await namesOf(store, meeting.tenantId, [meeting]);
  return {
    notification: {
      ...base,
      kind: 'created',
      creatorName: names.get(meeting.ownerId) ?? UNKNOWN,
      recurrence: series
        ? { frequency: series.recurrence.frequency, interval: series.recurrence.interval }
        : null,
      meeting: summaryOf(meeting, base.recipient.id, names),
    },
  };
}

async function composeReminder(
  store: Store,
  base: Base,
  meeting: Meeting,
  recipient: User,
  now: Date,
): Promise<Composed> {
  if (meeting.status !== 'scheduled') return { skip: 'The 1:1 was cancelled.' };
  if (!wantsReminders(recipient.preferences)) return { skip: 'The recipient turned 1:1 notifications off.' };
  if (!isReminderDue(meeting, now)) {
    // Moved later: the reminder moves with it. Started (late run after an outage): too late to remind.
    if (reminderAt(meeting) > now) return { later: reminderAt(meeting) };
    return { skip: 'The 1:1 had started when the reminder could be sent.' };
  }
  const [items, names] = await Promise.all([
    store.items.listForMeeting(meeting.tenantId, meeting.id),
    namesOf(store, meeting.tenantId, [meeting]),
  ]);
  const live = items.filter((item) => item.movedTo === null);
  return {
    notification: {
      ...base,
      kind: 'reminder',
      meeting: summaryOf(meeting, base.recipient.id, names),
      topics: live
        .filter((item) => item.kind === 'topic')
        .map((item) => ({ text: item.text, url: item.url, completed: item.completed })),
      actionItems: live
        .filter((item) => item.kind === 'action' && !item.completed)
        .map((item) => actionOf(item, names)),
    },
  };
}

async function composeSummary(store: Store, base: Base, weekKey: string): Promise<Composed> {
  const { recipient } = base;
  const monday = DateTime.fromISO(weekKey, { zone: recipient.timeZone });
  if (!monday.isValid) return { skip: `Unknown week ${weekKey}.` };
  const weekStart = monday.startOf('day');
  const weekEnd = weekStart.plus({ weeks: 1 });
  const meetings = await store.meetings.listHeldForUserBetween(
    recipient.tenantId,
    recipient.id,
    weekStart.toJSDate(),
    weekEnd.toJSDate(),
  );
  if (meetings.length === 0) return { skip: 'No 1:1 that week.' };
  const [open, names] = await Promise.all([
    openActionItemsByMeeting(store, meetings),
    namesOf(store, recipient.tenantId, meetings),
  ]);
  return {
    notification: {
      ...base,
      kind: 'summary',
      weekStart: weekStart.toUTC().toISO() ?? '',
      weekEnd: weekEnd.toUTC().toISO() ?? '',
      meetings: meetings.map((meeting) => ({
        ...summaryOf(meeting, recipient.id, names),
        openActionItems: (open.get(meeting.id) ?? []).map((item) => actionOf(item, names)),
      })),
    },
  };
}

/**
 * The action items of the week's 1:1s that are still open now. By Sunday most have rolled over: a trace is
 * followed to the copy where the item lives, which decides whether it is still open. An item that moved to
 * another 1:1 of the same week is listed there only.
 */
async function openActionItemsByMeeting(store: Store, meetings: readonly Meeting[]) {
  const weekIds = new Set(meetings.map((meeting) => meeting.id));
  const items = await store.items.listForMeetingIds([...weekIds], 'action');
  const current = await followToCurrent(store, items);
  const open = new Map<string, Item[]>();
  for (const item of items) {
    if (item.completed) continue;
    const now = current.get(item.id) ?? item;
    if (now.completed) continue;
    if (item.movedTo !== null && weekIds.has(now.meetingId)) continue;
    open.set(item.meetingId, [...(open.get(item.meetingId) ?? []), { ...item, text: now.text }]);
  }
  return open;
}

/** Each moved item → its latest copy (roll-over chains are short: one step per 1:1 it stayed open). */
async function followToCurrent(store: Store, items: readonly Item[]): Promise<Map<string, Item>> {
  const current = new Map<string, Item>();
  let frontier = new Map(items.filter((item) => item.movedTo !== null).map((item) => [item.id, item.id]));
  for (let depth = 0; frontier.size > 0 && depth < 50; depth += 1) {
    const copies = await store.items.copiesOf([...frontier.keys()]);
    const next = new Map<string, string>();
    for (const copy of copies) {
      const origin = frontier.get(copy.movedFromItemId ?? '');
      if (origin === undefined) continue;
      current.set(origin, copy);
      if (copy.movedTo !== null) next.set(copy.id, origin);
    }
    frontier = next;
  }
  return current;
}
