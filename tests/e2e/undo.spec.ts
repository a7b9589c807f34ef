// Undo takes back this person's own changes only: a colleague's edit made in between stays; one
// Undo takes back one thing done (an action drafted, a title typed), and the table keeps the focus.
// Tab moves along a row also when not editing; N then Escape adds nothing. The desktop menu's
// Edit > Undo / Redo run the same commands, as do File > Import… and File > New plan.
import type { Page } from '@playwright/test';
import en from '../../shared/i18n/ui/en';
import { createLocalPlan, expect, joinInBrowser, test } from './fixtures';

test('undo reverts my own edit and leaves a colleague’s', async ({ accord, browser }) => {
  const { planId, invites } = await accord.newPlan('Undo plan', ['editor', 'editor']);
  await accord.seed(planId, { actions: 4 });
  const me = await (await browser.newContext()).newPage();
  const colleague = await (await browser.newContext()).newPage();
  await joinInBrowser(me, invites[0]!, 'Me', 'Ministry of Labour');
  await joinInBrowser(colleague, invites[1]!, 'Colleague', 'ILO');

  // I set 1.1's status in the table; my colleague renames 2.1 in the detail panel.
  const myRow = me.locator('.action-row', { hasText: 'Action 1:' });
  await myRow.locator('[data-column="status"]').click();
  await myRow.getByLabel('Status').selectOption('completed');
  await expect(myRow.locator('[data-column="status"]')).toHaveText('Completed');

  await colleague.getByRole('button', { name: 'Open details of 2.1' }).click();
  const title = colleague.locator('aside.detail').getByLabel('Title', { exact: true });
  await title.click();
  await title.press('End');
  await title.pressSequentially(' (colleague)');
  await expect(me.locator('.action-row', { hasText: '(colleague)' })).toBeVisible();

  await me.getByRole('button', { name: /Undo/ }).click();
  await expect(myRow.locator('[data-column="status"]')).toHaveText('Planned');
  await expect(me.locator('.action-row', { hasText: '(colleague)' })).toBeVisible();
  await expect(
    colleague.locator('.action-row', { hasText: 'Action 1:' }).locator('[data-column="status"]'),
  ).toHaveText('Planned');
  // Nothing of mine is left to undo: the colleague's edit is not in my history.
  await expect(me.getByRole('button', { name: /Undo/ })).toBeDisabled();

  await me.keyboard.press('Control+Shift+Z');
  await expect(myRow.locator('[data-column="status"]')).toHaveText('Completed');
});

/** A local plan with objective "Obj C" and four actions drafted from the keyboard at workshop pace. */
async function draftFourActions(page: Page, url: string) {
  await createLocalPlan(page, url, 'Drafting plan');
  await page.getByRole('button', { name: '+ Add objective' }).click();
  await expect(page.getByRole('textbox', { name: 'Rename objective' })).toBeFocused();
  await page.keyboard.type('Obj C');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('n');
    await page.keyboard.type('Realistic C1', { delay: 60 });
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.action-row')).toHaveCount(4);
  await expect(page.locator('.objective-row .objective-title')).toHaveText('Obj C');
}

test('one Undo takes back one drafted action, not the whole burst; focus stays in the table', async ({
  accord,
  page,
}) => {
  await draftFourActions(page, accord.url);
  const titles = page.locator('.action-row [data-column="title"]');
  const inGrid = () => page.evaluate(() => !!document.activeElement?.closest('.grid'));

  await page.keyboard.press('Control+z');
  await expect(page.locator('.action-row')).toHaveCount(3);
  await expect(titles).toHaveText(Array(3).fill('Realistic C1'));
  await expect(page.locator('.objective-row .objective-title')).toHaveText('Obj C');
  // The focus stays in the grid, on the nearest remaining row: N still works.
  expect(await inGrid()).toBe(true);
  await expect(page.locator('.grid .cell.active')).toBeFocused();

  await page.keyboard.press('Control+z');
  await expect(page.locator('.action-row')).toHaveCount(2);
  await expect(page.locator('.objective-row .objective-title')).toHaveText('Obj C');
  expect(await inGrid()).toBe(true);

  await page.keyboard.press('Control+y');
  await expect(page.locator('.action-row')).toHaveCount(3);
  expect(await inGrid()).toBe(true);
  await expect(page.locator('.grid .cell.active')).toBeFocused();

  await page.keyboard.press('n');
  await expect(page.locator('.action-row input[data-field="title"]')).toBeFocused();
  await page.keyboard.type('After undo');
  await page.keyboard.press('Enter');
  await expect(page.locator('.action-row')).toHaveCount(4);
  await expect(page.locator('.grid')).toContainText('After undo');
});

