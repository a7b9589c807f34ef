// A plan of 10,000 actions opens, scrolls and filters; the table keeps only the visible rows in
// the page. Speed is measured in tests/bench, not here: these are behaviour checks.
import { expect, joinInBrowser, test } from './fixtures';

test('a plan of 10,000 actions opens, scrolls and filters', async ({ accord, page }) => {
  test.setTimeout(120_000);
  const { planId, invites } = await accord.newPlan('Large plan', ['editor']);
  await accord.seed(planId, { actions: 10_000 });
  await joinInBrowser(page, invites[0]!, 'Analyst', 'Donor');
  await expect(page.getByText('Shown: 10,000 of 10,000')).toBeVisible({ timeout: 30_000 });
  const rendered = await page.locator('.action-row').count();
  expect(rendered).toBeLessThan(100);

  // Scroll to the end: the last objective's last action is there.
  await page.locator('.grid-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await expect(page.locator('.action-row', { hasText: 'Action 10000:' })).toBeVisible();
  // Keyboard: Home jumps back to the top.
  await page.locator('.action-row').last().locator('[data-column="health"]').click();
  await page.keyboard.press('Home');
  await expect(page.locator('.objective-row').first()).toBeVisible();

  await page.getByLabel('Search actions').fill('Action 9999:');
  await expect(page.getByText('Shown: 1 of 10,000')).toBeVisible();
  await expect(page.locator('.action-row')).toHaveCount(1);
  await page.getByLabel('Search actions').fill('');
  await page
    .getByRole('search')
    .getByRole('combobox', { name: 'Status' })
    .selectOption('completed');
  await expect(page.getByText('Shown: 2,000 of 10,000')).toBeVisible();
});
