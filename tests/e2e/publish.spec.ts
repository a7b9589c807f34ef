// A plan drafted on this computer is published to a server later, into an empty plan its admin
// created; an editor who joins that plan then sees everything drafted offline.
import { expect, joinInBrowser, test, createLocalPlan } from './fixtures';

test('a local plan is published to a server and others see it', async ({ accord, browser }) => {
  const drafter = await (await browser.newContext()).newPage();
  await createLocalPlan(drafter, accord.url, 'Drafted on the train');
  await drafter.getByRole('button', { name: '+ Add objective' }).click();
  await drafter.getByRole('button', { name: '+ Add action' }).first().click();
  await drafter.keyboard.type('Register seasonal workers');
  await drafter.keyboard.press('Enter');
  await expect(drafter.locator('.action-row')).toContainText('Register seasonal workers');

  const { invites } = await accord.newPlan('Empty plan for publishing', ['owner', 'editor']);
  await drafter.getByRole('button', { name: 'Plan & members' }).click();
  await drafter.getByLabel('Invite link or code').fill(invites[0]!);
  await drafter.getByLabel('Your name', { exact: true }).fill('Drafter');
  await drafter.getByLabel('Your organisation').fill('Ministry of Labour');
  await drafter.getByRole('button', { name: 'Publish' }).click();
  await expect(drafter.locator('[data-sync]')).toHaveAttribute('data-sync', 'saved');

  const editor = await (await browser.newContext()).newPage();
  await joinInBrowser(editor, invites[1]!, 'Editor', 'ILO');
  await expect(editor.locator('.plan-title')).toHaveText('Drafted on the train');
  await expect(editor.locator('.action-row')).toContainText('Register seasonal workers');

  // Plan & members asks the server for members and history once, not again after every render.
  const asked: string[] = [];
  editor.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/\/(members|history)$/.test(path)) asked.push(path.split('/').pop()!);
  });
  await editor.getByRole('button', { name: 'Plan & members' }).click();
  await expect(editor.locator('main')).toContainText('Drafter');
  await editor.waitForTimeout(1_500);
  expect(asked.sort()).toEqual(['history', 'members']);
});

test('members and history that fail to load say why, with a retry', async ({ accord, page }) => {
  const { invites } = await accord.newPlan('Plan with a flaky server', ['editor']);
  await joinInBrowser(page, invites[0]!, 'Editor', 'ILO');
  // The members call gets no answer; the history call an error in the server's words.
  await page.route('**/members', (route) => route.abort());
  await page.route('**/history*', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'busy', message: 'Storage is busy' }),
    }),
  );
  await page.getByRole('button', { name: 'Plan & members' }).click();
  const host = new URL(accord.url).host;
  await expect(page.getByRole('alert').filter({ hasText: 'members' })).toHaveText(
    `The members could not be loaded: the server at ${host} could not be reached; check the address and the network connection`,
  );
  await expect(page.getByRole('alert').filter({ hasText: 'recent changes' })).toHaveText(
    'The recent changes could not be loaded: Storage is busy',
  );
  await page.locator('.topbar .preferences select').selectOption('ru');
  await expect(page.getByRole('alert').filter({ hasText: 'участников' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Попробовать снова' })).toHaveCount(2);

  // The server answers again: Retry loads them.
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Попробовать снова' }).first().click();
  await expect(page.locator('.mini-table')).toContainText('Editor');
  await page.getByRole('button', { name: 'Попробовать снова' }).click();
  await expect(page.locator('.history')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
