// Keyboard and screen-reader use of the Actions screen: focus after creating a plan, the skip
// link, Escape on the detail panel, axe with zero violations, and headers that fit in Russian.
import AxeBuilder from '@axe-core/playwright';
import { expect, joinInBrowser, test } from './fixtures';

test('after "Create plan" the keyboard reaches the plan at once (N adds an action)', async ({
  accord,
  page,
}) => {
  await page.goto(accord.url);
  await page.getByLabel('Plan title').fill('Keyboard plan');
  await page.getByLabel('Plan title').press('Enter');
  await expect(page.locator('[data-sync]')).toHaveText('Saved on this computer');
  await expect(page.locator('.actions-screen :focus')).toHaveCount(1);
  await page.keyboard.press('n');
  await expect(page.locator('.action-row')).toHaveCount(1);
});

test('a skip link leads past the top bar to the actions, and Escape closes the detail', async ({
  accord,
  page,
}) => {
  const { planId, invites } = await accord.newPlan('Skip plan', ['owner']);
  await accord.seed(planId, { actions: 6 });
  await joinInBrowser(page, invites[0]!, 'Owner', 'Ministry of Labour');
  // From the top of the page (nothing focused), the first Tab is the skip link.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to actions' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.grid .cell.active')).toBeFocused();

  // O opens the detail; Escape closes it and the focus is back on the row it came from.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const row = page.locator('.action-row').filter({ has: page.locator('.cell.active') });
  const ref = await row.locator('.cell-ref').innerText();
  await page.keyboard.press('o');
  const detail = page.getByRole('complementary', { name: 'Action details' });
  await expect(detail).toBeVisible();
  await detail.getByLabel('Title').first().focus();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  const focused = page.locator('.action-row').filter({ has: page.locator('.cell:focus') });
  await expect(focused.locator('.cell-ref')).toHaveText(ref);
});

test('axe finds no violations on Actions, with a selected row in progress', async ({
  accord,
  page,
}) => {
  const { planId, invites } = await accord.newPlan('Axe plan', ['owner']);
  await accord.seed(planId, { actions: 12 });
  await joinInBrowser(page, invites[0]!, 'Owner', 'Ministry of Labour');
  const id = await page
    .locator('.action-row')
    .filter({ has: page.locator('.status-in_progress') })
    .first()
    .getAttribute('data-action-id');
  const inProgress = page.locator(`.action-row[data-action-id="${id}"]`);
  await inProgress.locator('.cell-open button').click();
  await expect(inProgress).toHaveClass(/selected/);
  const results = await new AxeBuilder({ page }).include('.actions-main').analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join('; ')}`,
    ),
  ).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('actions-selected.png') });
});

test('the Russian column headers fit at 1280 px', async ({ accord, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { planId, invites } = await accord.newPlan('План', ['owner']);
  await accord.seed(planId, { actions: 6, russian: true });
  await joinInBrowser(page, invites[0]!, 'Айна', 'Министерство труда');
  await page.getByLabel('Language').selectOption('ru');
  const lead = page.getByRole('columnheader', { name: 'Ответственная организация' });
  await expect(lead).toBeVisible();
  const clipped = await page
    .locator('.grid-head [role="columnheader"]')
    .evaluateAll((cells) =>
      cells
        .filter(
          (cell) => cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight,
        )
        .map((cell) => cell.textContent),
    );
  expect(clipped).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('headers-ru.png') });
});
