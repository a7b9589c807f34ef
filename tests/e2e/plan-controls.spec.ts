// The plan operations reached from the detail panel, the table's objective rows and the trash, in
// a plan on this computer: edit one's own comment (Enter saves, Escape cancels), remove a progress
// update and an indicator value (each after a confirmation; dismissing it keeps the entry), edit
// an indicator's fields, move an objective up and down (buttons and Alt+↑/↓) and restore a
// removed objective; everything survives a reload. With ACCORD_DETAIL_SHOT=<file.png> set, the
// detail panel with these controls is saved there as a screenshot.
import type { Page } from '@playwright/test';
import { expect, test, createLocalPlan } from './fixtures';

/** Adds an objective at the end and names it (its name opens for typing). */
async function addObjective(page: Page, title: string) {
  await page.getByRole('button', { name: '+ Add objective' }).click();
  await expect(page.getByRole('textbox', { name: 'Rename objective' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Rename objective' }).fill(title);
  await page.keyboard.press('Enter');
  await expect(page.locator('.objective-row', { hasText: title })).toBeVisible();
}

/** Adds an action to the first objective from the keyboard (N, its title, Enter). */
async function addActionToFirstObjective(page: Page, title: string) {
  await page.locator('.objective-row .cell').first().click();
  await page.keyboard.press('n');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await expect(page.locator('.action-row', { hasText: title })).toBeVisible();
}

test('comments, progress updates and indicators are edited and removed in the detail panel', async ({
  accord,
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 3000 });
  await createLocalPlan(page, accord.url, 'Detail controls plan');
  await addObjective(page, 'Labour rights');
  await addActionToFirstObjective(page, 'Inspect brick kilns');
  await page.getByRole('button', { name: /Open details of/ }).click();
  const detail = page.locator('aside.detail');

  // A comment, edited by its author: Escape keeps the old text, Enter saves the new one.
  const thread = detail.locator('ul.thread');
  await detail.getByLabel('Comment', { exact: true }).fill('Agreed in the workshop.');
  await detail.getByRole('button', { name: 'Add comment' }).click();
  await expect(thread).toContainText('Agreed in the workshop.');
  await expect(thread.locator('.thread-meta')).not.toContainText('edited');
  await thread.getByRole('button', { name: 'Edit comment' }).click();
  const editor = thread.getByRole('textbox', { name: 'Edit comment' });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('Agreed in the workshop.');
  await editor.fill('Not this');
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(thread.getByRole('button', { name: 'Edit comment' })).toBeFocused();
  await expect(thread.locator('p.pre')).toHaveText('Agreed in the workshop.');
  await thread.getByRole('button', { name: 'Edit comment' }).press('Enter');
  await expect(editor).toBeFocused();
  await editor.fill('Agreed in the workshop on 12 May.');
  await editor.press('Enter');
  await expect(thread.locator('p.pre')).toHaveText('Agreed in the workshop on 12 May.');
  await expect(thread.locator('.thread-meta')).toContainText('edited');
  await expect(thread.getByRole('button', { name: 'Edit comment' })).toBeFocused();

  // Two progress updates; the first removal is dismissed, the second confirmed.
  const updates = detail.locator('ol.thread > li');
  for (const note of ['First round done.', 'Typed by mistake.']) {
    await detail.getByLabel('Note', { exact: true }).fill(note);
    await detail.getByRole('button', { name: 'Add progress update' }).click();
    await expect(detail.locator('ol.thread')).toContainText(note);
  }
  await expect(updates).toHaveCount(2);

  // An indicator: its fields edited in place, two values recorded.
  await detail.getByLabel('Indicator', { exact: true }).fill('Children found working');
  await detail.getByRole('button', { name: 'Add indicator' }).click();
  const indicator = detail.locator('.indicator');
  await indicator.getByLabel('Indicator').fill('Children found in hazardous work');
  await indicator.getByLabel('Indicator').press('Enter');
  await indicator.getByLabel('Unit').fill('children');
  await indicator.getByLabel('Unit').press('Enter');
  await indicator.getByLabel('Baseline').fill('40');
  await indicator.getByLabel('Baseline').press('Enter');
  await indicator.getByLabel('Target').fill('0');
  await indicator.getByLabel('Target').press('Enter');
  await indicator.getByLabel('Frequency').selectOption({ label: 'Quarterly' });
  for (const [period, value] of [
    ['2025', '12'],
    ['2026', '30'],
  ] as const) {
    await indicator.getByLabel('Period or date').fill(period);
    await indicator.getByLabel('Value', { exact: true }).fill(value);
    await indicator.getByRole('button', { name: 'Record value' }).click();
    await expect(indicator.locator('.mini-table')).toContainText(period);
  }

  if (process.env.ACCORD_DETAIL_SHOT) {
    await detail.screenshot({ path: process.env.ACCORD_DETAIL_SHOT });
  }

  const removeUpdate = detail.getByRole('button', { name: 'Remove progress update' });
  await expect(removeUpdate).toHaveCount(2);
  page.once('dialog', (dialog) => void dialog.dismiss());
  await removeUpdate.first().click();
  await expect(updates).toHaveCount(2);
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toMatch(/^Remove the progress update of /);
    void dialog.accept();
  });
  await updates.filter({ hasText: 'Typed by mistake.' }).getByRole('button').click();
  await expect(updates).toHaveCount(1);
  await expect(detail.locator('ol.thread')).not.toContainText('Typed by mistake.');

  const removeValue = indicator.getByRole('button', { name: 'Remove the value for 2026' });
  page.once('dialog', (dialog) => void dialog.dismiss());
  await removeValue.click();
  await expect(indicator.locator('.mini-table tbody tr')).toHaveCount(2);
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Remove the value recorded for 2026?');
    void dialog.accept();
  });
  await removeValue.click();
  await expect(indicator.locator('.mini-table tbody tr')).toHaveCount(1);
  await expect(indicator.locator('.mini-table')).not.toContainText('2026');

  // All of it is kept (IndexedDB).
  await page.reload();
  await expect(thread.locator('p.pre')).toHaveText('Agreed in the workshop on 12 May.');
  await expect(thread.locator('.thread-meta')).toContainText('edited');
  await expect(updates).toHaveCount(1);
  await expect(detail.locator('ol.thread')).toContainText('First round done.');
  await expect(indicator.getByLabel('Indicator')).toHaveValue('Children found in hazardous work');
  await expect(indicator.getByLabel('Unit')).toHaveValue('children');
  await expect(indicator.getByLabel('Baseline')).toHaveValue('40');
  await expect(indicator.getByLabel('Target')).toHaveValue('0');
  await expect(indicator.getByLabel('Frequency')).toHaveValue('quarterly');
  await expect(indicator.locator('.mini-table tbody tr')).toHaveCount(1);
  await expect(indicator.locator('.mini-table')).toContainText('2025');
});

