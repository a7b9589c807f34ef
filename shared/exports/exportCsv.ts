// One row per action with every field (the scope's action columns), headers in the reader's language; with
// "changes since", only the actions that changed, and a column saying how.
import type { CellValue } from './actionColumns';
import { formatCsv } from './csv';
import { describeChange, type ReportScope } from './reportScope';

export function exportCsv(scope: ReportScope): Uint8Array {
  const { context } = scope;
  const withChanges = scope.changes !== null;
  const header = scope.columns.map((column) => context.t(`column.${column.key}`));
  if (withChanges) header.push(context.t('column.change'));
  const rows = scope.actions.map((action) => {
    const row: CellValue[] = scope.columns.map((column) => column.value(action, context));
    if (withChanges) {
      const entry = scope.changeOf(action.id);
      row.push(entry ? describeChange(entry, context) : '');
    }
    return row;
  });
  return new TextEncoder().encode(formatCsv(header, rows));
}
