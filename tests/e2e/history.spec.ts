// Saved versions in two separate browser contexts: an owner restores a version on the plan
// screen, and a viewer elsewhere sees the restored values arrive through the sync server; the
// owner then undoes the restore.
import { expect, joinInBrowser, test } from './fixtures';

test('an owner restores a saved version and a viewer sees it live; the restore can be undone', async ({
  accord,
  browser,
}) => {
  const { planId, invites } = await accord.newPlan('Decent work plan', ['owner', 'viewer']);
  await accord.seed(planId, { actions: 3 });
  // a checkpoint of the seeded plan, as the server's compaction keeps one
  const store = accord.server.store;
  const { state } = await store.loadMergedState(planId);
  await store.addCheckpoint(planId, Date.now(), 1, state);

  const owner = await (await browser.newContext()).newPage();
  const viewer = await (await browser.newContext()).newPage();
  await joinInBrowser(owner, invites[0]!, 'Aýna', 'Ministry of Labour');
  await joinInBrowser(viewer, invites[1]!, 'Donor', 'EU Delegation');

  await owner.getByRole('button', { name: 'Open details of 1.1' }).click();
  const title = owner.locator('aside.detail').getByLabel('Title', { exact: true });
  const original = await title.inputValue();
  await title.fill('Changed after the saved version');
  await title.press('Enter');
  const viewerRow = viewer.locator('.action-row').first();
  await expect(viewerRow).toContainText('Changed after the saved version');

  await owner.getByRole('button', { name: 'Plan & members' }).click();
  const versions = owner.locator('section[aria-labelledby="versions-heading"]');
  await versions.getByRole('button', { name: 'Restore this version' }).first().click();
  await expect(versions.getByRole('status')).toContainText('1 action(s) changed');
  await expect(viewerRow).toContainText(original);
  await owner.screenshot({ path: 'test-results/history-screen.png', fullPage: true });

  await versions.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(viewerRow).toContainText('Changed after the saved version');
});
