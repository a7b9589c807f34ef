// A server that stops answering while someone drafts: the indicator says so, and counts each
// edit kept on this computer, instead of "Connecting…" for ever.
import { expect, joinInBrowser, syncState, test } from './fixtures';

test('a stopped server reads "cannot reach the server" with the edits kept here', async ({
  accord,
  browser,
}) => {
  const { planId, invites } = await accord.newPlan('Field visit plan', ['editor']);
  await accord.seed(planId, { actions: 4 });
  const page = await (await browser.newContext()).newPage();
  await joinInBrowser(page, invites[0]!, 'Drafter', 'Ministry of Labour');
  await expect(syncState(page)).toHaveAttribute('data-sync', 'saved');

  await accord.server.close();
  await expect(syncState(page)).toHaveAttribute('data-sync', 'unreachable');
  await expect(syncState(page)).toHaveText('Cannot reach the server · retrying');

  // Four separate edits: the titles of four actions, one after another.
  for (const ref of ['1.1', '2.1', '3.1', '4.1']) {
    await page.getByRole('button', { name: `Open details of ${ref}` }).click();
    const title = page.locator('aside.detail').getByLabel('Title', { exact: true });
    await title.click();
    await title.press('End');
    await title.pressSequentially(' (revised)');
  }
  await expect(syncState(page)).toHaveText(
    'Cannot reach the server · changes kept on this computer: 4',
  );
  await syncState(page).screenshot({ path: 'test-results/sync-badge-unreachable.png' });
});
