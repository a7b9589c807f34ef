import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as actions from '../plan/actions';
import * as indicators from '../plan/indicators';
import { liveActions, overdue } from '../plan/views';
import { exportPlan } from './exportPlan';
import { reportTestPlan, RUSSIAN_TITLE, TURKMEN_TITLE } from './reportTestPlan';

const today = '2025-06-15';

async function workbookOf(language: 'en' | 'ru' | 'tk', hostile = false) {
  const snapshot = reportTestPlan({ hostile }).snapshot();
  const file = await exportPlan(snapshot, { format: 'xlsx', language, today });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return { snapshot, workbook };
}

function column(sheet: ExcelJS.Worksheet, header: string): number {
  const row = sheet.getRow(1).values as unknown[];
  const index = row.indexOf(header);
  if (index < 1) throw new Error(`no column ${header}`);
  return index;
}

describe('XLSX export', () => {
  it.each([
    [
      'en',
      [
        'Actions',
        'Progress updates',
        'Logframe',
        'SDG 8 coverage',
        'Plan chapters',
        'By organisation',
        'Overdue',
      ],
    ],
    [
      'ru',
      [
        'Мероприятия',
        'Отчёты о ходе',
        'Логическая рамка',
        'Охват ЦУР 8',
        'Разделы плана',
        'По организациям',
        'Просроченные',
      ],
    ],
  ] as const)('has the sheets a donor expects (%s)', async (language, names) => {
    const { workbook } = await workbookOf(language);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
  });

  it('writes actions with real date and number cells and the same values', async () => {
    const { snapshot, workbook } = await workbookOf('en', true);
    const sheet = workbook.getWorksheet('Actions')!;
    const live = liveActions(snapshot);
    expect(sheet.rowCount).toBe(live.length + 1);
    const [ref, title, deadline, progress, created] = [
      'Ref',
      'Action',
      'Deadline',
      'Progress (%)',
      'Created',
    ].map((header) => column(sheet, header));
    live.forEach((action, index) => {
      const row = sheet.getRow(index + 2);
      expect(row.getCell(ref!).value).toBe(action.ref);
      expect(row.getCell(title!).value).toBe(action.title);
      expect(row.getCell(progress!).value).toBe(action.progress);
      const due = row.getCell(deadline!).value;
      if (action.deadline === null) expect(due).toBeNull();
      else {
        expect(due).toBeInstanceOf(Date);
        expect((due as Date).toISOString().slice(0, 10)).toBe(action.deadline);
        expect(row.getCell(deadline!).numFmt).toBe('yyyy-mm-dd');
      }
      expect(row.getCell(created!).value).toEqual(new Date(action.createdAt));
    });
    // Text that looks like a formula stays text: exceljs writes strings, never formulas.
    const titles = live.map((_, index) => sheet.getRow(index + 2).getCell(title!).value);
    expect(titles).toContain('=HYPERLINK("http://evil.example","click")');
    expect(titles).toContain(RUSSIAN_TITLE);
    expect(titles).toContain(TURKMEN_TITLE);
    // exceljs leaves out a width equal to its default (9), which reads back as undefined.
    for (let c = 1; c <= sheet.columnCount; c++) {
      const width = sheet.getColumn(c).width ?? 9;
      expect(width).toBeGreaterThanOrEqual(6);
      expect(width).toBeLessThanOrEqual(62);
    }
    expect(sheet.getColumn(column(sheet, 'Action')).width).toBeGreaterThan(20);
  });

  it('puts the logframe period columns in time order, latest value by date', async () => {
    const test = reportTestPlan();
    const action = test.snapshot().actions.find((a) => a.title === 'Labour inspection reform')!;
    const indicatorId = action.indicators[0]!.id;
    for (const [period, value] of [
      ['2025-Q1', 50],
      ['2025-H2', 190],
      ['2025-03', 45],
    ] as const) {
      indicators.recordValue(test.plan, action.id, indicatorId, { period, value });
    }
    indicators.removeValue(test.plan, action.id, indicatorId, '2025');
    const file = await exportPlan(test.snapshot(), { format: 'xlsx', language: 'en', today });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const logframe = workbook.getWorksheet('Logframe')!;
    const headers = (logframe.getRow(1).values as unknown[]).slice(8, 12);
    expect(headers).toEqual(['2024', '2025-03', '2025-Q1', '2025-H2']);
    expect(logframe.getRow(2).getCell(column(logframe, 'Latest value')).value).toBe(190);
  });

  it('lays out indicators as a logframe and lists progress updates and overdue actions', async () => {
    const { snapshot, workbook } = await workbookOf('en');
    const logframe = workbook.getWorksheet('Logframe')!;
    expect(logframe.getRow(1).values).toEqual([
      undefined,
      'Objective',
      'Ref',
      'Action',
      'Indicator',
      'Unit',
      'Frequency',
      'Baseline',
      '2024',
      '2025',
      'Target',
      'Latest value',
      'Progress to target (%)',
      'Traffic light',
    ]);
    expect(logframe.getRow(2).values).toEqual([
      undefined,
      'Labour rights',
      '1.1',
      'Labour inspection reform',
      'Inspectors trained',
      'people',
      'Annual',
      0,
      80,
      150,
      200,
      150,
      75,
      'Behind',
    ]);
    const updates = workbook.getWorksheet('Progress updates')!;
    const count = liveActions(snapshot).reduce((sum, a) => sum + a.updates.length, 0);
    expect(updates.rowCount).toBe(count + 1);
    expect(updates.getRow(2).getCell(3).value).toEqual(new Date('2025-01-15T00:00:00Z'));
    const late = workbook.getWorksheet('Overdue')!;
    expect(late.rowCount).toBe(overdue(snapshot, today).length + 1);
    expect(late.getRow(2).values).toEqual([
      undefined,
      '2.1',
      RUSSIAN_TITLE,
      'ILO',
      new Date('2024-12-31T00:00:00Z'),
      166,
      'Delayed',
      40,
    ]);
    const sdg8 = workbook.getWorksheet('SDG 8 coverage')!;
    const target87 = sdg8
      .getRows(2, sdg8.rowCount - 1)!
      .find((row) => row.getCell(1).value === '8.7')!;
    expect(target87.getCell(3).value).toBe(1);
    expect(target87.getCell(4).value).toBe('2.1');
  });

  it('lists only what changed since a saved version, on a sheet named for it', async () => {
    const test = reportTestPlan();
    const before = test.snapshot();
    actions.edit(test.plan, before.actions[0]!.id, { deadline: '2026-03-31' });
    const file = await exportPlan(test.snapshot(), {
      format: 'xlsx',
      language: 'en',
      today,
      changesSince: before,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Changes');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(column(sheet, 'Change')).value).toBe(
      'Changed: deadline: 31 Dec 2025 → 31 Mar 2026',
    );
  });
});
