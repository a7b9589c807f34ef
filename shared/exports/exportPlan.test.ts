import { describe, expect, it } from 'vitest';
import { PlanSnapshot } from '../plan/schema';
import { TestPlan } from '../plan/testing';
import { exportPlan, ExportError, type ExportOptions } from './exportPlan';
import { reportTestPlan } from './reportTestPlan';

const today = '2025-06-15';

describe('exportPlan', () => {
  const snapshot = reportTestPlan().snapshot();

  it.each([
    ['json', 'application/json', 'National-action-plan-on-decent-work-2025-06-15.json'],
    ['csv', 'text/csv; charset=utf-8', 'National-action-plan-on-decent-work-en-2025-06-15.csv'],
    [
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'National-action-plan-on-decent-work-en-2025-06-15.xlsx',
    ],
    ['html', 'text/html; charset=utf-8', 'National-action-plan-on-decent-work-en-2025-06-15.html'],
    ['pdf', 'application/pdf', 'National-action-plan-on-decent-work-en-2025-06-15.pdf'],
  ] as const)('produces %s bytes with type %s and name %s', async (format, mimeType, fileName) => {
    const file = await exportPlan(snapshot, { format, language: 'en', today });
    expect(file.mimeType).toBe(mimeType);
    expect(file.fileName).toBe(fileName);
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    expect(file.bytes.length).toBeGreaterThan(100);
  });

  it.each(['json', 'csv', 'xlsx', 'html', 'pdf', 'iati'] as const)(
    'exports an empty plan as %s',
    async (format) => {
      const file = await exportPlan(TestPlan.empty().snapshot(), { format, language: 'tk', today });
      expect(file.bytes.length).toBeGreaterThan(100);
    },
  );

  it.each(['en', 'ru', 'tk'] as const)(
    'says the report language %s in the file name',
    async (language) => {
      const file = await exportPlan(snapshot, { format: 'pdf', language, today });
      expect(file.fileName).toBe(`National-action-plan-on-decent-work-${language}-2025-06-15.pdf`);
    },
  );

  it('names a period report after its period', async () => {
    const file = await exportPlan(snapshot, {
      format: 'csv',
      language: 'ru',
      today,
      period: { from: '2025-01-01', to: '2025-06-30' },
    });
    expect(file.fileName).toBe('National-action-plan-on-decent-work-ru-2025-01-01_2025-06-30.csv');
  });

  it('writes JSON that is valid under the snapshot schema, with a format tag and version', async () => {
    const file = await exportPlan(snapshot, { format: 'json', language: 'en', today });
    const data = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(data.format).toBe('accord.plan');
    expect(data.formatVersion).toBe(1);
    expect(PlanSnapshot.parse(data)).toEqual(snapshot);
  });

  it.each([
    ['an unknown format', { format: 'docx' }],
    ['an unknown language', { language: 'de' }],
    ['a bad day', { today: '2025-02-30' }],
    ['a period that ends before it starts', { period: { from: '2025-06-30', to: '2025-01-01' } }],
    ['a saved version that is not a plan', { changesSince: { meta: {} } }],
  ])('refuses %s', async (_what, bad) => {
    const options = { format: 'csv', language: 'en', today, ...bad } as unknown as ExportOptions;
    await expect(exportPlan(snapshot, options)).rejects.toBeInstanceOf(ExportError);
  });
});
