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
      const columns = ACTION_COLUMNS.filter((column) => column.key !== 'id');
      expect(header!.cells).toEqual(columns.map((c) => context.t(`column.${c.key}`)));
      const live = liveActions(snapshot);
      expect(data).toHaveLength(live.length);
      data.forEach((row, index) => {
        const expected = columns.map((column) => {
          const value = column.value(live[index]!, context);
          return value === null ? '' : String(value);
        });
        expect(row.cells.map(restoreCell)).toEqual(expected);
      });
      expect(text).toContain(RUSSIAN_TITLE);
      expect(text).toContain(TURKMEN_TITLE);
    },
  );

  it('adds the internal id column only when asked, and shows links by name and code', async () => {
    const snapshot = reportTestPlan().snapshot();
    const plain = await csvOf(snapshot, { format: 'csv', language: 'ru', today });
    const withIds = await csvOf(snapshot, {
      format: 'csv',
      language: 'ru',
      today,
      includeIds: true,
    });
    const idHeader = reportContext(snapshot, 'ru', today).t('column.id');
    expect(plain.rows[0]!.cells).not.toContain(idHeader);
    expect(withIds.rows[0]!.cells.at(-1)).toBe(idHeader);
    const ids = liveActions(snapshot).map((action) => action.id);
    expect(withIds.rows.slice(1).map((row) => row.cells.at(-1))).toEqual(ids);
    for (const id of ids) expect(plain.text).not.toContain(id);
    // every link is written as the framework's short name and the item's code, never its key
    const linked = liveActions(snapshot).flatMap((action) => action.links);
    expect(linked.length).toBeGreaterThan(0);
    for (const key of linked) expect(plain.text).not.toContain(key);
    expect(plain.text).toMatch(/ЦУР 8 8\.\d/);
  });

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
