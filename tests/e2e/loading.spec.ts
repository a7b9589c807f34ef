// A first open of a server plan paints the server's picture read-only and says why and how far
// the live document is; the server's sync messages are held back here so each step can be seen.
import type { WebSocketRoute } from '@playwright/test';
import { expect, joinInBrowser, test } from './fixtures';

test('a new member is told the plan is loading from the server, and at which step', async ({
  accord,
  page,
}) => {
  const { planId, invites } = await accord.newPlan('Loading plan', ['editor']);
  await accord.seed(planId, { actions: 40 });
  // Messages from the server wait until released; what the page sends goes through.
  const held: (string | Buffer)[] = [];
  let toPage: WebSocketRoute | null = null;
  let released = false;
  await page.routeWebSocket(/\/sync/, (ws) => {
    const server = ws.connectToServer();
    toPage = ws;
    server.onMessage((message) => {
      if (released) ws.send(message);
      else held.push(message);
    });
  });
  await joinInBrowser(page, invites[0]!, 'Aina', 'Ministry of Labour');
  const notice = page.locator('[data-loading]');
  await expect(notice).toHaveText(
    'Loading the plan from the server, step 2 of 3: receiving the plan. You can read it now; editing starts once it has arrived.',
  );
  await expect(page.locator('.action-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '+ Add action' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('loading.png') });

  released = true;
  for (const message of held.splice(0)) toPage!.send(message);
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: '+ Add action' }).first()).toBeVisible();
});
