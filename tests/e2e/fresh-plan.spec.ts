// A plan created on the server starts empty: its owner's first client writes the plan's meta, and
// what the owner drafts reaches an editor who joins later.
import { expect, joinInBrowser, test } from './fixtures';

test('the owner of a new server plan sets it up and an editor joining later sees it', async ({
  accord,
  browser,
}) => {
  const { invites } = await accord.newPlan('National action plan 2026-2030', ['owner', 'editor']);
  const owner = await (await browser.newContext()).newPage();
  await joinInBrowser(owner, invites[0]!, 'Owner', 'Ministry of Labour');
  await expect(owner.locator('.plan-title')).toHaveText('National action plan 2026-2030');
  await owner.getByRole('button', { name: '+ Add objective' }).click();
  await owner.getByRole('button', { name: '+ Add action' }).first().click();
  await expect(owner.locator('.action-row')).toHaveCount(1);
  await expect(owner.locator('[data-sync]')).toHaveAttribute('data-sync', 'saved');

  const editor = await (await browser.newContext()).newPage();
  await joinInBrowser(editor, invites[1]!, 'Editor', 'ILO');
  await expect(editor.locator('.plan-title')).toHaveText('National action plan 2026-2030');
  await expect(editor.locator('.objective-row')).toContainText('New objective');
  await expect(editor.locator('.action-row')).toContainText('New action');
});
