// The workspace header at narrow and wide windows, in English and in Russian (the longest
// strings): every control is inside the window, none overlaps another, and the page does not
// scroll sideways. Screenshots go to test-results/layout for a look.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const WIDTHS = [800, 1024, 1440] as const;
const LANGUAGES = ['en', 'ru'] as const;

interface Box {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The header's controls and tabs as laid out, each with its accessible text. */
function headerBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.topbar .plan-title, .topbar button, .topbar select, .topbar .sync, .topbar .badge, .tabs .tab',
      ),
    ]
      .filter((element) => element.offsetParent !== null)
      .map((element) => {
        const rect = element.getBoundingClientRect();
        return {
          name: element.getAttribute('aria-label') ?? element.textContent ?? '',
          x: rect.x,
          y: rect.y,
          width: rect.width,
          height: rect.height,
        };
      }),
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 1 &&
  b.x < a.x + a.width - 1 &&
  a.y < b.y + b.height - 1 &&
  b.y < a.y + a.height - 1;

test('the header fits at 800, 1024 and 1440 px in English and Russian', async ({
  accord,
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 800 });
  await page.goto(accord.url);
  await page
    .getByLabel('Plan title')
    .fill('National action plan on decent work and the elimination of forced labour 2025-2030');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.locator('[data-sync]')).toBeVisible();
  for (const language of LANGUAGES) {
    await page.locator('.topbar .preferences select').selectOption(language);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 700 });
      await page.screenshot({
        path: `test-results/layout/header-${language}-${width}.png`,
        clip: { x: 0, y: 0, width, height: 160 },
      });
      const boxes = await headerBoxes(page);
      expect(boxes.length).toBeGreaterThan(8);
      // The plan's title shrinks with an ellipsis but stays readable.
      const title = await page.locator('.topbar .plan-title').boundingBox();
      expect(title!.width, `title at ${width} px (${language})`).toBeGreaterThanOrEqual(120);
      for (const box of boxes) {
        expect(box.x, `${box.name} at ${width} px (${language})`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${box.name} at ${width} px (${language})`).toBeLessThanOrEqual(
          width,
        );
      }
      for (const [index, a] of boxes.entries()) {
        for (const b of boxes.slice(index + 1)) {
          expect(overlap(a, b), `${a.name} / ${b.name} at ${width} px (${language})`).toBe(false);
        }
      }
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(sideways, `page scrolls sideways at ${width} px (${language})`).toBe(false);
    }
  }
});
