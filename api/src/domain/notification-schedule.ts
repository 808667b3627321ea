// When the bot's notifications are due (SPEC.md "Notifications") and the key that makes each one exactly-once.
import { DateTime } from 'luxon';
import { RuleError } from './rule-error.ts';
import type { Id, Meeting, UserPreferences } from './types.ts';

export const REMINDER_LEAD_MS = 60 * 60 * 1000;
/** The Sunday summary goes out at 17:00 in the recipient's zone. */
export const SUMMARY_HOUR = 17;

export const NOTIFICATION_KINDS = ['created', 'reminder', 'summary'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function reminderAt(meeting: Pick<Meeting, 'start'>): Date {
  return new Date(meeting.start.getTime() - REMINDER_LEAD_MS);
}

/**
 * A reminder is due from one hour before the 1:1 until it starts, computed from the current start so it
 * moves with the meeting; never for a cancelled or deleted 1:1. A run that comes late (after a restart)
 * still sends it while the 1:1 has not started.
 */
export function isReminderDue(meeting: Pick<Meeting, 'start' | 'status' | 'deleted'>, now: Date): boolean {
  if (meeting.status !== 'scheduled' || meeting.deleted) return false;
  return reminderAt(meeting).getTime() <= now.getTime() && now.getTime() < meeting.start.getTime();
}

/** The one-hour reminder is the only notification a user can turn off. */
export function wantsReminders(preferences: Pick<UserPreferences, 'reminderBeforeMeeting'>): boolean {
  return preferences.reminderBeforeMeeting;
}

export type SummaryWeek = {
  /** Monday 00:00 in the recipient's zone. */
  weekStart: Date;
  /** The next Monday 00:00: the week's 1:1s are those starting in [weekStart, weekEnd). */
  weekEnd: Date;
  /** Sunday 17:00 of that week, in the recipient's zone. */
  sendAt: Date;
  /** ISO week, e.g. "2025-W11": the summary's part of its delivery key. */
  weekKey: string;
};

/**
 * The latest week whose Sunday 17:00 (recipient's zone) is not after `now`: the summary a run at `now`
 * should make sure was sent. We read "the Sunday after a week (Monday–Sunday)" as that week's own Sunday,
 * at the end of its working days, so the summary is about the week just lived.
 */
export function summaryWeek(now: Date, timeZone: string): SummaryWeek {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RuleError('INVALID_TIME_ZONE');
  const thisMonday = local.startOf('week');
  const thisSend = thisMonday.plus({ days: 6 }).set({ hour: SUMMARY_HOUR });
  const monday = thisSend <= local ? thisMonday : thisMonday.minus({ weeks: 1 });
  return {
    weekStart: monday.toJSDate(),
    weekEnd: monday.plus({ weeks: 1 }).toJSDate(),
    sendAt: monday.plus({ days: 6 }).set({ hour: SUMMARY_HOUR }).toJSDate(),
    weekKey: monday.toFormat("kkkk-'W'WW"),
  };
}

/**
 * The unique key of one notification: at most one per (kind, meeting or week, recipient), whatever the
 * number of processes, crashes or restarts. It does not include the time, so a moved 1:1 is not reminded twice.
 */
export function deliveryKey(kind: NotificationKind, subjectId: Id, recipientId: Id): string {
  return `${kind}:${subjectId}:${recipientId}`;
}
