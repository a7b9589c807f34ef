// Importing actions from a table into a plan, as a ministry bringing its existing plan in from
// Excel does: 1,000 and 5,000 rows into an empty plan (10 objectives and 40 organisations to
// create, most rows with their own ref, every fifth numbered by the plan), then the same file
// again over the imported plan (every row updates the action its ref names). Times the preview
// (previewActionImport) and the write (applyActionImport: the rehearsal on a scratch copy plus the
// real transaction) separately. Measures only; the results are pinned by unit tests.
import { applyActionImport } from '../../shared/imports/applyActionImport';
import type { ImportTable } from '../../shared/imports/importTable';
import { previewActionImport } from '../../shared/imports/previewActionImport';
import { snapshotOf } from '../../shared/plan/snapshot';
import { TestPlan } from '../../shared/plan/testing';

const SIZES = [1_000, 5_000] as const;
const HEADERS = ['Ref', 'Action', 'Objective', 'Lead organisation', 'Partner organisations'];

/** `rows` actions spread over 10 objectives and 40 organisations. */
export function importTable(rows: number): ImportTable {
  return {
    headers: [...HEADERS, 'Start', 'Deadline', 'Status', 'Progress (%)', 'Framework links'],
    rows: Array.from({ length: rows }, (_, index) => ({
      line: index + 2,
      cells: [
        index % 5 === 4 ? '' : `A-${index + 1}`,
        `Imported action ${index + 1}`,
        `Objective ${(index % 10) + 1}`,
        `Organisation ${(index % 40) + 1}`,
        `Organisation ${((index + 7) % 40) + 1}; Organisation ${((index + 13) % 40) + 1}`,
        '2025-01-01',
        '2025-12-31',
        'In progress',
        String(index % 101),
        'sdg8:8.7; sdg8:8.8',
      ],
    })),
  };
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

export async function run(): Promise<void> {
  console.log('Action import (CSV/XLSX rows already read into a table), one process, in turn\n');
  console.log('| rows | new plan: preview | new plan: apply | again as updates: preview | apply |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const size of SIZES) {
    const table = importTable(size);
    const test = TestPlan.empty();
    const confirm = { createOrganisations: true, createObjectives: true } as const;

    let start = performance.now();
    const preview = previewActionImport(snapshotOf(test.doc), table);
    const previewTime = seconds(start);
    start = performance.now();
    const created = applyActionImport(test.plan, preview, confirm);
    const applyTime = seconds(start);
    if (created.created !== size) throw new Error(`created ${created.created} of ${size}`);

    // Rows without a ref would create again: keep only those naming an action, as updates.
    const updates = { ...table, rows: table.rows.filter((row) => row.cells[0] !== '') };
    start = performance.now();
    const again = previewActionImport(snapshotOf(test.doc), updates);
    const againPreviewTime = seconds(start);
    start = performance.now();
    const updated = applyActionImport(test.plan, again, confirm);
    const againApplyTime = seconds(start);
    if (updated.updated !== updates.rows.length) throw new Error(`updated ${updated.updated}`);

    console.log(
      `| ${size.toLocaleString('en')} | ${previewTime} | ${applyTime} | ${againPreviewTime} | ${againApplyTime} |`,
    );
    await Promise.resolve();
  }
}
