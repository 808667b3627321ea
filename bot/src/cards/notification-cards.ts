// The three notification cards of SPEC.md "Notifications (bot)": creation, one-hour reminder, Sunday summary.
// Each names the module as the admin set it, shows times in the recipient's zone and deep-links to the 1:1.
import type {
  CreatedNotification,
  Notification,
  OpenActionItem,
  ReminderNotification,
  SummaryNotification,
} from 'api/notify';
import type { DeepLinks } from '../deep-links.ts';
import {
  adaptiveCard,
  bullets,
  type CardJson,
  dueDay,
  facts,
  heading,
  oneLine,
  openUrl,
  text,
  timeRange,
  weekRange,
} from './card-parts.ts';

export interface CardContext {
  readonly links: DeepLinks;
  /** BCP 47 locale of dates and times (the recipient's zone always applies). */
  readonly locale: string;
}

const REPEATS: Record<string, string> = {
  'weekly 1': 'Every week',
  'weekly 2': 'Every 2 weeks',
  'weekly 3': 'Every 3 weeks',
  'monthly 1': 'Every month',
};

export function actionLine(item: OpenActionItem, locale: string): string {
  const parts = [oneLine(item.text)];
  if (item.assigneeName) parts.push(`(${oneLine(item.assigneeName, 80)})`);
  if (item.due) parts.push(`· due ${dueDay(item.due, locale)}`);
  return parts.join(' ');
}

export function createdCard(n: CreatedNotification, context: CardContext): CardJson {
  const { meeting, recipient } = n;
  const when = timeRange(meeting.start, meeting.end, recipient.timeZone, context.locale);
  const repeat = n.recurrence ? REPEATS[`${n.recurrence.frequency} ${n.recurrence.interval}`] : null;
  return adaptiveCard(
    [
      text(n.moduleName, { subtle: true }),
      heading(`${oneLine(n.creatorName, 80)} set up a 1:1 with you`),
      facts([
        ['Title', oneLine(meeting.title, 200)],
        [n.recurrence ? 'First 1:1' : 'When', when],
        ...(repeat ? ([['Repeats', repeat]] as const) : []),
      ]),
      text('Add the topics you want to talk about: both of you see and shape the agenda.'),
    ],
    [openUrl('Open the 1:1', context.links.meeting(meeting.id))],
  );
}

export function reminderCard(n: ReminderNotification, context: CardContext): CardJson {
  const { meeting, recipient } = n;
  // Adaptive Cards' Markdown has no strikethrough: a done topic is ticked.
  const topics = n.topics.map((topic) =>
    topic.completed ? `✓ ${oneLine(topic.text)}` : oneLine(topic.text),
  );
  return adaptiveCard(
    [
      text(n.moduleName, { subtle: true }),
      heading(`In one hour: ${oneLine(meeting.title, 200)}`),
      text(
        `With ${oneLine(meeting.withName, 80)} · ${timeRange(meeting.start, meeting.end, recipient.timeZone, context.locale)}`,
        {
          subtle: true,
        },
      ),
      text('Agenda so far', { bold: true }),
      bullets(topics, 'No topics yet: add one before you meet.'),
      text('Open action items', { bold: true }),
      bullets(
        n.actionItems.map((item) => actionLine(item, context.locale)),
        'No open action items.',
      ),
    ],
    [openUrl('Open the agenda', context.links.meeting(meeting.id))],
  );
}

export function summaryCard(n: SummaryNotification, context: CardContext): CardJson {
  const { recipient } = n;
  const open = n.meetings.reduce((sum, meeting) => sum + meeting.openActionItems.length, 0);
  const body: CardJson[] = [
    text(n.moduleName, { subtle: true }),
    heading(`Your week of 1:1s: ${weekRange(n.weekStart, n.weekEnd, recipient.timeZone, context.locale)}`),
    text(
      `${n.meetings.length === 1 ? 'One 1:1' : `${n.meetings.length} 1:1s`}, ${open === 0 ? 'no' : open} open action ${open === 1 ? 'item' : 'items'}.`,
    ),
  ];
  for (const meeting of n.meetings) {
    body.push({
      type: 'Container',
      separator: true,
      selectAction: openUrl('Open', context.links.meeting(meeting.id)),
      items: [
        text(`${oneLine(meeting.title, 200)} · with ${oneLine(meeting.withName, 80)}`, { bold: true }),
        text(timeRange(meeting.start, meeting.end, recipient.timeZone, context.locale), { subtle: true }),
        bullets(
          meeting.openActionItems.map((item) => actionLine(item, context.locale)),
          'No open action items.',
        ),
      ],
    });
  }
  return adaptiveCard(body, [openUrl(`Open ${n.moduleName}`, context.links.list())]);
}

/** The card of any notification. */
export function renderCard(notification: Notification, context: CardContext): CardJson {
  switch (notification.kind) {
    case 'created':
      return createdCard(notification, context);
    case 'reminder':
      return reminderCard(notification, context);
    case 'summary':
      return summaryCard(notification, context);
  }
}
