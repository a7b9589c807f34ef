// A plan on this computer only (no server): create it, draft actions from the keyboard, fill in
// the detail panel (partners, framework links, indicators, budget, endorsements, progress updates,
// comments), send an action to the trash and restore it; everything survives a reload.
import { expect, test, createLocalPlan } from './fixtures';

test('a local plan is drafted and tracked with no server', async ({ accord, page }) => {
  test.setTimeout(90_000);
  await createLocalPlan(page, accord.url, 'Regional decent work plan');

  // Organisations first, then an objective.
  await page.getByRole('button', { name: 'Organisations' }).click();
  for (const name of ['Ministry of Labour', 'Trade Union Centre']) {
    await page.getByLabel('Organisation name').fill(name);
    await page.getByRole('button', { name: 'Add organisation' }).click();
  }
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  // A new objective's name opens for typing; Enter keeps the default name.
  await page.getByRole('button', { name: '+ Add objective' }).click();
  await expect(page.getByRole('textbox', { name: 'Rename objective' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.objective-row')).toContainText('New objective');

  // One keystroke adds an action and starts typing its title.
  await page.locator('.objective-row .cell').first().click();
  await page.keyboard.press('n');
  const titleEditor = page.locator('.action-row input[data-field="title"]');
  await expect(titleEditor).toBeFocused();
  await titleEditor.fill('Inspect cotton harvest for forced labour');
  await page.keyboard.press('Enter');
  await expect(page.locator('.action-row')).toContainText(
    'Inspect cotton harvest for forced labour',
  );

  // Lead organisation and status inline.
  const row = page.locator('.action-row').first();
  await row.locator('[data-column="lead"]').click();
  await row.getByLabel('Lead organisation').selectOption({ label: 'Ministry of Labour' });
  await expect(row.locator('[data-column="lead"]')).toHaveText('Ministry of Labour');

  // The detail panel.
  await row.getByRole('button', { name: /Open details of/ }).click();
  const detail = page.locator('aside.detail');
  await detail.getByLabel('Add partner').selectOption({ label: 'Trade Union Centre' });
  await expect(detail.locator('.chip', { hasText: 'Trade Union Centre' })).toBeVisible();
  await detail.getByLabel('Endorse as').selectOption({ label: 'Trade Union Centre' });
  await expect(detail.locator('.chip.endorsed')).toContainText('Trade Union Centre');

  await detail.getByRole('button', { name: '+ Link to a framework item' }).click();
  const picker = page.getByRole('dialog');
  await picker.getByLabel('Search items').fill('8.7');
  await picker.getByRole('button', { name: /^SDG 8 8\.7 / }).click();
  await expect(picker.getByRole('button', { name: /^SDG 8 8\.7 / })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await picker.getByRole('button', { name: 'Close' }).click();
  await expect(detail.locator('.link-list')).toContainText('8.7');

  await detail.getByLabel('Indicator', { exact: true }).fill('Children found working');
  await detail.getByRole('button', { name: 'Add indicator' }).click();
  const indicator = detail.locator('.indicator');
  await indicator.getByLabel('Baseline').fill('40');
  await indicator.getByLabel('Baseline').press('Enter');
  await indicator.getByLabel('Target').fill('0');
  await indicator.getByLabel('Target').press('Enter');
  await indicator.getByLabel('Period or date').fill('2025');
  await indicator.getByLabel('Value', { exact: true }).fill('12');
  await indicator.getByRole('button', { name: 'Record value' }).click();
  await expect(indicator.locator('.mini-table')).toContainText('12');

  await detail.getByLabel('Amount').fill('25000');
  await detail.getByLabel('Amount').press('Enter');
  await detail.getByLabel('Currency').fill('usd');
  await detail.getByLabel('Currency').press('Enter');

  await detail.getByLabel('Note').fill('First inspection round done.');
  await detail.getByLabel('Evidence links (one per line)').fill('https://example.org/report.pdf');
  await detail.getByRole('button', { name: 'Add progress update' }).click();
  await expect(detail.locator('.evidence')).toContainText('https://example.org/report.pdf');
  // A local plan's user gave no name: their entries say "You", never a raw id.
  await expect(detail.locator('ol.thread .thread-meta')).toContainText(' · You · ');

  await detail.getByLabel('Comment', { exact: true }).fill('Agreed in the workshop.');
  await detail.getByRole('button', { name: 'Add comment' }).click();
  await expect(detail.locator('ul.thread')).toContainText('Agreed in the workshop.');
  await expect(detail.locator('ul.thread .thread-meta strong')).toHaveText('You');

  // Everything is still there after a reload (IndexedDB).
  await page.reload();
  await expect(detail.locator('.chip', { hasText: 'Trade Union Centre' }).first()).toBeVisible();
  await expect(detail.getByLabel('Currency')).toHaveValue('USD');
  await expect(detail.locator('.mini-table')).toContainText('12');
  await expect(detail.locator('ul.thread')).toContainText('Agreed in the workshop.');

  // Trash and restore.
  await detail.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.locator('.action-row')).toHaveCount(0);
  await page.getByRole('button', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await expect(page.locator('.action-row')).toContainText(
    'Inspect cotton harvest for forced labour',
  );

  // Deleting for ever asks first: dismissed, the action stays in the trash; confirmed, it is gone.
  await row.getByRole('button', { name: /Open details of/ }).click();
  await detail.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('button', { name: 'Trash' }).click();
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Delete for ever' }).click();
  await expect(page.getByRole('button', { name: 'Restore' })).toBeVisible();
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe(
      'Delete “Inspect cotton harvest for forced labour” for ever? It cannot be restored, here or on anyone else’s copy.',
    );
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Delete for ever' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
});

test('Alt+Up moves an action above its neighbour, and the order is kept', async ({
  accord,
  page,
}) => {
  await createLocalPlan(page, accord.url, 'Ordering plan');
  await page.getByRole('button', { name: '+ Add objective' }).click();
  await expect(page.getByRole('textbox', { name: 'Rename objective' })).toBeFocused();
  await page.keyboard.press('Enter');
  for (const title of ['First', 'Second']) {
    await page.locator('.objective-row .cell').first().click();
    await page.keyboard.press('n');
    await page.keyboard.type(title);
    await page.keyboard.press('Escape');
  }
  const titles = page.locator('.action-row [data-column="title"]');
  await expect(titles).toHaveText(['First', 'Second']);
  await page
    .locator('.action-row', { hasText: 'Second' })
    .locator('[data-column="health"]')
    .click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(titles).toHaveText(['Second', 'First']);
  await page.reload();
  await expect(titles).toHaveText(['Second', 'First']);
});
