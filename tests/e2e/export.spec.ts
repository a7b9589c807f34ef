// A donor exports the plan from the dashboard in every format; each file arrives with content.
import { readFileSync } from 'node:fs';
import { expect, joinInBrowser, test, createLocalPlan } from './fixtures';

test('the dashboard exports the plan as PDF, HTML, XLSX, CSV and JSON', async ({
  accord,
  page,
}) => {
  test.setTimeout(120_000);
  const { planId, invites } = await accord.newPlan('Donor report', ['viewer']);
  await accord.seed(planId, { actions: 12 });
  await joinInBrowser(page, invites[0]!, 'Donor', 'Embassy');
  await page.getByRole('button', { name: 'Dashboard' }).click();
  const starts: Record<string, string> = {
    pdf: '%PDF',
    html: '<!doctype html',
    xlsx: 'PK',
    csv: '',
    json: '{',
  };
  for (const format of ['pdf', 'html', 'xlsx', 'csv', 'json']) {
    await page.getByLabel('Format').selectOption(format);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    const bytes = readFileSync((await download.path())!);
    expect(bytes.length, format).toBeGreaterThan(100);
    expect(bytes.subarray(0, 20).toString('latin1').toLowerCase()).toContain(
      starts[format]!.toLowerCase(),
    );
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a bad reporting period is explained in plain words, in the UI language', async ({
  accord,
  page,
}) => {
  await createLocalPlan(page, accord.url, 'Period plan');
  await page.getByRole('button', { name: 'Dashboard' }).click();
  const panel = page.locator('.export-panel');
  await panel.getByLabel('Period from').fill('2025-06-30');
  await panel.getByRole('button', { name: 'Export' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'Choose both dates of the period, or neither to export the whole plan.',
  );
  await panel.getByLabel('Period to').fill('2025-01-01');
  await panel.getByRole('button', { name: 'Export' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'The period ends before it starts: “Period from” must be on or before “Period to”.',
  );
  await page.screenshot({ path: '/tmp/x/export-period.png' });
  await page.getByLabel('Language').selectOption('ru');
  await panel.getByRole('button', { name: 'Экспортировать' }).click();
  await expect(panel.getByRole('alert')).toContainText('Период заканчивается раньше');
});
