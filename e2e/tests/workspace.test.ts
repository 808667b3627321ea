// Two participants in two browsers: create a series, then agenda, action items, notes and live updates.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, workspace } from '../support/api.ts';
import { demo, launch, open, signedIn } from '../support/browser.ts';

let browser: Browser;
let lynne: Page;
let diego: Page;
let meetingId = '';
let seriesId = '';

/** The order of a list's items as their texts. */
async function itemTexts(page: Page, list: 'Agenda' | 'Action items'): Promise<string[]> {
  return page
    .getByRole('list', { name: list })
    .getByRole('listitem')
    .evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('aria-label')?.replace(/^(topic|action item): /, '') ?? ''),
    );
}

async function addTopic(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'New topic' }).fill(text);
  await page.getByRole('textbox', { name: 'New topic' }).press('Enter');
}

beforeAll(async () => {
  browser = await launch();
  lynne = (await signedIn(browser, demo.lynne)).page;
  diego = (await signedIn(browser, demo.diego)).page;
});

afterAll(async () => {
  await browser?.close();
});

describe('a 1:1 between two people, each in their own browser', () => {
  it('a new user creates a weekly series from scratch with the people picker', async () => {
    await open(lynne);
    await lynne.getByRole('button', { name: 'Create new 1:1' }).click();
    const dialog = lynne.getByRole('dialog', { name: 'Create new 1:1' });
    await dialog.getByRole('combobox', { name: /Who/ }).fill('Diego');
    await lynne.getByRole('option', { name: /Diego Siciliani/ }).click();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Lynne and Diego weekly');
    await dialog.getByRole('combobox', { name: 'Repeat' }).selectOption('weekly');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect
      .poll(() => new URL(lynne.url()).searchParams.get('meeting'), { timeout: 10_000 })
      .toBeTruthy();
    meetingId = new URL(lynne.url()).searchParams.get('meeting') ?? '';
    await lynne.getByRole('heading', { name: 'Lynne and Diego weekly' }).waitFor();
    seriesId = (await workspace(demo.lynne, meetingId)).seriesId ?? '';
    expect(seriesId).not.toBe('');
  });

  it('the other participant finds it in My 1:1s and opens the same workspace', async () => {
    await open(diego);
    await diego.getByRole('group', { name: 'Lynne and Diego weekly with Lynne Robbins' }).click();
    await diego.getByRole('heading', { name: 'Lynne and Diego weekly' }).waitFor();
    expect(new URL(diego.url()).searchParams.get('meeting')).toBe(meetingId);
  });

  it('changes by the other participant appear live, within 2 s, without reloading', async () => {
    await addTopic(lynne, 'Lynne: project handover');
    await diego.getByText('Lynne: project handover').waitFor({ timeout: 2_000 });
    await addTopic(diego, 'Diego: conference budget');
    await lynne.getByText('Diego: conference budget').waitFor({ timeout: 2_000 });
  });

  it('either participant reorders topics, with buttons, keyboard and drag and drop', async () => {
    await diego.getByRole('button', { name: 'Move topic Diego: conference budget up' }).click();
    await expect
      .poll(() => itemTexts(lynne, 'Agenda'), { timeout: 3_000 })
      .toEqual(['Diego: conference budget', 'Lynne: project handover']);
    await lynne.getByRole('button', { name: 'Reorder topic Lynne: project handover' }).press('Alt+ArrowUp');
    await expect
      .poll(() => itemTexts(diego, 'Agenda'), { timeout: 3_000 })
      .toEqual(['Lynne: project handover', 'Diego: conference budget']);
    await lynne
      .getByRole('listitem', { name: 'topic: Diego: conference budget' })
      .dragTo(lynne.getByRole('listitem', { name: 'topic: Lynne: project handover' }));
    await expect
      .poll(() => itemTexts(diego, 'Agenda'), { timeout: 3_000 })
      .toEqual(['Diego: conference budget', 'Lynne: project handover']);
  });

  it("either participant completes a topic; the author's own topic is the only one they can delete", async () => {
    // click, not check(): the label turns into "Reopen …" as soon as it is done.
    await diego.getByRole('checkbox', { name: 'Complete topic Lynne: project handover' }).click();
    await lynne
      .getByRole('checkbox', { name: 'Reopen topic Lynne: project handover' })
      .waitFor({ timeout: 3_000 });
    const theirs = lynne.getByRole('button', { name: 'Delete topic Diego: conference budget' });
    expect(await theirs.getAttribute('aria-disabled')).toBe('true');
    await lynne.getByRole('button', { name: 'Delete topic Lynne: project handover' }).click();
    await expect
      .poll(() => itemTexts(diego, 'Agenda'), { timeout: 3_000 })
      .toEqual(['Diego: conference budget']);
  });

  it('either participant may delete an action item, which may name an assignee', async () => {
    await diego.getByRole('textbox', { name: 'New action item' }).fill('Send the budget sheet');
    await diego.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Me (Diego Siciliani)' });
    await diego.getByRole('form', { name: 'Add action item' }).getByRole('button', { name: 'Add' }).click();
    await lynne.getByText('Assigned to Diego Siciliani').waitFor({ timeout: 3_000 });
    await lynne.getByRole('button', { name: 'Delete action item Send the budget sheet' }).click();
    await expect.poll(() => itemTexts(diego, 'Action items').catch(() => []), { timeout: 3_000 }).toEqual([]);
  });

  it('shared notes edited by both at once lose nothing', async () => {
    const lynneNotes = lynne.getByRole('textbox', { name: 'Shared notes (Markdown)' });
    const diegoNotes = diego.getByRole('textbox', { name: 'Shared notes (Markdown)' });
    await lynneNotes.fill('Goals\n');
    await lynneNotes.blur();
    await expect.poll(() => diegoNotes.inputValue(), { timeout: 3_000 }).toBe('Goals\n');
    // Both type at the same time, on different lines, from the same version.
    await Promise.all([lynneNotes.fill('Lynne line\nGoals\n'), diegoNotes.fill('Goals\nDiego line\n')]);
    await Promise.all([lynneNotes.blur(), diegoNotes.blur()]);
    const both = 'Lynne line\nGoals\nDiego line\n';
    await expect.poll(() => lynneNotes.inputValue(), { timeout: 5_000 }).toBe(both);
    await expect.poll(() => diegoNotes.inputValue(), { timeout: 5_000 }).toBe(both);
    expect((await workspace(demo.diego, meetingId)).sharedNotes.text).toBe(both);
  });

  it('a private note is never shown to the other participant', async () => {
    const note = lynne.getByRole('textbox', { name: 'Private notes' });
    await note.fill('Ask about the promotion');
    await note.blur();
    await lynne.getByText('Only you can see these. Saved').waitFor({ timeout: 3_000 });
    expect((await workspace(demo.lynne, meetingId)).privateNote?.text).toBe('Ask about the promotion');
    expect((await workspace(demo.diego, meetingId)).privateNote?.text ?? '').toBe('');
    await diego.reload();
    await diego.getByRole('heading', { name: 'Lynne and Diego weekly' }).waitFor();
    expect(await diego.getByText('Ask about the promotion').count()).toBe(0);
  });

  it('the show/hide toggle hides my private notes and is remembered', async () => {
    await lynne.getByRole('switch', { name: 'Show my private notes' }).click();
    await lynne.getByText(/Hidden \(handy while you share your screen\)/).waitFor();
    await lynne.reload();
    await lynne.getByText(/Hidden \(handy while you share your screen\)/).waitFor();
    expect(await lynne.getByText('Ask about the promotion').count()).toBe(0);
    await lynne.getByRole('switch', { name: 'Show my private notes' }).click();
    await lynne.getByRole('textbox', { name: 'Private notes' }).waitFor();
  });

  it('deep links ?series=<id> and ?meeting=<id> open the right workspace', async () => {
    await open(diego, `?series=${seriesId}`);
    await expect
      .poll(() => new URL(diego.url()).searchParams.get('meeting'), { timeout: 5_000 })
      .toBe(meetingId);
    await diego.getByRole('heading', { name: 'Lynne and Diego weekly' }).waitFor();
    await open(lynne, `?meeting=${meetingId}`);
    await lynne.getByRole('heading', { name: 'Lynne and Diego weekly' }).waitFor();
  });

  it('one series per pair: a second series with the same person is refused with a link to the first', async () => {
    await expect(
      call(demo.diego, 'POST', '/one-on-ones', {
        participantId: demo.lynne.id,
        title: 'Again',
        start: new Date(Date.now() + 86_400_000).toISOString(),
        end: new Date(Date.now() + 88_200_000).toISOString(),
        repeat: 'weekly',
      }),
    ).rejects.toThrow(/409/);
  });
});
