// Bench of the tab (issue 5 goals: ≤ 200 KB gzip of JavaScript on the first load of a workspace, ≤ 1 s to an
// interactive workspace): builds the tab, starts the real server, loads a workspace 10 times in headless
// Debian Chromium with a cold cache, and prints the JS/CSS that load needed (gzip) and the median times.
// Run: node bench/tab/run.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../e2e/support/start-server.ts';

const loads = 10;
const user = '665f00000000000000000002'; // Megan Bowen, who has seeded demo 1:1s with agendas
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Gzip size of a built asset, as a server compressing it would send it. */
const server = await startServer();
function gzipSize(assetPath: string): number {
  return gzipSync(readFileSync(path.join(server.tabDir, assetPath)), { level: 9 }).length;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: flags,
});
try {
  const cards = (await (
    await fetch(`${server.baseUrl}/api/v1/one-on-ones?view=upcoming`, {
      headers: { Authorization: `Dev ${user}` },
    })
  ).json()) as { nextMeeting: { id: string } | null }[];
  const meetingId = cards.find((card) => card.nextMeeting)?.nextMeeting?.id;
  if (!meetingId) throw new Error('The demo user has no upcoming 1:1 to open');

  const interactive: number[] = [];
  const contentLoaded: number[] = [];
  let assets = new Set<string>();
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Page scripts as strings: this workspace type-checks for Node, without the DOM's types.
    await context.addInitScript(`window.localStorage.setItem('one-on-ones.dev-user', '${user}')`);
    const page = await context.newPage();
    const seen = new Set<string>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/assets/')) seen.add(url.pathname.slice(1));
    });
    await page.goto(`${server.baseUrl}/?meeting=${meetingId}`);
    // Interactive: the agenda accepts a new topic (the data is there and the handlers are attached).
    await page.getByRole('textbox', { name: 'New topic' }).waitFor();
    interactive.push(await page.evaluate(() => performance.now()));
    contentLoaded.push(
      Number(
        await page.evaluate("performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0"),
      ),
    );
    assets = seen;
    await context.close();
  }

  const js = [...assets].filter((asset) => asset.endsWith('.js'));
  const css = [...assets].filter((asset) => asset.endsWith('.css'));
  const jsGzip = js.reduce((sum, asset) => sum + gzipSize(asset), 0);
  const cssGzip = css.reduce((sum, asset) => sum + gzipSize(asset), 0);
  console.log(`tab: first load of a workspace (${loads} cold loads, headless Chromium, localhost)`);
  console.log(`  JavaScript: ${kb(jsGzip)} gzip in ${js.length} files (goal ≤ 200 KB)`);
  console.log(
    `  CSS files:  ${kb(cssGzip)} gzip in ${css.length} files (Fluent UI injects its styles from JavaScript)`,
  );
  for (const asset of js.sort((a, b) => gzipSize(b) - gzipSize(a)))
    console.log(`    ${asset}  ${kb(gzipSize(asset))}`);
  console.log(`  DOMContentLoaded: median ${median(contentLoaded).toFixed(0)} ms`);
  console.log(
    `  interactive workspace: median ${median(interactive).toFixed(0)} ms, max ${Math.max(...interactive).toFixed(0)} ms (goal ≤ 1000 ms)`,
  );
} finally {
  await browser.close();
  await server.stop();
}
