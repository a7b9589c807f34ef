// The actions table's columns, in keyboard order. `editable` columns open an editor on Enter.
export const COLUMNS = [
  { id: 'open', width: '44px', editable: false },
  { id: 'ref', width: '80px', editable: true },
  { id: 'title', width: 'minmax(240px, 1fr)', editable: true },
  { id: 'lead', width: '200px', editable: true },
  { id: 'deadline', width: '140px', editable: true },
  { id: 'status', width: '140px', editable: true },
  { id: 'progress', width: '110px', editable: true },
  { id: 'stage', width: '120px', editable: true },
  { id: 'health', width: '110px', editable: false },
] as const;
export type ColumnId = (typeof COLUMNS)[number]['id'];

export const GRID_TEMPLATE = COLUMNS.map((column) => column.width).join(' ');
/** Columns hidden when the detail panel takes half the screen (styles.css, .with-detail). */
export const WIDE_ONLY: readonly ColumnId[] = ['lead', 'stage', 'health'];
export const NARROW_GRID_TEMPLATE = COLUMNS.filter((column) => !WIDE_ONLY.includes(column.id))
  .map((column) => column.width)
  .join(' ');
export const ROW_HEIGHT = 40;

/**
 * The editable column after (`step` 1) or before (`step` -1) column `from`, skipping `hidden`
 * columns: where Tab and Shift+Tab take an edit. -1 when the row has none that way.
 */
export function nextEditableColumn(
  from: number,
  step: 1 | -1,
  hidden: readonly ColumnId[],
): number {
  for (let index = from + step; index >= 0 && index < COLUMNS.length; index += step) {
    const column = COLUMNS[index]!;
    if (column.editable && !hidden.includes(column.id)) return index;
  }
  return -1;
}
