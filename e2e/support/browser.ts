// Debian's Chromium through playwright-core (never a downloaded browser), and sign-in as a demo user.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface DemoUser {
  id: string;
  name: string;
}

export const demo: Record<'adele' | 'megan' | 'alex' | 'lynne' | 'diego', DemoUser> = {
  adele: { id: '665f00000000000000000001', name: 'Adele Vance' },
  megan: { id: '665f00000000000000000002', name: 'Megan Bowen' },
  alex: { id: '665f00000000000000000003', name: 'Alex Wilber' },
  lynne: { id: '665f00000000000000000004', name: 'Lynne Robbins' },
  diego: { id: '665f00000000000000000005', name: 'Diego Siciliani' },
};

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium (see .ci/run)`);
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export type ThemeName = 'light' | 'dark' | 'contrast';

/** A browser context signed in as `user` through the browser host's development sign-in. */
export async function signedIn(
  browser: Browser,
  user: DemoUser | null,
  options: { width?: number; theme?: ThemeName } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  await context.addInitScript(
    ({ userId, theme }) => {
      if (userId) window.localStorage.setItem('one-on-ones.dev-user', userId);
      window.localStorage.setItem('one-on-ones.theme', theme);
    },
    { userId: user?.id ?? null, theme: options.theme ?? 'light' },
  );
  const page = await context.newPage();
  return { context, page };
}

export async function open(page: Page, search = ''): Promise<void> {
  await page.goto(`${baseUrl()}/${search}`);
}