test('objectives move up and down, and a removed objective is restored from the trash', async ({
  accord,
  page,
}) => {
  test.setTimeout(90_000);
  await createLocalPlan(page, accord.url, 'Objective order plan');
  await addObjective(page, 'Labour rights');
  await addActionToFirstObjective(page, 'Inspect brick kilns');
  await addObjective(page, 'Child labour');
  const headers = page.locator('.objective-row .objective-title');
  await expect(headers).toHaveText(['Labour rights', 'Child labour']);

  // The first objective cannot go up, the last cannot go down.
  const childLabour = page.locator('.objective-row', { hasText: 'Child labour' });
  const labourRights = page.locator('.objective-row', { hasText: 'Labour rights' });
  await expect(labourRights.getByRole('button', { name: 'Move up' })).toBeDisabled();
  await expect(childLabour.getByRole('button', { name: 'Move down' })).toBeDisabled();

  // The button moves it with its actions below it; the cursor follows the objective.
  await childLabour.getByRole('button', { name: 'Move up' }).click();
  await expect(headers).toHaveText(['Child labour', 'Labour rights']);
  const active = page.locator('.objective-row .cell.active');
  await expect(active).toContainText('Child labour');
  await expect(active).toBeFocused();
  // Alt+↓ and Alt+↑ on the focused objective row, as for actions.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(headers).toHaveText(['Labour rights', 'Child labour']);
  await expect(active).toContainText('Child labour');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(headers).toHaveText(['Child labour', 'Labour rights']);
  await expect(page.locator('.grid-body [role="row"]')).toHaveText([
    /Child labour/,
    /Labour rights/,
    /Inspect brick kilns/,
  ]);
  await page.reload();
  await expect(headers).toHaveText(['Child labour', 'Labour rights']);

  // Removed (it has no actions), then restored from the trash.
  await childLabour.getByRole('button', { name: 'Remove objective' }).click();
  await expect(headers).toHaveText(['Labour rights']);
  await page.getByRole('button', { name: 'Trash' }).click();
  await expect(page.getByRole('heading', { name: 'Removed objectives' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore objective “Child labour”' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await expect(headers).toHaveText(['Child labour', 'Labour rights']);
  await page.reload();
  await expect(headers).toHaveText(['Child labour', 'Labour rights']);
});
