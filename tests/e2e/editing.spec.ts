// Editing feedback in the web app: over-long input is kept at the model's limit with a message
// (information, not an error) naming the field, the banner goes with the next successful edit or when dismissed, evidence
// links say what a valid link is, renaming an objective replaces its name, and Tab moves between
// the cells of a row being edited.
import type { Page } from '@playwright/test';
import { expect, test, createLocalPlan } from './fixtures';

/** A local plan with one objective and one action titled `title`, on the Actions screen. */
async function planWithAction(page: Page, url: string, title: string) {
  await createLocalPlan(page, url, 'Editing plan');
  await page.getByRole('button', { name: '+ Add objective' }).click();
  // The new objective's name is open for typing; Enter keeps the default name.
  await expect(page.getByRole('textbox', { name: 'Rename objective' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.locator('.objective-row .cell').first().click();
  await page.keyboard.press('n');
  const editor = page.locator('.action-row input[data-field="title"]');
  await expect(editor).toBeFocused();
  await editor.fill(title);
  await page.keyboard.press('Enter');
  await expect(page.locator('.action-row [data-column="title"]')).toHaveText(title);
}

test('a 600-character title keeps 500 and says so; the banner goes with the next edit', async ({
  accord,
  page,
}) => {
  await planWithAction(page, accord.url, 'Short');
  const row = page.locator('.action-row').first();
  await row.locator('[data-column="title"]').click();
  const editor = row.locator('input[data-field="title"]');
  await expect(editor).toBeFocused();
  await editor.selectText();
  await page.keyboard.insertText('a'.repeat(600));
  await expect(editor).toHaveValue('a'.repeat(500));
  // Shortened and saved: information, not an error.
  const info = page.locator('.notice[data-notice="shortened"]');
  await expect(info).toHaveRole('status');
  await expect(info).toContainText('Title shortened to 500 characters, the most it can hold.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(row.locator('[data-column="title"]')).toHaveText('a'.repeat(500));
  await page.screenshot({ path: '/tmp/x/limit-title.png' });

  // The next successful edit clears the message.
  await row.locator('[data-column="status"]').click();
  await row.getByLabel('Status').selectOption({ label: 'In progress' });
  await expect(info).toHaveCount(0);

  // Dismiss closes it too.
  await row.locator('[data-column="title"]').click();
  await page.keyboard.insertText('b'.repeat(10));
  await expect(info).toContainText('Title shortened to 500 characters, the most it can hold.');
  await page.keyboard.press('Escape');
  await info.getByRole('button', { name: 'Dismiss' }).click();
  await expect(info).toHaveCount(0);
});

test('an evidence link that is not a web address is refused with what a link looks like', async ({
  accord,
  page,
}) => {
  await planWithAction(page, accord.url, 'Inspect');
  await page
    .locator('.action-row')
    .first()
    .getByRole('button', { name: /Open details of/ })
    .click();
  const detail = page.locator('aside.detail');
  await detail.getByLabel('Evidence links (one per line)').fill('ftp://example.org/report.pdf');
  await detail.getByRole('button', { name: 'Add progress update' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Evidence link must be a web address starting with http:// or https://',
  );
  await detail.getByLabel('Evidence links (one per line)').fill('https://example.org/report.pdf');
  await detail.getByRole('button', { name: 'Add progress update' }).click();
  await expect(detail.locator('.evidence')).toContainText('https://example.org/report.pdf');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('renaming an objective replaces its name', async ({ accord, page }) => {
  await planWithAction(page, accord.url, 'Inspect');
  await page.getByRole('button', { name: 'Rename objective' }).click();
  const input = page.getByLabel('Rename objective', { exact: true }).and(page.locator('input'));
  await expect(input).toBeFocused();
  await page.keyboard.type('Labour inspection');
  await page.keyboard.press('Enter');
  await expect(page.locator('.objective-row .objective-title')).toHaveText('Labour inspection');
});

test('Tab and Shift+Tab move the edit along the row; Escape cancels; focus stays visible', async ({
  accord,
  page,
}) => {
  await planWithAction(page, accord.url, 'Inspect');
  const row = page.locator('.action-row').first();
  await row.locator('[data-column="title"]').click();
  const title = row.locator('input[data-field="title"]');
  await expect(title).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' farms');
  await page.keyboard.press('Tab');
  await expect(row.getByLabel('Lead organisation')).toBeFocused();
  await expect(row.locator('[data-column="title"]')).toHaveText('Inspect farms');
  await page.keyboard.press('Tab');
  await expect(row.getByLabel('Deadline')).toBeFocused();
  await page.screenshot({ path: '/tmp/x/tab-deadline.png' });
  await page.keyboard.press('Shift+Tab');
  await expect(row.getByLabel('Lead organisation')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(title).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const ref = row.getByLabel('Ref', { exact: true });
  await expect(ref).toBeFocused();
  // Before the first editable cell the edit ends on that cell, which keeps the focus.
  await page.keyboard.press('Shift+Tab');
  await expect(row.locator('[data-column="ref"]')).toBeFocused();
  await expect(page.locator('body')).not.toBeFocused();

  // Escape puts the title back as it was when the edit began.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(title).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' and mills');
  await page.keyboard.press('Escape');
  await expect(row.locator('[data-column="title"]')).toHaveText('Inspect farms');
  await expect(row.locator('[data-column="title"]')).toBeFocused();

  // Past the row's last editable cell the edit ends there and the cell keeps the focus.
  await row.locator('[data-column="stage"]').click();
  await expect(row.getByLabel('Stage')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row.locator('[data-column="stage"]')).toBeFocused();
});

test('quick entry: N, type, Enter adds action after action; focus never leaves the table', async ({
  accord,
  page,
}) => {
  await createLocalPlan(page, accord.url, 'Workshop plan');
  // "+ Add objective" opens the new objective's name for typing, its default name selected.
  await page.getByRole('button', { name: '+ Add objective' }).click();
  const name = page.getByLabel('Rename objective', { exact: true }).and(page.locator('input'));
  await expect(name).toBeFocused();
  await page.keyboard.type('Labour inspection');
  await page.keyboard.press('Enter');
  await expect(page.locator('.objective-row .objective-title')).toHaveText('Labour inspection');
  await expect(page.locator('.objective-row .cell')).toBeFocused();
  // N right after the rename adds an action in that objective.
  await page.keyboard.press('n');
  const editor = page.locator('.action-row input[data-field="title"]');
  await expect(editor).toBeFocused();
  await page.keyboard.type('First action');
  await page.keyboard.press('Enter');
  await expect(page.locator('.action-row [data-column="title"]')).toHaveText(['First action']);
  await expect(page.locator('.grid')).toContainText('First action');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.grid'))).toBe(true);
  for (const title of ['Second action', 'Third action']) {
    await page.keyboard.press('n');
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
  }
  const titles = page.locator('.action-row [data-column="title"]');
  await expect(titles).toHaveText(['First action', 'Second action', 'Third action']);
  await expect(page.locator('.action-row [data-column="ref"]')).toHaveText(['1.1', '1.2', '1.3']);
  await expect(page.locator('.action-row .cell.active')).toBeFocused();
  await page.screenshot({ path: '/tmp/x/quick-entry.png' });

  // Escape in a cell keeps the focus on that cell.
  await page.locator('.action-row').nth(2).locator('[data-column="title"]').click();
  await expect(editor).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.action-row').nth(2).locator('[data-column="title"]')).toBeFocused();
  // Escape while renaming an objective keeps the focus on its row.
  await page.getByRole('button', { name: 'Rename objective' }).click();
  await expect(name).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.objective-row .cell')).toBeFocused();
});
