// SPEC.md "Outlook meeting side panel", in Chromium at the task pane's 320 px with the Office.js test double:
// an unlinked two-person meeting offers "Create 1:1 from this meeting" (organizer form), a linked one shows its
// workspace (attendee form), a meeting of more people says why it cannot be one; light, dark and contrast, axe.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api.ts';
import { axeViolations } from '../support/axe.ts';
import { baseUrl, demo, launch, signedIn, type ThemeName } from '../support/browser.ts';
import { type DoubleAppointment, type DoublePerson, serveOfficeDouble } from '../support/office-double.ts';

const shots = path.resolve(import.meta.dirname, '../screenshots');
const adele: DoublePerson = { email: 'adele.vance@contoso.test', name: demo.adele.name };
const diego: DoublePerson = { email: 'diego.siciliani@contoso.test', name: demo.diego.name };
const alex: DoublePerson = { email: 'alex.wilber@contoso.test', name: demo.alex.name };

interface DemoEvent {
  id: string;
  eventId: string;
  subject: string;
  start: string;
  end: string;
}

let browser: Browser;
let coffee: DemoEvent;
let designSync: DemoEvent;

async function demoEvent(eventId: string): Promise<DemoEvent> {
  const { events } = await call<{ events: DemoEvent[] }>(
    null,
    'GET',
    `/dev/calendar/events?userId=${demo.adele.id}`,
  );
  const found = events.find((event) => event.eventId === eventId);
  if (!found) throw new Error(`no demo event ${eventId}`);
  return found;
}

const appointment = (event: DemoEvent, mode: DoubleAppointment['mode'], attendees: DoublePerson[]) => ({
  mode,
  restId: event.id,
  seriesMasterRestId: event.id === event.eventId ? null : event.eventId,
  subject: event.subject,
  start: event.start,
  end: event.end,
  organizer: adele,
  attendees,
  user: adele,
});

async function openPanel(item: DoubleAppointment, theme: ThemeName = 'light') {
  const { context, page } = await signedIn(browser, demo.adele, { width: 320, theme });
  await serveOfficeDouble(context, {
    ...item,
    bodyBackgroundColor: theme === 'dark' ? '#292929' : '#ffffff',
  });
  if (theme === 'contrast') await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${baseUrl()}/?host=outlook`);
  return { context, page };
}

async function checkThemes(name: string, item: DoubleAppointment, ready: (page: Page) => Promise<void>) {
  const found: string[] = [];
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    const { context, page } = await openPanel(item, theme);
    await ready(page);
    await page.screenshot({ path: path.join(shots, `${name}-${theme}-320.png`), fullPage: true });
    for (const line of await axeViolations(page)) found.push(`${theme}: ${line}`);
    await context.close();
  }
  return found;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launch();
  await call(demo.adele, 'POST', '/calendar/connect/microsoft', {});
  coffee = await demoEvent('demo-adele-diego-coffee');
  designSync = await demoEvent('demo-adele-design-sync');
});

afterAll(async () => {
  await browser?.close();
});

describe('Outlook meeting side panel', () => {
  it('an unlinked two-person meeting offers "Create 1:1 from this meeting", which opens its workspace', async () => {
    const item = appointment(coffee, 'organizer', [diego]);
    const create = (page: Page) =>
      page.getByRole('button', { name: 'Create 1:1 from this meeting' }).waitFor();
    expect(await checkThemes('outlook-create', item, create)).toEqual([]);

    const { context, page } = await openPanel(item);
    await page.getByRole('button', { name: 'Create 1:1 from this meeting' }).click();
    await page.getByRole('heading', { name: 'Coffee with Diego' }).waitFor();
    await page.getByRole('textbox', { name: 'New topic' }).waitFor();
    await context.close();
  });

  it('a linked meeting opened as an attendee shows its workspace', async () => {
    const item = appointment(coffee, 'attendee', [diego]);
    const workspace = (page: Page) => page.getByRole('heading', { name: 'Coffee with Diego' }).waitFor();
    expect(await checkThemes('outlook-workspace', item, workspace)).toEqual([]);
  });

  it('a meeting of more than two people says why it cannot be a 1:1', async () => {
    const item = appointment(designSync, 'attendee', [diego, alex]);
    const why = (page: Page) => page.getByText('This meeting has 3 people.', { exact: false }).waitFor();
    expect(await checkThemes('outlook-not-a-one-on-one', item, why)).toEqual([]);
    const { context, page } = await openPanel(item);
    await why(page);
    expect(await page.getByRole('button', { name: 'Create 1:1 from this meeting' }).count()).toBe(0);
    await context.close();
  });
});
