// Member tokens in the desktop app: the page is given the preload's token functions (main's real
// token store in the test process, keychainStandIn.ts), and a joined plan's token must be kept
// there, never in the page's storage, yet the plan syncs, also after a reload. With no keychain
// the app says once that the user will join again after a restart. Tokens an older version left
// in the page's storage move to the keychain.
import en from '../../shared/i18n/ui/en';
import { expect, joinInBrowser, syncState, test } from './fixtures';
import { pageStorageText, standInKeychain } from './keychainStandIn';

test('a plan joined in the desktop app keeps its token in the keychain, not in the page', async ({
  accord,
  browser,
}) => {
  const { planId, invites } = await accord.newPlan('Decent work 2025', ['editor']);
  const page = await (await browser.newContext()).newPage();
  const keychain = await standInKeychain(page, { keychain: true });
  try {
    await joinInBrowser(page, invites[0]!, 'Aýna', 'Ministry of Labour');
    await expect(syncState(page)).toHaveAttribute('data-sync', 'saved');
    const key = { serverUrl: accord.url, planId };
    const token = await keychain.get(key);
    expect(token).toBeTruthy();
    expect(await pageStorageText(page)).not.toContain(token!);
    await expect(page.locator('[data-notice^="membership"]')).toHaveCount(0);

    // A reload (a new session) finds the token in the keychain and syncs again.
    await page.reload();
    await expect(syncState(page)).toHaveAttribute('data-sync', 'saved');

    // Removing the plan from this computer forgets its token.
    await page.getByRole('button', { name: 'All plans' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove from this computer' }).click();
    await expect(page.getByText(en.start.empty)).toBeVisible();
    await expect.poll(() => keychain.get(key)).toBeNull();
  } finally {
    keychain.dispose();
  }
});

test('with no keychain the app says once that the user must join again after a restart', async ({
  accord,
  browser,
}) => {
  const { invites } = await accord.newPlan('Decent work 2025', ['editor', 'editor']);
  const page = await (await browser.newContext()).newPage();
  const keychain = await standInKeychain(page, { keychain: false });
  try {
    await joinInBrowser(page, invites[0]!, 'Aýna', 'Ministry of Labour');
    await expect(syncState(page)).toHaveAttribute('data-sync', 'saved');
    const notice = page.locator('[data-notice="membership-sessionOnly"]');
    await expect(notice).toHaveText(new RegExp(en.membership.sessionOnly.slice(0, 40)));
    await notice.getByRole('button', { name: en.errors.dismiss }).click();
    await expect(notice).toHaveCount(0);
    const storage = await pageStorageText(page);
    expect(storage).toContain('"memberId"');
    expect(storage).not.toContain('"token"');

    // A second plan joined in the same session: already said, not said again.
    await page.getByRole('button', { name: 'All plans' }).click();
    await page.getByLabel(en.start.inviteLink).fill(invites[1]!);
    await page.getByRole('button', { name: en.start.join }).click();
    await expect(page.getByRole('grid')).toBeVisible();
    await expect(syncState(page)).toHaveAttribute('data-sync', 'saved');
    await expect(notice).toHaveCount(0);
    expect(await pageStorageText(page)).not.toContain('"token"');
  } finally {
    keychain.dispose();
  }
});

test('a token an older version left in the page storage moves to the keychain', async ({
  accord,
  browser,
}) => {
  const { planId, invites } = await accord.newPlan('Decent work 2025', ['editor']);
  const context = await browser.newContext();
  // An older version: joined with no token functions, so the token went into the plan list.
  const before = await context.newPage();
  await joinInBrowser(before, invites[0]!, 'Aýna', 'Ministry of Labour');
  await expect(syncState(before)).toHaveAttribute('data-sync', 'saved');
  const token = await before.evaluate(
    () =>
      (
        JSON.parse(localStorage.getItem('accord.plans.v1') ?? '[]') as {
          server: { token: string };
        }[]
      )[0]!.server.token,
  );
  expect(token).toBeTruthy();
  await before.close();

  // This version, on the desktop, in the same profile.
  const page = await context.newPage();
  const keychain = await standInKeychain(page, { keychain: true });
  try {
    await page.goto(accord.url);
    await page.getByRole('button', { name: /Decent work 2025/ }).click();
    await expect(syncState(page)).toHaveAttribute('data-sync', 'saved');
    expect(await keychain.get({ serverUrl: accord.url, planId })).toBe(token);
    expect(await pageStorageText(page)).not.toContain(token);
  } finally {
    keychain.dispose();
  }
});
