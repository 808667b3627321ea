// The Notifier port (ARCHITECTURE.md "Dependency direction"): what a notification says, and the one call that
// delivers it. The bot implements it for Teams; development mode implements it with the inbox.
import type { NotificationKind } from '../domain/notification-schedule.ts';
import type { Recurrence } from '../domain/types.ts';

/** Who gets it, with what the card needs to speak to them (their zone for dates) and to reach them. */
export interface Recipient {
  readonly id: string;
  readonly tenantId: string;
  /** Entra object id: how the bot finds or opens the personal chat. */
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly timeZone: string;
}

/** A 1:1 as a card names it. Instants are ISO 8601 (UTC); the card localises them. */
export interface MeetingSummary {
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  /** The other participant, from the recipient's point of view. */
  readonly withName: string;
}

export interface AgendaTopic {
  readonly text: string;
  readonly url: string | null;
  readonly completed: boolean;
}

export interface OpenActionItem {
  readonly text: string;
  readonly url: string | null;
  readonly assigneeName: string | null;
  /** YYYY-MM-DD. */
  readonly due: string | null;
}

interface NotificationBase {
  readonly key: string;
  readonly kind: NotificationKind;
  /** The module's admin-set name, used wherever a card names the feature. */
  readonly moduleName: string;
  readonly recipient: Recipient;
}

/** SPEC.md: the other participant gets a card right after a 1:1 or series is created. */
export interface CreatedNotification extends NotificationBase {
  readonly kind: 'created';
  readonly creatorName: string;
  readonly recurrence: Pick<Recurrence, 'frequency' | 'interval'> | null;
  /** The 1:1 (or a series' first instance) that the card opens. */
  readonly meeting: MeetingSummary;
}

/** SPEC.md: one hour before each 1:1, with the agenda so far. */
export interface ReminderNotification extends NotificationBase {
  readonly kind: 'reminder';
  readonly meeting: MeetingSummary;
  readonly topics: readonly AgendaTopic[];
  readonly actionItems: readonly OpenActionItem[];
}

/** SPEC.md: Sunday 17:00, the week's 1:1s with their open action items. */
export interface SummaryNotification extends NotificationBase {
  readonly kind: 'summary';
  /** Monday 00:00 and the next Monday 00:00 in the recipient's zone (ISO 8601, UTC). */
  readonly weekStart: string;
  readonly weekEnd: string;
  readonly meetings: readonly (MeetingSummary & { readonly openActionItems: readonly OpenActionItem[] })[];
}

export type Notification = CreatedNotification | ReminderNotification | SummaryNotification;

/**
 * sent: delivered (the development inbox also returns the card it keeps); retry: throttled or a passing
 * failure, try again after `afterMs`; failed: cannot be delivered, for a reason the tab shows.
 */
export type DeliveryOutcome =
  | { readonly status: 'sent'; readonly card: Record<string, unknown> | null }
  | { readonly status: 'retry'; readonly afterMs: number; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

export interface Notifier {
  /** Sends one notification; never throws for a delivery problem, it answers it. */
  deliver(notification: Notification): Promise<DeliveryOutcome>;
}

/** Neither a bot nor development mode: notifications are recorded as undeliverable, never silently lost. */
export const unconfiguredNotifier: Notifier = {
  deliver: async () => ({
    status: 'failed',
    reason: 'The bot is not configured on this server (BOT_ID and BOT_PASSWORD).',
  }),
};
