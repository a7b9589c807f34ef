// Undo takes back this person's own changes only: a colleague's edit made in between stays.
import { expect, joinInBrowser, test } from './fixtures';

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
