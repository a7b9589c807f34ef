// Two people in two separate browser contexts (no shared BroadcastChannel or storage), so every
// change they see from each other went through the sync server.
import { expect, joinInBrowser, syncState, test } from './fixtures';

test('two people typing in the same title at once both see the merged text', async ({
  accord,
  browser,
}) => {
  const { planId, invites } = await accord.newPlan('Workshop plan', ['editor', 'editor']);
  await accord.seed(planId, { actions: 3 });
  const aina = await browser.newContext();
  const bob = await browser.newContext();
  const pageA = await aina.newPage();
  const pageB = await bob.newPage();
  await joinInBrowser(pageA, invites[0]!, 'Aýna', 'Ministry of Labour');
  await joinInBrowser(pageB, invites[1]!, 'Bob', 'ILO');

  for (const page of [pageA, pageB]) {
    await page.getByRole('button', { name: 'Open details of 1.1' }).click();
  }
  const titleA = pageA.locator('aside.detail').getByLabel('Title', { exact: true });
  const titleB = pageB.locator('aside.detail').getByLabel('Title', { exact: true });
  const original = await titleA.inputValue();
  await titleA.click();
  await titleA.press('End');
  // Presence: Bob sees who is in the title field, on the field and on the table row.
  await expect(pageB.locator('aside.detail .peer-flag', { hasText: 'Aýna' })).toBeVisible();
  await expect(pageB.locator('.action-row').first().locator('.peer-flag')).toHaveText('Aýna');
  await titleB.click();
  await titleB.press('Home');
  // Both type at the same time, keystroke by keystroke.
  await Promise.all([
    titleA.pressSequentially(' with trade unions', { delay: 40 }),
    titleB.pressSequentially('Urgent: ', { delay: 40 }),
  ]);
  const merged = `Urgent: ${original} with trade unions`;
  // Presence on another field: Bob moves to the deadline, Aýna sees him there.
  await pageB.locator('aside.detail').getByLabel('Deadline').focus();
  await expect(
    pageA.locator('aside.detail [data-field-name="deadline"] .peer-flag', { hasText: 'Bob' }),
  ).toBeVisible();
  await expect(titleA).toHaveValue(merged);
  await expect(titleB).toHaveValue(merged);
  // Presence: each sees the other as online.
  await expect(pageA.locator('.presence')).toContainText('B');
  await aina.close();
  await bob.close();
});

test('one person adds actions while the other filters', async ({ accord, browser }) => {
  const { planId, invites } = await accord.newPlan('Workshop plan', ['editor', 'editor']);
  await accord.seed(planId, { actions: 8 });
  const drafter = await (await browser.newContext()).newPage();
  const reader = await (await browser.newContext()).newPage();
  await joinInBrowser(drafter, invites[0]!, 'Drafter', 'Ombudsperson');
  await joinInBrowser(reader, invites[1]!, 'Reader', 'OSCE');

  await reader.getByLabel('Search actions').fill('New action');
  await expect(reader.getByText('Shown: 0 of 8')).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await drafter.getByRole('button', { name: '+ Add action' }).first().click();
    // Enter keeps the untitled "New action" (Escape would take it back)
    await expect(drafter.locator('.action-row input[data-field="title"]')).toBeFocused();
    await drafter.keyboard.press('Enter');
  }
  await expect(reader.getByText('Shown: 3 of 11')).toBeVisible();
  await expect(reader.locator('.action-row')).toHaveCount(3);
  // The filter is in the URL: a reload keeps it.
  await reader.reload();
  await expect(reader.getByLabel('Search actions')).toHaveValue('New action');
  await expect(reader.locator('.action-row')).toHaveCount(3);
});

test('an idle editor stays "saved" when another editor adds an action', async ({
  accord,
  browser,
}) => {
  const { planId, invites } = await accord.newPlan('Workshop plan', ['editor', 'editor']);
  await accord.seed(planId, { actions: 2 });
  const drafter = await (await browser.newContext()).newPage();
  const idle = await (await browser.newContext()).newPage();
  await joinInBrowser(drafter, invites[0]!, 'Drafter', 'Ombudsperson');
  await joinInBrowser(idle, invites[1]!, 'Idle', 'OSCE');
  await expect(syncState(idle)).toHaveAttribute('data-sync', 'saved');

  await drafter.getByRole('button', { name: '+ Add action' }).first().click();
  await drafter.keyboard.type('Train labour inspectors');
  await drafter.keyboard.press('Enter');
  await expect(syncState(drafter)).toHaveAttribute('data-sync', 'saved');
  // The idle editor sees the new action and has nothing of its own to save.
  await expect(idle.locator('.action-row', { hasText: 'Train labour inspectors' })).toBeVisible();
  await expect(syncState(idle)).toHaveAttribute('data-sync', 'saved');
  await expect(syncState(idle)).toHaveText('All changes saved to the server');
  // It stays so after a reload, when the server has nothing new for it.
  await idle.reload();
  await expect(idle.locator('.action-row', { hasText: 'Train labour inspectors' })).toBeVisible();
  await expect(syncState(idle)).toHaveAttribute('data-sync', 'saved');
});
