// A viewer reads the plan and cannot change it: no edit controls or edit hints anywhere, keys that
// would edit do nothing, the plan on the server is unchanged, and the sync badge settles on "up to
// date" (a viewer sends nothing, so the server never acknowledges anything to it).
import type { Page } from '@playwright/test';
import { expect, joinInBrowser, syncState, test } from './fixtures';

test('a viewer sees no edit controls and cannot change anything', async ({ accord, page }) => {
  const { planId, invites } = await accord.newPlan('Donor view', ['viewer']);
  await accord.seed(planId, { actions: 6 });
  await joinInBrowser(page, invites[0]!, 'Donor', 'Embassy');

  await expect(page.getByTestId('read-only')).toBeVisible();
  // Synced with the server, a viewer is settled: never a perpetual "Syncing…".
  await expect(syncState(page)).toHaveAttribute('data-sync', 'upToDate');
  await expect(syncState(page)).toHaveText('Up to date · read only');
  await syncState(page).screenshot({ path: 'test-results/sync-badge-viewer.png' });
  // No hint tells a viewer how to edit; the keys that work for it are described instead.
  await expect(page.locator('#table-keys')).toHaveText('Arrows move, Enter or O opens details');
  await expectNoEditHints(page);
  await expect(page.getByRole('button', { name: /Add action/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Add objective/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Move (up|down)/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Undo/ })).toHaveCount(0);

  // Clicking a cell and pressing the edit keys opens no editor; N adds nothing.
  await page.locator('.action-row').first().locator('[data-column="title"]').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('n');
  await expect(page.locator('.cell-input')).toHaveCount(0);
  await expect(page.getByText('Shown: 6 of 6')).toBeVisible();

  // The detail panel shows every field read-only, with no buttons that change the plan.
  await page.getByRole('button', { name: 'Open details of 1.1' }).click();
  const detail = page.locator('aside.detail');
  await expect(detail.getByLabel('Title', { exact: true })).toHaveAttribute('readonly', '');
  await expect(detail.locator('select:not([disabled])')).toHaveCount(0);
  await expect(detail.locator('input:not([disabled]):not([readonly])')).toHaveCount(0);
  await expect(detail.locator('textarea:not([readonly])')).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Move to trash' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: /^(Edit|Remove)/ })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: /Link to a framework item/ })).toHaveCount(0);
  await expectNoEditHints(page);

  for (const screen of ['organisations', 'frameworks', 'trash', 'plan']) {
    await page.goto(`${accord.url}/?plan=${planId}&view=${screen}`);
    await expect(page.locator('.screen')).toBeVisible();
    await expect(page.locator('.screen input:not([disabled]):not([readonly])')).toHaveCount(
      screen === 'plan' ? 1 : 0, // the plan screen keeps "your name", which is not plan data
    );
    await expect(page.locator('.screen button.primary')).toHaveCount(0);
    await expectNoEditHints(page);
  }
});

test('a viewer of an empty plan is not invited to add actions', async ({ accord, page }) => {
  const { invites } = await accord.newPlan('Empty donor view', ['viewer']);
  await joinInBrowser(page, invites[0]!, 'Donor', 'Embassy');
  await expect(page.getByText('This plan has no actions yet.', { exact: true })).toBeVisible();
  await expect(syncState(page)).toHaveAttribute('data-sync', 'upToDate');
  await expectNoEditHints(page);
});

/** Words that tell someone how to change the plan: a viewer must see none of them. */
const EDIT_HINTS =
  /Press N|N adds|Enter edits|[Dd]ouble-click|to edit|Add action|Add objective|Add comment|Add progress update|Add indicator|Add partner|Add items|Add these items|Add organisation|Add a custom framework|Renumber|Link to a framework item|Alt\+↑/;

async function expectNoEditHints(page: Page) {
  await expect(page.locator('body')).not.toHaveText(EDIT_HINTS);
  // Titles and shortcut hints are read by tooltips and screen readers, not shown as text.
  const hidden = await page
    .locator('[title], [aria-label], [aria-keyshortcuts], [placeholder]')
    .evaluateAll((elements) =>
      elements.flatMap((element) =>
        ['title', 'aria-label', 'aria-keyshortcuts', 'placeholder'].flatMap((name) => {
          const value = element.getAttribute(name);
          return value ? [`${name}=${value}`] : [];
        }),
      ),
    );
  expect(
    hidden.filter((text) => EDIT_HINTS.test(text) || text.startsWith('aria-keyshortcuts=')),
  ).toEqual([]);
}
