// Plan files (`.accord`) between two computers with no connection: two browser contexts, each a
// computer with its own copy. A file saved on one opens on the other; after both copies changed,
// opening the newer file merges it and both changes are there. A damaged or foreign file says
// what is wrong and changes nothing. With a stand-in for the desktop shell (window.accord, as the
// preload gives it), a file opened from outside the app (which main reads and hands the page) is
// merged and its plan opened, File > Open plan file… reports main's refusal in the UI language,
// File > Export… opens the export panel, and a file of a server plan the user only views is
// refused as in a browser and changes nothing.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import en from '../../shared/i18n/ui/en';
import { expect, joinInBrowser, test } from './fixtures';
import { seedPlan } from './seed';

/** Saves the open plan as a file from the Plan & members screen; returns the file's bytes. */
async function savePlanFile(page: Page): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: en.nav.plan }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: en.planFile.save }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

async function addOrganisation(page: Page, name: string) {
  await page.getByRole('button', { name: en.nav.organisations }).click();
  await page.getByLabel('Organisation name').fill(name);
  await page.getByRole('button', { name: 'Add organisation' }).click();
  await expect(organisation(page, name)).toBeVisible();
}

async function openFileOnStartScreen(page: Page, file: { name: string; bytes: Buffer }) {
  await page
    .getByLabel(en.planFile.choose)
    .setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
}

/** An organisation's card on the Organisations screen. */
function organisation(page: Page, name: string) {
  return page.getByRole('article', { name, exact: true });
}

test('two offline copies of a plan exchange files and converge; a bad file changes nothing', async ({
  accord,
  browser,
}) => {
  test.setTimeout(90_000);
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();

  // Computer A drafts a plan and saves it as a file.
  await a.goto(accord.url);
  await a.getByLabel(en.start.planTitle).fill('Decent work: Lebap region');
  await a.getByRole('button', { name: en.start.create }).click();
  await addOrganisation(a, 'Ministry of Labour');
  const first = await savePlanFile(a);
  expect(first.name).toBe('Decent work_ Lebap region.accord');
  await expect(a.locator('[data-plan-file-notice="saved"]')).toHaveText(
    new RegExp(en.planFile.saved),
  );

  // Computer B opens it: a new plan here, added to its list and opened.
  await b.goto(accord.url);
  await expect(b.getByRole('heading', { name: en.planFile.openTitle })).toBeVisible();
  await openFileOnStartScreen(b, first);
  await expect(b.locator('h1.plan-title')).toHaveText('Decent work: Lebap region');
  await expect(b.locator('[data-plan-file-notice="added"]')).toContainText(
    'Decent work: Lebap region',
  );
  await addOrganisation(b, 'Trade Union Centre');
  await expect(organisation(b, 'Ministry of Labour')).toBeVisible();

  // Meanwhile A changes its own copy, and sends B a new file.
  await addOrganisation(a, 'Labour Inspectorate');
  const second = await savePlanFile(a);

  // B opens it from the start screen: merged, so both copies' changes are there.
  await b.getByRole('button', { name: en.nav.plans }).click();
  await openFileOnStartScreen(b, second);
  await expect(b.locator('[data-plan-file-notice="merged"]')).toBeVisible();
  await b.getByRole('button', { name: en.nav.organisations }).click();
  for (const name of ['Ministry of Labour', 'Trade Union Centre', 'Labour Inspectorate']) {
    await expect(organisation(b, name)).toBeVisible();
  }
  // And back: B's file brings B's change to A.
  const back = await savePlanFile(b);
  await a.getByRole('button', { name: en.nav.plans }).click();
  await openFileOnStartScreen(a, back);
  await expect(a.locator('[data-plan-file-notice="merged"]')).toBeVisible();
  await a.getByRole('button', { name: en.nav.organisations }).click();
  await expect(organisation(a, 'Trade Union Centre')).toBeVisible();

  // Bad files on B: a PNG renamed .accord, and a copy cut short. Each says what is wrong; the
  // plan list and the plan stay as they were.
  await b.getByRole('button', { name: en.nav.plans }).click();
  const planList = b.locator('.plan-item');
  await expect(planList).toHaveCount(1);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  await openFileOnStartScreen(b, { name: 'photo.accord', bytes: png });
  await expect(b.getByRole('alert')).toHaveText(new RegExp(en.planFile.problems.foreign));
  await openFileOnStartScreen(b, { name: 'cut.accord', bytes: second.bytes.subarray(0, 200) });
  await expect(b.getByRole('alert')).toHaveText(
    new RegExp(en.planFile.problems.truncated.slice(0, 40)),
  );
  await expect(b.locator('h2', { hasText: en.start.title })).toBeVisible();
  await expect(planList).toHaveCount(1);
  await planList.getByRole('button', { name: /Decent work: Lebap region/ }).click();
  await b.getByRole('button', { name: en.nav.organisations }).click();
  for (const name of ['Ministry of Labour', 'Trade Union Centre', 'Labour Inspectorate']) {
    await expect(organisation(b, name)).toBeVisible();
  }

  await b.getByRole('button', { name: en.nav.plans }).click();
  await b.screenshot({ path: 'test-results/screens/start-open-plan-file.png', fullPage: true });
});

