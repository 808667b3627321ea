// Archive rules through the clock, and the admin's module name reaching another user.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createOneOnOne, setClock, slot } from '../support/api.ts';
import { demo, launch, open, signedIn } from '../support/browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await setClock(null);
  await browser?.close();
});

describe('archive rules', () => {
  it('only a past 1:1 can be archived; archived it moves to Archived for both, and either can unarchive', async () => {
    const when = slot(1);
    const card = await createOneOnOne(demo.alex, {
      participantId: demo.lynne.id,
      title: 'Alex and Lynne, once',
      ...when,
      repeat: 'none',
    });
    const { page: alex } = await signedIn(browser, demo.alex);
    await open(alex, `?meeting=${card.id}`);
    await alex.getByRole('button', { name: '1:1 settings' }).click();
    const archive = alex.getByRole('menuitem', { name: /Archive this 1:1/ });
    expect(await archive.getAttribute('aria-disabled')).toBe('true');
    await alex.getByText('Only a past 1:1 can be archived.').waitFor();
    await alex.keyboard.press('Escape');

    // A day after the meeting, on the server and (through the development clock) in the tab.
    await setClock(new Date(new Date(when.end).getTime() + 86_400_000));
    await alex.reload();
    await alex.getByRole('button', { name: '1:1 settings' }).click();
    await alex.getByRole('menuitem', { name: /Archive this 1:1/ }).click();
    await alex.getByRole('alertdialog').getByRole('button', { name: 'Archive' }).click();
    await alex.getByText('Archived', { exact: true }).first().waitFor();

    const { page: lynne } = await signedIn(browser, demo.lynne);
    await open(lynne);
    await lynne.getByRole('tab', { name: 'Archived' }).click();
    await lynne.getByRole('group', { name: /Alex and Lynne, once/ }).click();
    await lynne.getByRole('button', { name: '1:1 settings' }).click();
    await lynne.getByRole('menuitem', { name: /Unarchive this 1:1/ }).click();
    await lynne.getByRole('alertdialog').getByRole('button', { name: 'Unarchive' }).click();
    await expect
      .poll(
        async () => (await call<{ archived: boolean }>(demo.alex, 'GET', `/meetings/${card.id}`)).archived,
      )
      .toBe(false);
  });

  it('only the owner can delete, and never a past 1:1', async () => {
    const card = await createOneOnOne(demo.lynne, {
      participantId: demo.diego.id,
      title: 'Lynne and Diego, once',
      ...slot(3),
      repeat: 'none',
    });
    const { page: diego } = await signedIn(browser, demo.diego);
    await open(diego, `?meeting=${card.id}`);
    await diego.getByRole('button', { name: '1:1 settings' }).click();
    expect(await diego.getByRole('menuitem', { name: /Delete this 1:1/ }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await diego.getByText('Only the person who created this 1:1 can delete it.').waitFor();
  });
});

describe('admin', () => {
  it('the admin page renames the module and the new name shows for a user', async () => {
    const { page: adele } = await signedIn(browser, demo.adele);
    await open(adele, '?page=admin');
    const name = adele.getByRole('textbox', { name: /Module name/ });
    await name.fill('Check-ins');
    await adele.getByRole('button', { name: 'Save name' }).click();
    await adele.getByRole('heading', { name: 'Check-ins', level: 1 }).waitFor();

    const { page: diego } = await signedIn(browser, demo.diego);
    await open(diego);
    await diego.getByRole('heading', { name: 'My Check-ins' }).waitFor();
    expect(await diego.title()).toBe('Check-ins');

    await name.fill('1:1s');
    await adele.getByRole('button', { name: 'Save name' }).click();
    await adele.getByRole('heading', { name: '1:1s', level: 1 }).waitFor();
  });
});
