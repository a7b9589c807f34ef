// Imports: actions from CSV (the app's own export, and a file with bad rows) and XLSX through the
// Actions screen's dialog, where nothing is written before the user confirms and the import is one
// undo step; hostile cells arrive as plain text; corrupt files change nothing; viewers see no
// import.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, joinInBrowser, test, createLocalPlan } from './fixtures';

function chooseFile(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  return page
    .getByRole('dialog')
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType, buffer });
}

/** The open plan exported from the dashboard: the file's bytes and name. */
async function exportFromDashboard(page: Page, format: 'csv' | 'json') {
  await page.getByRole('button', { name: 'Dashboard' }).click();
  await page.getByLabel('Format').selectOption(format);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export' }).click(),
  ]);
  return { bytes: readFileSync((await download.path())!), name: download.suggestedFilename() };
}

const BAD_ROWS = [
  'Ref,Action,Lead organisation,Deadline,Framework links',
  '1.1,Train labour inspectors,Ministry of Labour,2025-12-31,sdg8:8.7',
  '1.2,Survey employers,Chamber of Commerce,2025-10-01,',
  '1.3,Hold public hearings,Ministry of Labour,31.02.2025,',
  '1.4,Map supply chains,Ministry of Labour,2025-09-01,xyz:1',
  '1.5,"=HYPERLINK(""http://evil.example"",""click"")",Ministry of Labour,2025-08-01,',
  '1.6,<script>window.pwned=1</script>,Ministry of Labour,2025-08-01,',
].join('\r\n');

