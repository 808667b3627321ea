// Every screen in light, dark and contrast at the Teams side-panel width (320 px) and a full tab (1280 px):
// a screenshot for people to look at (e2e/screenshots/, git-ignored) and an axe check that must be clean.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createOneOnOne, slot } from '../support/api.ts';
import { axeViolations } from '../support/axe.ts';
import { type DemoUser, demo, launch, open, signedIn, type ThemeName } from '../support/browser.ts';

const shots = path.resolve(import.meta.dirname, '../screenshots');
const themes: ThemeName[] = ['light', 'dark', 'contrast'];
const widths = [320, 1280];

let browser: Browser;
let meetingId = '';

interface Screen {
  name: string;
  user: DemoUser | null;
  /** Opens the screen and waits until it shows what it is about. */
  show: (page: Page) => Promise<void>;
}

const screens: Screen[] = [
  {
    name: 'sign-in',
    user: null,
    show: async (page) => {
      await open(page);
      await page.getByRole('button', { name: `Sign in as ${demo.diego.name}` }).waitFor();
    },
  },
  {
    name: 'my-one-on-ones',
    user: demo.diego,
    show: async (page) => {
      await open(page);
      await page.getByRole('group', { name: /Diego and Alex with Alex Wilber/ }).waitFor();
    },
  },
  {
    name: 'my-one-on-ones-empty',
    user: demo.lynne,
    show: async (page) => {
      await open(page);
      await page.getByRole('tab', { name: 'Archived' }).click();
      await page.getByText('Nothing archived').waitFor();
    },
  },
  {
    name: 'create-dialog',
    user: demo.diego,
    show: async (page) => {
      await open(page);
      await page.getByRole('button', { name: 'Create new 1:1' }).click();
      await page.getByRole('dialog', { name: 'Create new 1:1' }).waitFor();
    },
  },
  {
    name: 'workspace',
    user: demo.diego,
    show: async (page) => {
      await open(page, `?meeting=${meetingId}`);
      await page.getByText('Quarterly goals').waitFor();
      await page.getByText('Draft the hiring plan').waitFor();
    },
  },
  {
    name: 'workspace-menu',
    user: demo.diego,
    show: async (page) => {
      await open(page, `?meeting=${meetingId}`);
      await page.getByRole('button', { name: '1:1 settings' }).click();
      await page.getByRole('menuitem', { name: /Archive this series/ }).waitFor();
    },
  },
  {
    name: 'settings',
    user: demo.diego,
    show: async (page) => {
      await open(page, '?page=settings');
      await page.getByRole('heading', { name: 'My settings' }).waitFor();
    },
  },
  {
    name: 'admin',
    user: demo.adele,
    show: async (page) => {
      await open(page, '?page=admin');
      await page.getByRole('textbox', { name: /Module name/ }).waitFor();
      await page.getByRole('table', { name: '1:1s held per week' }).waitFor();
    },
  },
  {
    name: 'dev-inbox',
    user: demo.alex,
    show: async (page) => {
      await open(page);
      await page.getByRole('button', { name: 'Inbox' }).click();
      await page.getByRole('dialog').getByText('Inbox (development)').waitFor();
    },
  },
];

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launch();
  const card = await createOneOnOne(demo.diego, {
    participantId: demo.alex.id,
    title: 'Diego and Alex',
    ...slot(2),
    repeat: 'biweekly',
  });
  meetingId = card.nextMeeting?.id ?? '';
  await call(demo.diego, 'POST', `/meetings/${meetingId}/topics`, { text: 'Quarterly goals' });
  await call(demo.alex, 'POST', `/meetings/${meetingId}/topics`, { text: 'https://contoso.test/roadmap' });
  await call(demo.alex, 'POST', `/meetings/${meetingId}/action-items`, {
    text: 'Draft the hiring plan',
    assigneeId: demo.diego.id,
    due: '2030-01-15',
  });
  await call(demo.diego, 'PUT', `/meetings/${meetingId}/shared-notes`, {
    text: '## Notes\n- shipped the **beta**\n- next: pricing',
    baseVersion: 0,
  });
  await call(demo.diego, 'PUT', `/meetings/${meetingId}/private-note`, {
    text: 'Remember to ask about leave',
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('every screen, every theme, side panel and full width', () => {
  for (const screen of screens) {
    it(`${screen.name}: screenshots and no axe violations`, async () => {
      const found: string[] = [];
      for (const theme of themes) {
        for (const width of widths) {
          const { context, page } = await signedIn(browser, screen.user, { width, theme });
          await screen.show(page);
          await page.screenshot({
            path: path.join(shots, `${screen.name}-${theme}-${width}.png`),
            fullPage: true,
          });
          for (const line of await axeViolations(page)) found.push(`${theme} ${width}px: ${line}`);
          await context.close();
        }
      }
      expect(found).toEqual([]);
    });
  }
});
