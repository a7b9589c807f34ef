// Switching to Russian leaves no English UI text on any screen (the plan's own data is Russian
// here, so any English left would be ours).
import type { Page } from '@playwright/test';
import en from '../../shared/i18n/ui/en';
import planEn from '../../shared/i18n/plan/en';
import ru from '../../shared/i18n/ui/ru';
import planRu from '../../shared/i18n/plan/ru';
import { expect, joinInBrowser, test } from './fixtures';

function leaves(value: object): string[] {
  return Object.values(value).flatMap((child) =>
    typeof child === 'string' ? [child] : leaves(child as object),
  );
}

// English strings that must not appear: their static parts, where Russian differs.
const russian = new Set([...leaves(ru), ...leaves(planRu)]);
const english = [...leaves(en), ...leaves(planEn)]
  .filter((text) => !russian.has(text))
  .flatMap((text) => text.split(/\{\{[^}]+\}\}/))
  .map((part) => part.replace(/[:.,·…()“”‘’'"%\s—-]+$/u, '').replace(/^[:.,·…()“”‘’'"%\s—-]+/u, ''))
  .filter((part) => /[A-Za-z]{3}/.test(part) && part !== 'English');

test('the Russian screen has no English left', async ({ accord, page }) => {
  const { planId, invites } = await accord.newPlan('План', ['owner']);
  await accord.seed(planId, { actions: 24, russian: true });
  await joinInBrowser(page, invites[0]!, 'Айна', 'Министерство труда');
  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByRole('button', { name: 'Мероприятия' })).toBeVisible();

  const screens = [
    'actions',
    'dashboard',
    'timeline',
    'organisations',
    'frameworks',
    'trash',
    'plan',
  ];
  for (const screen of screens) {
    await page.goto(`${accord.url}/?plan=${planId}&view=${screen}`);
    await expect(page.locator('.screen')).toBeVisible();
    await assertNoEnglish(page, screen);
  }
  await page.goto(`${accord.url}/?plan=${planId}`);
  await page.locator('.action-row').first().getByRole('button').click();
  await expect(page.locator('aside.detail')).toBeVisible();
  await assertNoEnglish(page, 'detail');
  await page.goto(`${accord.url}/`);
  await assertNoEnglish(page, 'start');
});

async function assertNoEnglish(page: Page, where: string) {
  const text = await page.locator('body').innerText();
  const labels = await page
    .locator('[aria-label], [title], [placeholder]')
    .evaluateAll((elements) =>
      elements.map((element) =>
        ['aria-label', 'title', 'placeholder']
          .map((name) => element.getAttribute(name) ?? '')
          .join(' '),
      ),
    );
  const all = `${text}\n${labels.join('\n')}`;
  const found = english.filter((part) => all.includes(part));
  expect(found, `English on the Russian ${where} screen`).toEqual([]);
}
