// The actions table's cursor (the cell with the keyboard focus) as a pure reducer: where each
// key, click or ended edit puts it, given how many rows there are and which columns are hidden
// (the detail panel hides the wide-only ones). ActionTable owns the state and the focus.
import { COLUMNS, type ColumnId } from './columns';

export interface Cursor {
  readonly row: number;
  readonly column: number;
}

export interface CursorTable {
  readonly rowCount: number;
  /** columns not shown now: the cursor steps over them */
  readonly hidden: readonly ColumnId[];
}

export type CursorMove =
  | { readonly kind: 'down' | 'up' | 'right' | 'left' }
  /** Home, End: the first or last row, same column */
  | { readonly kind: 'first' | 'last' }
  | { readonly kind: 'pageDown' | 'pageUp' }
  /** Tab, Shift+Tab: along the row; past its ends the focus leaves the table */
  | { readonly kind: 'next' | 'previous' }
  /** an edit ended with Enter: down a row, or stay on the last one */
  | { readonly kind: 'edited' }
  /** a new action taken back (N then Escape): the row above, where N was pressed */
  | { readonly kind: 'discarded' }
  /** rows changed (undone, filtered away): stay within them */
  | { readonly kind: 'clamp' }
  /** a click or focus on a cell */
  | { readonly kind: 'to'; readonly row: number; readonly column: number };

/** Rows that Page Up / Page Down move: about one screenful of 40 px rows. */
export const PAGE_ROWS = 15;

const KEYS: Readonly<Record<string, CursorMove>> = {
  ArrowDown: { kind: 'down' },
  ArrowUp: { kind: 'up' },
  ArrowRight: { kind: 'right' },
  ArrowLeft: { kind: 'left' },
  Home: { kind: 'first' },
  End: { kind: 'last' },
  PageDown: { kind: 'pageDown' },
  PageUp: { kind: 'pageUp' },
};

/** The move a key makes when the table is not editing, or null when the key is not a move. */
export function cursorMoveOfKey(key: string, shiftKey: boolean): CursorMove | null {
  if (key === 'Tab') return { kind: shiftKey ? 'previous' : 'next' };
  return KEYS[key] ?? null;
}

/** Where `move` puts the cursor, or 'leave' when the focus goes out of the table (Tab). */
export function moveCursor(
  cursor: Cursor,
  move: Exclude<CursorMove, { kind: 'next' | 'previous' }>,
  table: CursorTable,
): Cursor;
export function moveCursor(cursor: Cursor, move: CursorMove, table: CursorTable): Cursor | 'leave';
export function moveCursor(cursor: Cursor, move: CursorMove, table: CursorTable): Cursor | 'leave' {
  const row = (target: number) => Math.max(0, Math.min(table.rowCount - 1, target));
  const shown = (column: number) => !table.hidden.includes(COLUMNS[column]!.id);
  /** the nearest shown column from `column` that way, or the current one when there is none */
  const across = (column: number, step: 1 | -1): number => {
    for (let next = column; next >= 0 && next < COLUMNS.length; next += step) {
      if (shown(next)) return next;
    }
    return cursor.column;
  };
  switch (move.kind) {
    case 'down':
      return { row: row(cursor.row + 1), column: cursor.column };
    case 'up':
      return { row: row(cursor.row - 1), column: cursor.column };
    case 'right':
      return {
        row: cursor.row,
        column: across(Math.min(cursor.column + 1, COLUMNS.length - 1), 1),
      };
    case 'left':
      return { row: cursor.row, column: across(Math.max(cursor.column - 1, 0), -1) };
    case 'first':
      return { row: 0, column: cursor.column };
    case 'last':
      return { row: row(table.rowCount - 1), column: cursor.column };
    case 'pageDown':
      return { row: row(cursor.row + PAGE_ROWS), column: cursor.column };
    case 'pageUp':
      return { row: row(cursor.row - PAGE_ROWS), column: cursor.column };
    case 'next':
    case 'previous': {
      const step = move.kind === 'next' ? 1 : -1;
      for (let next = cursor.column + step; next >= 0 && next < COLUMNS.length; next += step) {
        if (shown(next)) return { row: cursor.row, column: next };
      }
      return 'leave';
    }
    case 'edited':
      return { row: row(cursor.row + 1), column: cursor.column };
    case 'discarded':
      return { row: Math.max(0, cursor.row - 1), column: cursor.column };
    case 'clamp':
      return cursor.row > table.rowCount - 1
        ? { row: Math.max(0, table.rowCount - 1), column: cursor.column }
        : cursor;
    case 'to':
      return { row: row(move.row), column: move.column };
  }
}

/**
 * The cursor after the rows changed under it (a remote edit added, moved or removed rows): it
 * stays on the row it was on, found by key, so an edit in progress keeps its own action even when
 * another person's new action lands above it. A row that is gone leaves the cursor where it was.
 */
export function followRow(
  cursor: Cursor,
  before: readonly { readonly key: string }[],
  after: readonly { readonly key: string }[],
): Cursor {
  const key = before[cursor.row]?.key;
  if (key === undefined || after[cursor.row]?.key === key) return cursor;
  const row = after.findIndex((candidate) => candidate.key === key);
  return row === -1 ? cursor : { row, column: cursor.column };
}
