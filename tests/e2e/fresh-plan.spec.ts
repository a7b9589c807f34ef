// A plan created on the server starts empty: its owner's first client writes the plan's meta, and
// what the owner drafts reaches an editor who joins later.
import { exportStoredPlan } from '../../server/http/planExport';
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

test('a plan created with the CLI and joined before its owner opened it has its title', async ({
  accord,
  browser,
}) => {
  const title = 'Plan named by the admin CLI';
  const { planId, invites } = await accord.newPlan(title, ['viewer', 'editor']);
  // A viewer first: it writes nothing, so the name it joined is what the header shows, and the
  // server's exports take the name the plan was created with.
  const viewer = await (await browser.newContext()).newPage();
  await joinInBrowser(viewer, invites[0]!, 'Donor', 'EU Delegation');
  await expect(viewer.locator('.plan-title')).toHaveText(title);
  const before = await exportStoredPlan({ store: accord.server.store }, planId, {
    format: 'json',
    lang: 'en',
  });
  expect(new TextDecoder().decode(before.bytes)).toContain(title);

  // An editor next: the first member who may edit writes the plan's meta with that name.
  const editor = await (await browser.newContext()).newPage();
  await joinInBrowser(editor, invites[1]!, 'Editor', 'ILO');
  await expect(editor.locator('.plan-title')).toHaveText(title);
  await expect(editor.locator('[data-sync]')).toHaveAttribute('data-sync', 'saved');
  await expect(viewer.locator('.plan-title')).toHaveText(title);
});