test('a CSV with bad rows: the preview names each problem, cancel writes nothing, the valid rows import as one undo step', async ({
  accord,
  page,
}) => {
  test.setTimeout(90_000);
  await createLocalPlan(page, accord.url, 'Import check');
  await page.getByRole('button', { name: 'Import actions…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import actions' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();

  await chooseFile(page, 'actions.csv', Buffer.from(BAD_ROWS));
  await expect(dialog.getByTestId('import-counts')).toHaveText(
    'Rows: 6 · ready: 4 · with problems: 2',
  );
  // Recognised headers are preselected in the mapping table.
  await expect(dialog.getByLabel('Plan field for the column “Deadline”')).toHaveValue('deadline');
  await expect(dialog.getByLabel('Plan field for the column “Action”')).toHaveValue('title');
  const rows = dialog.locator('.import-row');
  await expect(rows.nth(2)).toContainText(
    'Deadline: “31.02.2025” is not a date (YYYY-MM-DD or DD.MM.YYYY).',
  );
  await expect(rows.nth(3)).toContainText(
    'Framework links: “xyz:1” names no framework this plan uses',
  );
  await expect(rows.nth(1)).toContainText(
    'Lead organisation: New organisation “Chamber of Commerce” will be created.',
  );
  await expect(dialog.getByRole('button', { name: 'Import actions: 4' })).toBeDisabled();
  await page.screenshot({ path: '/tmp/x/import-en.png' });
  await rows.nth(3).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/x/import-en-rows.png' });

  // Cancel: nothing written.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Import actions…' })).toBeFocused();
  await expect(page.locator('.action-row')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Undo/ })).toBeDisabled();

  // Again; Chamber of Commerce is not created, so its row is skipped with the bad ones.
  await page.getByRole('button', { name: 'Import actions…' }).click();
  await chooseFile(page, 'actions.csv', Buffer.from(BAD_ROWS));
  await dialog.getByLabel('Create “Chamber of Commerce”').uncheck();
  await expect(dialog.getByTestId('import-counts')).toHaveText(
    'Rows: 6 · ready: 3 · with problems: 3',
  );
  await expect(rows.nth(1)).toContainText('“Chamber of Commerce” will not be created.');
  await dialog.getByLabel('Import only the ready rows (rows skipped: 3)').check();
  await dialog.getByRole('button', { name: 'Import actions: 3' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    'Actions imported: 3 (new: 3, updated: 0). Organisations created: 1. Rows skipped: 3.',
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // Hostile cells are plain text.
  const actionRows = page.locator('.action-row');
  await expect(actionRows).toHaveCount(3);
  await expect(actionRows.nth(1)).toContainText('=HYPERLINK("http://evil.example","click")');
  await expect(actionRows.nth(2)).toContainText('<script>window.pwned=1</script>');
  expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
  await page.getByRole('button', { name: 'Organisations' }).click();
  const orgCards = page.locator('.org-card');
  await expect(orgCards).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Ministry of Labour' })).toBeVisible();

  // One undo step takes the whole import back, organisations included.
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(orgCards).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Undo/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await expect(page.locator('.action-row')).toHaveCount(0);

  // The dialog in Russian.
  await page.getByLabel('Language').selectOption('ru');
  await page.getByRole('button', { name: 'Импорт мероприятий…' }).click();
  const russian = page.getByRole('dialog', { name: 'Импорт мероприятий' });
  await chooseFile(page, 'actions.csv', Buffer.from(BAD_ROWS));
  await expect(russian.getByTestId('import-counts')).toHaveText(
    'Строк: 6 · готовы: 4 · с ошибками: 2',
  );
  await expect(russian.locator('.import-row').nth(2)).toContainText('Срок: «31.02.2025»');
  await page.screenshot({ path: '/tmp/x/import-ru.png' });
  await russian.locator('.import-row').nth(3).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/x/import-ru-rows.png' });
  await page.keyboard.press('Escape');
  await expect(russian).toBeHidden();
});

test('a plan’s own CSV export imports back into a new plan (round trip)', async ({
  accord,
  page,
}) => {
  test.setTimeout(120_000);
  const { planId, invites } = await accord.newPlan('Export source', ['editor']);
  await accord.seed(planId, { actions: 12 });
  await joinInBrowser(page, invites[0]!, 'Editor', 'Ministry');
  const csv = await exportFromDashboard(page, 'csv');

  await createLocalPlan(page, accord.url, 'Round trip');
  await page.getByRole('button', { name: 'Import actions…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import actions' });
  await chooseFile(page, csv.name, csv.bytes);
  await expect(dialog.getByTestId('import-counts')).toHaveText(
    'Rows: 12 · ready: 12 · with problems: 0',
  );
  await dialog.getByRole('button', { name: 'Import actions: 12' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    'Actions imported: 12 (new: 12, updated: 0). Organisations created: 5.',
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.action-row')).toHaveCount(12);

  // The same file again names the same actions by their refs and changes nothing in them.
  await page.getByRole('button', { name: 'Import actions…' }).click();
  await chooseFile(page, csv.name, csv.bytes);
  await expect(dialog.getByTestId('import-counts')).toHaveText(
    'Rows: 12 · ready: 12 · with problems: 0 · unchanged: 12',
  );
  await expect(dialog.locator('.import-row').first()).toContainText('No change to action');
  await dialog.getByRole('button', { name: 'Import actions: 12' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    'Actions imported: 0 (new: 0, updated: 0). Rows that changed nothing: 12.',
  );
  await page.keyboard.press('Escape');
  await expect(page.locator('.action-row')).toHaveCount(12);
});

test('an XLSX file imports, a dropped file is read, and corrupt or foreign files change nothing', async ({
  accord,
  page,
}) => {
  test.setTimeout(90_000);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Мероприятия');
  sheet.addRow(['Номер', 'Мероприятие', 'Срок', 'Статус', 'Выполнение (%)']);
  sheet.addRow(['2.1', 'Обучить трудовых инспекторов', new Date('2025-11-30'), 'Выполняется', 40]);
  sheet.addRow(['2.2', 'Провести опрос работодателей', '15.10.2025', 'planned', 0]);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

  await createLocalPlan(page, accord.url, 'Workbook import');
  await page.getByRole('button', { name: 'Import actions…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import actions' });

  // A damaged workbook and a PDF: a clear error, nothing shown to import.
  await chooseFile(
    page,
    'broken.xlsx',
    Buffer.concat([xlsx.subarray(0, 200), Buffer.alloc(100)]),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  await expect(dialog.getByRole('alert')).toHaveText(
    'The file could not be read as a table; it may be damaged. Nothing was imported.',
  );
  await chooseFile(page, 'report.pdf', Buffer.from('%PDF-1.7\n\0\0binary'), 'application/pdf');
  await expect(dialog.getByRole('alert')).toContainText('This is not a CSV or XLSX file.');
  await expect(dialog.locator('.import-row')).toHaveCount(0);

  // Dropped onto the dialog.
  const dataTransfer = await page.evaluateHandle(
    (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([new Uint8Array(bytes)], 'actions.xlsx', {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      );
      return transfer;
    },
    [...xlsx],
  );
  await dialog.dispatchEvent('drop', { dataTransfer });
  await expect(dialog.getByTestId('import-counts')).toHaveText(
    'Rows: 2 · ready: 2 · with problems: 0',
  );
  await expect(dialog.getByLabel('Plan field for the column “Выполнение (%)”')).toHaveValue(
    'progress',
  );
  await dialog.getByRole('button', { name: 'Import actions: 2' }).click();
  await expect(dialog.getByRole('status')).toContainText('Actions imported: 2 (new: 2');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const rows = page.locator('.action-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Обучить трудовых инспекторов');
  await expect(rows.first()).toContainText('In progress');
});

test('viewers see no import', async ({ accord, page }) => {
  const { planId, invites } = await accord.newPlan('Read only', ['viewer']);
  await accord.seed(planId, { actions: 2 });
  await joinInBrowser(page, invites[0]!, 'Donor', 'Embassy');
  await expect(page.locator('.action-row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Import actions…' })).toHaveCount(0);
});

test('a plan’s JSON export imports on the start screen: a new plan, or a copy of one this computer has', async ({
  accord,
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await createLocalPlan(page, accord.url, 'Decent work plan');
  await page.getByRole('button', { name: 'Import actions…' }).click();
  await chooseFile(page, 'actions.csv', Buffer.from(BAD_ROWS));
  const dialog = page.getByRole('dialog', { name: 'Import actions' });
  await dialog.getByLabel('Import only the ready rows (rows skipped: 2)').check();
  await dialog.getByRole('button', { name: 'Import actions: 4' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const json = await exportFromDashboard(page, 'json');
  const chooseJson = (target: Page, name: string, buffer: Buffer) =>
    target
      .getByLabel('Choose a JSON file')
      .setInputFiles({ name, mimeType: 'application/json', buffer });

  // On another computer (a fresh browser context): a new local plan with the same content.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(accord.url);
  await chooseJson(elsewhere, 'package.json', Buffer.from('{"name":"not a plan"}'));
  await expect(elsewhere.getByRole('alert')).toHaveText(
    'This JSON file is not a plan exported from Accord.',
  );
  await chooseJson(elsewhere, json.name, json.bytes);
  await expect(elsewhere.locator('.plan-title')).toHaveText('Decent work plan');
  await expect(elsewhere.locator('.action-row')).toHaveCount(4);
  await expect(elsewhere.locator('.action-row').first()).toContainText('Train labour inspectors');
  await other.close();

  // Here, where the plan already is: say so; open it, or import a separate copy.
  await page.getByRole('button', { name: '← All plans' }).click();
  await chooseJson(page, json.name, json.bytes);
  await expect(page.getByRole('alert')).toContainText(
    'This computer already has this plan: “Decent work plan”.',
  );
  await page.getByRole('button', { name: 'Import as a separate copy' }).click();
  await expect(page.locator('.plan-title')).toHaveText('Decent work plan (copy)');
  await expect(page.locator('.action-row')).toHaveCount(4);
  await page.getByRole('button', { name: '← All plans' }).click();
  await expect(page.locator('.plan-item')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/x/import-start.png' });
});

test('national plan items come from a CSV file, with lines that do not fit named', async ({
  accord,
  page,
}) => {
  await createLocalPlan(page, accord.url, 'Chapters');
  await page.getByRole('button', { name: 'Frameworks' }).click();
  await page
    .getByRole('button', { name: /Human Rights Action Plan|HRAP|national/i })
    .first()
    .click();
  const items = page.getByLabel('Read items from a CSV file');
  await items.setInputFiles({
    name: 'chapters.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'code,title\n1,Civil and political rights\n1.1,Access to justice\n1.1,Again\n',
    ),
  });
  await expect(page.getByText('Items ready to add: 2')).toBeVisible();
  await expect(page.getByText('Line 4: the code 1.1 is listed twice.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add these items' })).toBeDisabled();
  await items.setInputFiles({
    name: 'chapters.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('code,title\n1,Civil and political rights\n1.1,Access to justice\n'),
  });
  await page.getByRole('button', { name: 'Add these items' }).click();
  await expect(page.locator('.framework-item')).toHaveCount(2);
  await expect(page.locator('.framework-item').nth(1)).toContainText('1.1 Access to justice');
});
