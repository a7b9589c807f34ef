// Screenshots of every screen in each language and theme, for people to look at (test-results/
// screens); each also asserts the screen rendered its main landmark.
import type { Page } from '@playwright/test';
import { joinInBrowser, test, expect } from './fixtures';

/** Form controls and buttons a screen reader could not name (their outer HTML, shortened). */
function unlabelledControls(page: Page): Promise<string[]> {
  return page.locator('input, select, textarea, button').evaluateAll((elements) =>
    elements
      .filter((element) => {
        const control = element as HTMLInputElement;
        const named =
          (control.labels?.length ?? 0) > 0 ||
          control.getAttribute('aria-label') ||
          control.getAttribute('aria-labelledby') ||
          (element.tagName === 'BUTTON' && element.textContent?.trim());
        return !named;
      })
      .map((element) => element.outerHTML.slice(0, 120)),
  );
}

const SCREENS = [
  'actions',
  'dashboard',
  'timeline',
  'organisations',
  'frameworks',
  'trash',
  'plan',
] as const;

test('every screen renders in en/ru/tk, light and dark', async ({ accord, page }) => {
  test.setTimeout(180_000);
  const { planId, invites } = await accord.newPlan('Decent work 2021-2025', ['owner']);
  await accord.seed(planId, { actions: 60 });
  await page.setViewportSize({ width: 1440, height: 900 });
  await joinInBrowser(page, invites[0]!, 'Aýna Owez', 'Ministry of Labour');
  for (const theme of ['light', 'dark']) {
    for (const language of ['en', 'ru', 'tk']) {
      await page.evaluate(
        ([t, l]) => {
          localStorage.setItem('accord.theme', t!);
          const user = JSON.parse(localStorage.getItem('accord.user.v1')!);
          localStorage.setItem('accord.user.v1', JSON.stringify({ ...user, language: l }));
        },
        [theme, language],
      );
      for (const screen of SCREENS) {
        await page.goto(`${accord.url}/?plan=${planId}&view=${screen}`);
        await expect(page.locator('.screen')).toBeVisible();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `test-results/screens/${screen}-${language}-${theme}.png` });
        expect(await unlabelledControls(page), `unlabelled controls on ${screen}`).toEqual([]);
        if (screen === 'dashboard' || screen === 'plan') {
          await page.locator('.screen').evaluate((element) => element.scrollTo(0, 1e6));
          await page.screenshot({
            path: `test-results/screens/${screen}-end-${language}-${theme}.png`,
          });
        }
      }
      await page.goto(`${accord.url}/?plan=${planId}&view=actions`);
      await page.locator('.action-row').first().getByRole('button').click();
      await expect(page.locator('aside.detail')).toBeVisible();
      await page.screenshot({ path: `test-results/screens/detail-${language}-${theme}.png` });
      expect(await unlabelledControls(page), 'unlabelled controls in the detail panel').toEqual([]);
      await page.goto(`${accord.url}/`);
      await page.screenshot({ path: `test-results/screens/start-${language}-${theme}.png` });
    }
  }
});
