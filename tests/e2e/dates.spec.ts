// Dates are typed in the UI language's order, not the browser's: a Russian screen showed the
// table's 31.12.2027 as 12/31/2027 in its inputs, because a native date input follows the
// operating system's locale.
import { expect, joinInBrowser, test } from './fixtures';

test('a Russian participant types deadlines as 31.12.2027, and a day that does not exist is refused', async ({
  accord,
  page,
}) => {
  const { planId, invites } = await accord.newPlan('План', ['owner']);
  await accord.seed(planId, { actions: 3, russian: true });
  await joinInBrowser(page, invites[0]!, 'Айна', 'Министерство труда');
  await page.getByLabel('Language').selectOption('ru');
  const row = page.locator('.action-row').first();
  await row.getByRole('button').first().click();
  const detail = page.locator('aside.detail');
  const deadline = detail.getByLabel('Срок', { exact: true });
  await expect(deadline).toHaveAttribute('placeholder', 'ДД.ММ.ГГГГ');

  await deadline.fill('31.12.2027');
  await deadline.press('Enter');
  await expect(row).toContainText('31 дек. 2027');
  await page.keyboard.press('Tab');
  await expect(deadline).toHaveValue('31.12.2027');

  // 31 February: said at the field, the plan keeps its deadline
  await deadline.fill('31.02.2027');
  await deadline.press('Enter');
  await expect(deadline).toHaveAttribute('aria-invalid', 'true');
  await expect(detail.getByRole('alert')).toContainText('ДД.ММ.ГГГГ');
  await expect(row).toContainText('31 дек. 2027');

  // the table's own editor reads the same order
  await page.keyboard.press('Escape');
  const second = page.locator('.action-row').nth(1);
  await second.locator('[data-column="deadline"]').click();
  const cell = second.locator('input.cell-input');
  await expect(cell).toHaveAttribute('placeholder', 'ДД.ММ.ГГГГ');
  await cell.fill('01.03.2026');
  await cell.press('Enter');
  await expect(second).toContainText('1 мар. 2026');
});

test('English dates are day first, as the table writes them', async ({ accord, page }) => {
  const { planId, invites } = await accord.newPlan('Plan', ['owner']);
  await accord.seed(planId, { actions: 1 });
  await joinInBrowser(page, invites[0]!, 'Aýna', 'Ministry of Labour');
  await page.locator('.action-row').first().getByRole('button').first().click();
  const deadline = page.locator('aside.detail').getByLabel('Deadline', { exact: true });
  await expect(deadline).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await deadline.fill('05/04/2027');
  await deadline.press('Enter');
  await expect(page.locator('.action-row').first()).toContainText('5 Apr 2027');
});
