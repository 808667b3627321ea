// What the bot answers in its personal chat: the help text and the "my 1:1s" card (the next five, deep-linked).
import type { UpcomingOneOnOnes } from 'api/bot-directory';
import type { DeepLinks } from '../deep-links.ts';
import { adaptiveCard, type CardJson, heading, oneLine, openUrl, text, timeRange } from './card-parts.ts';

export function helpText(moduleName: string): string {
  return [
    `I am the ${moduleName} bot. I tell you when someone sets up a 1:1 with you, remind you an hour before`,
    'each 1:1 with its agenda, and send a summary of your week on Sunday evening.',
    '',
    'Write **my 1:1s** to see your next five 1:1s, or **help** to see this again.',
    `Reminders can be turned off in ${moduleName} → My settings → Notifications.`,
  ].join('\n');
}

export function upcomingCard(upcoming: UpcomingOneOnOnes, links: DeepLinks, locale: string): CardJson {
  const { recipient, moduleName } = upcoming;
  if (!upcoming.enabled) {
    return adaptiveCard([text(`${moduleName} is disabled for your organization.`)], []);
  }
  const rows: CardJson[] = upcoming.meetings.map((meeting) => ({
    type: 'Container',
    separator: true,
    selectAction: openUrl('Open', links.meeting(meeting.id)),
    items: [
      text(`${oneLine(meeting.title, 200)} · with ${oneLine(meeting.withName, 80)}`, { bold: true }),
      text(timeRange(meeting.start, meeting.end, recipient.timeZone, locale), { subtle: true }),
    ],
  }));
  return adaptiveCard(
    [
      text(moduleName, { subtle: true }),
      heading('Your next 1:1s'),
      ...(rows.length > 0 ? rows : [text('No 1:1 coming up. Create one in the app.')]),
    ],
    [openUrl(`Open ${moduleName}`, links.list())],
  );
}