/** The preload's plan-file functions and events, standing in for main (shared/contracts/ipc.ts). */
async function standInDesktop(page: Page) {
  await page.addInitScript(() => {
    const events = window as unknown as Record<string, unknown>;
    const calls: unknown[] = [];
    events.__desktopCalls = calls;
    (window as unknown as { accord: Record<string, unknown> }).accord = {
      onMenuCommand: (listener: (command: string) => void) => {
        events.__menuCommand = listener;
        return () => {};
      },
      onPlanFileOpened: (listener: (file: unknown) => void) => {
        events.__planFileOpened = listener;
        return () => {};
      },
      savePlanFile: (request: unknown) => {
        calls.push(['savePlanFile', request]);
        return Promise.resolve({ status: 'cancelled' });
      },
      openPlanFile: () => {
        calls.push(['openPlanFile']);
        return Promise.resolve({
          status: 'failed',
          error: { code: 'newer_version', message: 'written by a newer version' },
        });
      },
    };
  });
}

/**
 * What main hands the page for a plan file it read and checked (the planFileOpened payload):
 * metadata and the plan's state, here a plan built with the shared operations.
 */
function fileReadByMain(planId: string, title: string, actions: number) {
  const state = Y.encodeStateAsUpdate(seedPlan(new Y.Doc(), { planId, title, actions }));
  const metadata = { planId, title, exportedAt: new Date().toISOString(), appVersion: '0.1.0' };
  return { metadata, state: [...state] };
}

/** Main tells the page about a file opened from outside the app (double-click, command line). */
async function planFileOpened(page: Page, file: ReturnType<typeof fileReadByMain>) {
  await page.evaluate(
    ({ metadata, state }) =>
      (window as unknown as { __planFileOpened: (file: unknown) => void }).__planFileOpened({
        metadata,
        // bytes, as structured clone delivers them
        state: Uint8Array.from(state),
      }),
    file,
  );
}

test('desktop: a plan file opened from outside the app opens its plan; File menu commands', async ({
  accord,
  page,
}) => {
  await standInDesktop(page);
  await page.goto(accord.url);
  const planId = '0b8f6c3e-5d2a-4c1e-9f7b-2a6d8e4c1f00';

  // Main read the file and hands it to the page, which merges it into this computer's store.
  await planFileOpened(page, fileReadByMain(planId, 'Plan from a USB stick', 3));
  await expect(page.locator('h1.plan-title')).toHaveText('Plan from a USB stick');
  await expect(page.getByText('Shown: 3 of 3')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`plan=${planId}`));
  await expect(page.locator('[data-plan-file-notice="added"]')).toBeVisible();

  const menu = (command: string) =>
    page.evaluate(
      (command) =>
        (window as unknown as { __menuCommand: (command: string) => void }).__menuCommand(command),
      command,
    );

  // File > Export…: the Dashboard's report and export panel, its first control focused.
  await menu('exportPlan');
  await expect(page.getByRole('heading', { name: en.export.title })).toBeVisible();
  await expect(page.getByLabel(en.export.format)).toBeFocused();

  // File > Save plan file…: main is asked to save this plan; cancelling is said plainly.
  await menu('savePlanFile');
  await expect(page.locator('[data-plan-file-notice="saveCancelled"]')).toHaveText(
    new RegExp(en.planFile.saveCancelled),
  );
  expect(
    await page.evaluate(() => (window as unknown as { __desktopCalls: unknown[] }).__desktopCalls),
  ).toEqual([['savePlanFile', { planId, title: 'Plan from a USB stick' }]]);

  // File > Open plan file…: main refuses a newer file; the page says so in its language.
  await menu('openPlanFile');
  await expect(page.getByRole('alert')).toHaveText(
    new RegExp(en.planFile.problems.newer_version.slice(0, 40)),
  );
  await expect(page.locator('h1.plan-title')).toHaveText('Plan from a USB stick');
});

test('desktop: a plan file of a server plan the user only views is refused and changes nothing', async ({
  accord,
  page,
}) => {
  const { planId, invites } = await accord.newPlan('Donor view', ['viewer']);
  await accord.seed(planId, { title: 'Donor view', actions: 6 });
  await standInDesktop(page);
  await joinInBrowser(page, invites[0]!, 'Donor', 'Embassy');
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByText('Shown: 6 of 6')).toBeVisible();

  // A copy of the same plan with other content, opened from outside the app: main read it; the
  // page knows this user only views the plan and refuses it before writing anything.
  await planFileOpened(page, fileReadByMain(planId, 'A copy with changes', 2));
  await expect(page.getByRole('alert')).toHaveText(new RegExp(en.planFile.problems.viewOnly));
  await expect(page.locator('h1.plan-title')).toHaveText('Donor view');
  await expect(page.getByText('Shown: 6 of 6')).toBeVisible();

  // Nothing was stored either: the copy on this computer, read again, holds only the server's.
  await page.reload();
  await expect(page.locator('h1.plan-title')).toHaveText('Donor view');
  await expect(page.getByText('Shown: 6 of 6')).toBeVisible();
  await page.getByRole('button', { name: en.nav.plans }).click();
  await expect(page.locator('.plan-item')).toHaveCount(1);
  await expect(page.locator('.plan-item')).toContainText('Donor view');
});
