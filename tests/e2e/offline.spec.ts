// Working offline: edit, reload with no network (the service worker serves the app, IndexedDB the
// plan), reconnect; both people converge and "saved to the server" comes back.
import { createServer, type AddressInfo } from 'node:net';
import { expect, joinInBrowser, syncState, test } from './fixtures';

test('an offline edit survives a reload and merges on reconnect', async ({ accord, browser }) => {
  const { planId, invites } = await accord.newPlan('Field visit plan', ['editor', 'editor']);
  await accord.seed(planId, { actions: 4 });
  const travellerContext = await browser.newContext();
  const traveller = await travellerContext.newPage();
  const office = await (await browser.newContext()).newPage();
  await joinInBrowser(traveller, invites[0]!, 'Traveller', 'Ministry of Labour');
  await joinInBrowser(office, invites[1]!, 'Office', 'ILO');
  // An editor who has changed nothing is told everything is saved once the first sync is done.
  await expect(syncState(traveller)).toHaveAttribute('data-sync', 'saved');
  await expect(syncState(traveller)).toHaveText('All changes saved to the server');
  await syncState(traveller).screenshot({ path: 'test-results/sync-badge-editor.png' });
  // The service worker has cached the app once it controls the page.
  await traveller.evaluate(() => navigator.serviceWorker.ready);
  // Every emitted file is precached, the lazily loaded ones too: the XLSX writer works offline.
  const precached = await traveller.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(precached.some((url) => /\/assets\/exportXlsx-[^/]+\.js/.test(url))).toBe(true);
  expect(precached.some((url) => /\/assets\/exceljs[^/]*\.js/.test(url))).toBe(true);
  await traveller.reload();
  await expect(syncState(traveller)).toHaveAttribute('data-sync', 'saved');

  await travellerContext.setOffline(true);
  await expect(syncState(traveller)).toHaveAttribute('data-sync', 'offline');
  await traveller.getByRole('button', { name: 'Open details of 1.1' }).click();
  const title = traveller.locator('aside.detail').getByLabel('Title', { exact: true });
  await title.click();
  await title.press('End');
  await title.pressSequentially(' (checked on site)');
  // Eighteen keys typed in one go are one change, not one per Yjs item.
  await expect(syncState(traveller)).toHaveText('Offline · changes not yet on the server: 1');
  await syncState(traveller).screenshot({ path: 'test-results/sync-badge-offline.png' });

  // Meanwhile the office changes another action.
  await office.getByRole('button', { name: 'Open details of 2.1' }).click();
  const officeTitle = office.locator('aside.detail').getByLabel('Title', { exact: true });
  await officeTitle.click();
  await officeTitle.press('End');
  await officeTitle.pressSequentially(' (funded)');

  await traveller.reload();
  await expect(traveller.locator('aside.detail').getByLabel('Title', { exact: true })).toHaveValue(
    /\(checked on site\)$/,
  );
  await expect(syncState(traveller)).toHaveAttribute('data-sync', 'offline');
  await expect(syncState(traveller)).toHaveText('Offline · changes not yet on the server: 1');

  await travellerContext.setOffline(false);
  await expect(syncState(traveller)).toHaveAttribute('data-sync', 'saved', { timeout: 15_000 });
  await expect(syncState(traveller)).toHaveText('All changes saved to the server');
  await expect(office.locator('.action-row').first()).toContainText('(checked on site)');
  await expect(traveller.locator('.action-row').nth(1)).toContainText('(funded)');
  await expect(syncState(office)).toHaveAttribute('data-sync', 'saved');
});

test('an invite to a server nobody answers at says the server could not be reached', async ({
  accord,
  page,
}) => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  await page.goto(accord.url);
  await page
    .getByLabel('Invite link or code')
    .fill(`http://127.0.0.1:${port}/#/join?plan=p-1&code=abc`);
  await page.getByLabel('Your name').fill('Guest');
  await page.getByLabel('Your organisation').fill('ILO');
  await page.getByRole('button', { name: 'Join plan' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    `Could not join: the server at 127.0.0.1:${port} could not be reached; check the address and the network connection`,
  );
  await expect(page.getByRole('alert')).not.toContainText('Failed to fetch');
});