test('typing a title is one undo step; undo keeps the action it was typed in', async ({
  accord,
  page,
}) => {
  await draftFourActions(page, accord.url);
  const first = page.locator('.action-row').first();
  await first.locator('[data-column="title"]').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and more', { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(first.locator('[data-column="title"]')).toHaveText('Realistic C1 and more');
  await page.keyboard.press('Control+z');
  await expect(first.locator('[data-column="title"]')).toHaveText('Realistic C1');
  await expect(page.locator('.action-row')).toHaveCount(4);
});

test('Tab moves along a row that is not being edited; N then Escape adds nothing', async ({
  accord,
  page,
}) => {
  await draftFourActions(page, accord.url);
  const row = page.locator('.action-row').first();
  await row.locator('[data-column="title"]').click();
  await page.keyboard.press('Escape');
  await expect(row.locator('[data-column="title"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row.locator('[data-column="lead"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row.locator('[data-column="deadline"]')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(row.locator('[data-column="title"]')).toBeFocused();
  // Only past the row's last cell does Tab leave the table.
  await row.locator('[data-column="health"]').click();
  await expect(row.locator('[data-column="health"]')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.grid'))).toBe(false);

  // N, Escape: the new action is taken back, and nothing is left to undo or redo of it.
  await row.locator('[data-column="title"]').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.locator('.action-row')).toHaveCount(5);
  await expect(page.locator('.action-row input[data-field="title"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.action-row')).toHaveCount(4);
  await expect(page.locator('.grid')).not.toContainText('New action');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.grid'))).toBe(true);
  await expect(page.getByRole('button', { name: /Redo/ })).toBeDisabled();
  // N and Escape at once (before the editor is there) as well.
  await page.keyboard.press('n');
  await page.keyboard.press('Escape');
  await expect(page.locator('.action-row')).toHaveCount(4);
  await expect(page.locator('.grid')).not.toContainText('New action');
  // The last drafted action is still the one Undo takes back.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.action-row')).toHaveCount(3);
  await expect(page.locator('.grid .cell.active')).toBeFocused();

  // N, Enter with nothing typed keeps a "New action" (the user chose to keep it).
  await page.keyboard.press('n');
  await expect(page.locator('.action-row input[data-field="title"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.action-row')).toHaveCount(4);
  await expect(page.locator('.grid')).toContainText('New action');
  // It is untitled in the data, not "New action": each reader sees the placeholder in their own
  // language, and editing it starts from an empty title.
  await page.locator('.topbar .preferences select').selectOption('tk');
  await expect(page.locator('.grid')).toContainText('Täze çäre');
  await expect(page.locator('.grid')).not.toContainText('New action');
  await page.locator('.action-row .untitled').click();
  await page.keyboard.press('F2');
  await expect(page.locator('.action-row input[data-field="title"]')).toHaveValue('');
});

test('the desktop menu undoes, redoes, opens the import and goes back to the plans', async ({
  accord,
  page,
}) => {
  // A stand-in for the preload's menu events (shared/contracts/ipc.ts onMenuCommand).
  await page.addInitScript(() => {
    const events = window as unknown as Record<string, unknown>;
    (window as unknown as { accord: Record<string, unknown> }).accord = {
      onMenuCommand: (listener: (command: string) => void) => {
        events.__menuCommand = listener;
        return () => {};
      },
    };
  });
  const menu = (command: string) =>
    page.evaluate(
      (command) =>
        (window as unknown as { __menuCommand: (command: string) => void }).__menuCommand(command),
      command,
    );
  await createLocalPlan(page, accord.url, 'Menu plan');
  await page.getByRole('button', { name: `+ ${en.table.addAction}` }).click();
  await expect(page.locator('.action-row input[data-field="title"]')).toBeFocused();
  await page.keyboard.type('Drafted from the toolbar');
  await page.keyboard.press('Enter');
  await expect(page.locator('.action-row')).toHaveText(/Drafted from the toolbar/);

  await menu('undo');
  await expect(page.locator('.action-row')).toHaveCount(0);
  await menu('redo');
  await expect(page.locator('.action-row')).toHaveText(/Drafted from the toolbar/);

  await menu('importPlan');
  const dialog = page.getByRole('dialog', { name: en.importActions.title });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await menu('newPlan');
  await expect(page.getByRole('heading', { name: en.start.title })).toBeVisible();
});
