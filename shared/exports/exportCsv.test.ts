import { describe, expect, it } from 'vitest';
import * as actions from '../plan/actions';
import { parseCsv } from '../imports/parseCsv';
import { ACTION_COLUMNS } from './actionColumns';
import { restoreCell } from './csv';
import { exportPlan } from './exportPlan';
import { reportContext } from './reportContext';
import { HOSTILE_TITLES, reportTestPlan, RUSSIAN_TITLE, TURKMEN_TITLE } from './reportTestPlan';
import { liveActions } from '../plan/views';

const today = '2025-06-15';

async function csvOf(...args: Parameters<typeof exportPlan>) {
  const file = await exportPlan(...args);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
  return { text, rows: parseCsv(text) };
}

describe('CSV export', () => {
  it.each(['en', 'ru', 'tk'] as const)(
    'has one row per live action with every field (%s)',
    async (language) => {
      const snapshot = reportTestPlan({ hostile: true }).snapshot();
      const { text, rows } = await csvOf(snapshot, { format: 'csv', language, today });
      expect(text.startsWith('\uFEFF')).toBe(true);
      const context = reportContext(snapshot, language, today);
      const [header, ...data] = rows;
      expect(header!.cells).toEqual(ACTION_COLUMNS.map((c) => context.t(`column.${c.key}`)));
      const live = liveActions(snapshot);
      expect(data).toHaveLength(live.length);
      data.forEach((row, index) => {
        const expected = ACTION_COLUMNS.map((column) => {
          const value = column.value(live[index]!, context);
          return value === null ? '' : String(value);
        });
        expect(row.cells.map(restoreCell)).toEqual(expected);
      });
      expect(text).toContain(RUSSIAN_TITLE);
      expect(text).toContain(TURKMEN_TITLE);
    },
  );

  it('neutralises every cell a spreadsheet would run as a formula', async () => {
    const snapshot = reportTestPlan({ hostile: true }).snapshot();
    const { rows } = await csvOf(snapshot, { format: 'csv', language: 'en', today });
    const cells = rows.flatMap((row) => row.cells);
    for (const cell of cells) {
      // Progress and budget numbers are written as numbers; every other cell is text.
      if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
      expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    for (const hostile of HOSTILE_TITLES.filter((t) => /^[=+\-@\t\r']/.test(t)))
      expect(cells).toContain(`'${hostile}`);
  });

  it('lists only what changed since a saved version, with a column saying how', async () => {
    const test = reportTestPlan();
    const before = test.snapshot();
    const id = before.actions.find((a) => a.title === 'Draft without dates')!.id;
    actions.edit(test.plan, id, { status: 'delayed' });
    const { rows } = await csvOf(test.snapshot(), {
      format: 'csv',
      language: 'en',
      today,
      changesSince: before,
    });
    expect(rows).toHaveLength(2);
    expect(rows[1]!.cells.at(-1)).toBe('Changed: status: Planned → Delayed');
  });
});
