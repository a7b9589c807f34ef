// A viewer reads the plan and cannot change it: no edit controls anywhere, keys that would edit
// do nothing, and the plan on the server is unchanged.
import { expect, joinInBrowser, test } from './fixtures';

test('a viewer sees no edit controls and cannot change anything', async ({ accord, page }) => {
  const { planId, invites } = await accord.newPlan('Donor view', ['viewer']);
  await accord.seed(planId, { actions: 6 });
  await joinInBrowser(page, invites[0]!, 'Donor', 'Embassy');

  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: /Add action/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Add objective/ })).toHaveCount(0);
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
  await expect(detail.getByRole('button', { name: /Link to a framework item/ })).toHaveCount(0);

  for (const screen of ['organisations', 'frameworks', 'trash', 'plan']) {
    await page.goto(`${accord.url}/?plan=${planId}&view=${screen}`);
    await expect(page.locator('.screen')).toBeVisible();
    await expect(page.locator('.screen input:not([disabled]):not([readonly])')).toHaveCount(
      screen === 'plan' ? 1 : 0, // the plan screen keeps "your name", which is not plan data
    );
    await expect(page.locator('.screen button.primary')).toHaveCount(0);
  }
});
