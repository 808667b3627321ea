// SPEC.md "Notifications (bot)": each card is valid Adaptive Card 1.5, names the module as the admin set it, shows
// times in the recipient's zone and deep-links to the 1:1 in the tab.
import type { CreatedNotification, ReminderNotification, SummaryNotification } from 'api/notify';
import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../test/adaptive-card-schema.ts';
import { createDeepLinks } from '../deep-links.ts';
import { upcomingCard } from './command-cards.ts';
import { renderCard } from './notification-cards.ts';

const TEAMS_APP_ID = '11111111-2222-4333-8444-555555555555';
const context = {
  links: createDeepLinks({ teamsAppId: TEAMS_APP_ID, publicUrl: 'https://one-on-ones.contoso.test' }),
  locale: 'en-GB',
};
const recipient = {
  id: '64b000000000000000000001',
  tenantId: 'aaaaaaaa-0000-4000-8000-00000000000a',
  aadObjectId: '00000000-0000-4000-8000-000000000001',
  displayName: 'Pat Partner',
  timeZone: 'America/New_York',
};
const meeting = {
  id: '64b0000000000000000000aa',
  title: 'Career chat',
  start: '2026-03-10T14:00:00.000Z',
  end: '2026-03-10T14:30:00.000Z',
  withName: 'Olivia Owner',
};

const created: CreatedNotification = {
  key: 'created:x:y',
  kind: 'created',
  moduleName: 'Team 1:1s',
  recipient,
  creatorName: 'Olivia Owner',
  recurrence: { frequency: 'weekly', interval: 2 },
  meeting,
};
const reminder: ReminderNotification = {
  key: 'reminder:x:y',
  kind: 'reminder',
  moduleName: 'Team 1:1s',
  recipient,
  meeting,
  topics: [
    { text: 'Promotion timeline', url: null, completed: false },
    { text: 'Offsite', url: null, completed: true },
  ],
  actionItems: [{ text: 'Send the deck', url: null, assigneeName: 'Pat Partner', due: '2026-03-12' }],
};
const summary: SummaryNotification = {
  key: 'summary:2026-W10:y',
  kind: 'summary',
  moduleName: 'Team 1:1s',
  recipient,
  weekStart: '2026-03-02T05:00:00.000Z',
  weekEnd: '2026-03-09T04:00:00.000Z',
  meetings: [{ ...meeting, openActionItems: reminder.actionItems }],
};

describe('notification cards', () => {
  it.each([
    ['creation', created],
    ['reminder', reminder],
    ['summary', summary],
  ] as const)('the %s card is valid Adaptive Card 1.5 JSON', (_name, notification) => {
    const card = renderCard(notification, context);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card).toMatchSnapshot();
  });

  it('an invalid card is caught by the schema check', () => {
    expect(
      adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }),
    ).not.toEqual([]);
  });

  it("shows times in the recipient's zone and the module's admin-set name", () => {
    const text = JSON.stringify(renderCard(reminder, context));
    expect(text).toContain('10:00–10:30');
    expect(text).toContain('Team 1:1s');
  });

  it('deep-links to the 1:1 in the personal tab', () => {
    const text = JSON.stringify(renderCard(created, context));
    const link = context.links.meeting(meeting.id);
    expect(link).toContain(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/one-on-ones`);
    expect(decodeURIComponent(link)).toContain(`"subEntityId":"meeting:${meeting.id}"`);
    expect(text).toContain(JSON.stringify(link).slice(1, -1));
  });

  it('the "my 1:1s" card is valid and links each 1:1', () => {
    const card = upcomingCard(
      {
        moduleName: '1:1s',
        enabled: true,
        recipient,
        meetings: [meeting, { ...meeting, id: '64b0000000000000000000bb' }],
      },
      context.links,
      'en-GB',
    );
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('64b0000000000000000000bb');
  });
});
