// Live drafting by two people in two browser contexts against one real server: what each types
// stays in the action they created, however close together they press "+ Add action".
import { expect, joinInBrowser, test } from './fixtures';

/** Rounds of simultaneous clicks: the lost-title race showed in 3 of 6 by hand. */
const ROUNDS = 5;

test('two people adding an action at the same moment each type into their own', async ({
  accord,
  browser,
}) => {
  const { planId, invites } = await accord.newPlan('Workshop plan', ['editor', 'editor']);
  await accord.seed(planId, { actions: 2 });
  const aina = await browser.newContext();
  const bob = await browser.newContext();
  const pageA = await aina.newPage();
  const pageB = await bob.newPage();
  await joinInBrowser(pageA, invites[0]!, 'Aýna', 'Ministry of Labour');
  await joinInBrowser(pageB, invites[1]!, 'Bob', 'ILO');
  const editorOf = (page: typeof pageA) => page.locator('.action-row input[data-field="title"]');

  const titles: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const titleA = `Inspect farms ${round} Aýna`;
    const titleB = `Train judges ${round} Bob`;
    titles.push(titleA, titleB);
    await Promise.all([
      pageA.getByRole('button', { name: '+ Add action' }).first().click(),
      pageB.getByRole('button', { name: '+ Add action' }).first().click(),
    ]);
    await Promise.all([
      expect(editorOf(pageA)).toBeFocused(),
      expect(editorOf(pageB)).toBeFocused(),
    ]);
    // Slow enough that the other person's new action arrives while this title is typed.
    await Promise.all([
      editorOf(pageA).pressSequentially(titleA, { delay: 30 }),
      editorOf(pageB).pressSequentially(titleB, { delay: 30 }),
    ]);
    await Promise.all([pageA.keyboard.press('Enter'), pageB.keyboard.press('Enter')]);
    for (const page of [pageA, pageB]) {
      for (const title of [titleA, titleB]) {
        await expect(page.locator('.action-row', { hasText: title })).toHaveCount(1);
      }
    }
  }
  // Nothing interleaved and no action left untitled: every title is whole, each in one row.
  for (const page of [pageA, pageB]) {
    await expect(page.locator('.action-row')).toHaveCount(2 + 2 * ROUNDS);
    await expect(page.locator('.action-row .untitled')).toHaveCount(0);
    for (const title of titles) {
      await expect(page.locator('.action-row', { hasText: title })).toHaveCount(1);
    }
  }
  await aina.close();
  await bob.close();
});
