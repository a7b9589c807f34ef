import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as actions from '../plan/actions';
import { TestPlan } from '../plan/testing';
import { exportPlan } from './exportPlan';

// An untitled action has an empty title in the data; every report shows the placeholder in its
// reader's language, never in the language of whoever created the action.
const PLACEHOLDER = { en: 'New action', ru: 'Новое мероприятие', tk: 'Täze çäre' } as const;
const LANGUAGES = ['en', 'ru', 'tk'] as const;
const today = '2025-06-15';

function planWithAnUntitledAction() {
  const test = TestPlan.withActions(1);
  const objectiveId = test.snapshot().objectives[0]!.id;
  // Overdue, so it is listed on the XLSX "Overdue" sheet as well.
  actions.create(test.plan, { objectiveId, deadline: '2025-01-31' });
  return test.snapshot();
}

describe('an untitled action in reports', () => {
  it.each(LANGUAGES)(
    'the HTML report in %s shows its placeholder in that language',
    async (language) => {
      const file = await exportPlan(planWithAnUntitledAction(), {
        format: 'html',
        language,
        today,
      });
      const page = new TextDecoder().decode(file.bytes);
      expect(page).toContain(PLACEHOLDER[language]);
      for (const other of LANGUAGES.filter((l) => l !== language)) {
        expect(page).not.toContain(PLACEHOLDER[other]);
      }
    },
  );

  it.each(LANGUAGES)('the XLSX "Overdue" sheet in %s shows its placeholder', async (language) => {
    const file = await exportPlan(planWithAnUntitledAction(), { format: 'xlsx', language, today });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const overdue = workbook.worksheets.at(-1)!;
    const cells = overdue.getSheetValues().flat().map(String);
    expect(cells).toContain(PLACEHOLDER[language]);
  });

  it('the CSV file keeps the empty title, so the file imports back as the same data', async () => {
    const file = await exportPlan(planWithAnUntitledAction(), {
      format: 'csv',
      language: 'tk',
      today,
    });
    const text = new TextDecoder().decode(file.bytes);
    expect(text).not.toContain(PLACEHOLDER.tk);
  });
});
