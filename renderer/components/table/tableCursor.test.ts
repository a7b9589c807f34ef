import { describe, expect, it } from 'vitest';
import { WIDE_ONLY } from './columns';
import {
  cursorMoveOfKey,
  followRow,
  moveCursor,
  type Cursor,
  type CursorMove,
  type CursorTable,
} from './tableCursor';

// Columns: 0 open, 1 ref, 2 title, 3 lead, 4 deadline, 5 status, 6 progress, 7 stage, 8 health.
const WIDE: CursorTable = { rowCount: 40, hidden: [] };
/** the detail panel is open: lead, stage and health are hidden */
const NARROW: CursorTable = { rowCount: 40, hidden: WIDE_ONLY };
const at = (row: number, column: number): Cursor => ({ row, column });

describe('the table cursor', () => {
  it.each<[string, Cursor, CursorMove, CursorTable, Cursor | 'leave']>([
    ['down a row', at(3, 2), { kind: 'down' }, WIDE, at(4, 2)],
    ['down stops at the last row', at(39, 2), { kind: 'down' }, WIDE, at(39, 2)],
    ['up a row', at(3, 2), { kind: 'up' }, WIDE, at(2, 2)],
    ['up stops at the first row', at(0, 2), { kind: 'up' }, WIDE, at(0, 2)],
    ['right a column', at(3, 2), { kind: 'right' }, WIDE, at(3, 3)],
    ['right stops at the last column', at(3, 8), { kind: 'right' }, WIDE, at(3, 8)],
    ['left a column', at(3, 2), { kind: 'left' }, WIDE, at(3, 1)],
    ['left stops at the first column', at(3, 0), { kind: 'left' }, WIDE, at(3, 0)],
    ['right over a hidden column', at(3, 2), { kind: 'right' }, NARROW, at(3, 4)],
    ['left over a hidden column', at(3, 4), { kind: 'left' }, NARROW, at(3, 2)],
    ['right stays when only hidden columns follow', at(3, 6), { kind: 'right' }, NARROW, at(3, 6)],
    ['Home goes to the first row', at(12, 5), { kind: 'first' }, WIDE, at(0, 5)],
    ['End goes to the last row', at(12, 5), { kind: 'last' }, WIDE, at(39, 5)],
    ['Page Down goes 15 rows down', at(3, 2), { kind: 'pageDown' }, WIDE, at(18, 2)],
    ['Page Down stops at the last row', at(30, 2), { kind: 'pageDown' }, WIDE, at(39, 2)],
    ['Page Up goes 15 rows up', at(20, 2), { kind: 'pageUp' }, WIDE, at(5, 2)],
    ['Page Up stops at the first row', at(10, 2), { kind: 'pageUp' }, WIDE, at(0, 2)],
    ['Tab goes to the next cell', at(3, 2), { kind: 'next' }, WIDE, at(3, 3)],
    ['Tab skips hidden cells', at(3, 2), { kind: 'next' }, NARROW, at(3, 4)],
    ['Tab past the last cell leaves the table', at(3, 8), { kind: 'next' }, WIDE, 'leave'],
    ['Tab past the last shown cell leaves', at(3, 6), { kind: 'next' }, NARROW, 'leave'],
    ['Shift+Tab goes to the previous cell', at(3, 2), { kind: 'previous' }, WIDE, at(3, 1)],
    ['Shift+Tab before the first cell leaves', at(3, 0), { kind: 'previous' }, WIDE, 'leave'],
    ['an edit ended with Enter goes down', at(3, 2), { kind: 'edited' }, WIDE, at(4, 2)],
    [
      'an edit ended with Enter stays on the last row',
      at(39, 2),
      { kind: 'edited' },
      WIDE,
      at(39, 2),
    ],
    ['a new action taken back (Escape) goes up', at(4, 2), { kind: 'discarded' }, WIDE, at(3, 2)],
    ['a new first row taken back stays on row 0', at(0, 2), { kind: 'discarded' }, WIDE, at(0, 2)],
    [
      'rows gone from the end leave it on the last',
      at(39, 2),
      { kind: 'clamp' },
      { rowCount: 10, hidden: [] },
      at(9, 2),
    ],
    [
      'an empty table keeps row 0',
      at(5, 2),
      { kind: 'clamp' },
      { rowCount: 0, hidden: [] },
      at(0, 2),
    ],
    ['a click puts it on the cell', at(3, 2), { kind: 'to', row: 7, column: 5 }, WIDE, at(7, 5)],
  ])('%s', (_name, cursor, move, table, expected) => {
    expect(moveCursor(cursor, move, table)).toEqual(expected);
  });

  it.each<[string, boolean, CursorMove['kind'] | null]>([
    ['ArrowDown', false, 'down'],
    ['ArrowUp', false, 'up'],
    ['ArrowRight', false, 'right'],
    ['ArrowLeft', false, 'left'],
    ['Home', false, 'first'],
    ['End', false, 'last'],
    ['PageDown', false, 'pageDown'],
    ['PageUp', false, 'pageUp'],
    ['Tab', false, 'next'],
    ['Tab', true, 'previous'],
    ['Enter', false, null],
    ['x', false, null],
  ])('the key %s (Shift: %s) moves it %s', (key, shiftKey, kind) => {
    expect(cursorMoveOfKey(key, shiftKey)?.kind ?? null).toBe(kind);
  });
});

describe('the cursor when rows change under it', () => {
  const rows = (...keys: string[]) => keys.map((key) => ({ key }));

  it('stays on its own new action when another person adds one above it at once', () => {
    // Both pressed "+ Add action": the other person's action sorts first and arrives while
    // this person types the title of theirs (row 2).
    const before = rows('objective-a', 'x', 'mine');
    const after = rows('objective-a', 'x', 'theirs', 'mine');
    expect(followRow(at(2, 2), before, after)).toEqual(at(3, 2));
  });

  it('follows its row when rows above it go away', () => {
    expect(followRow(at(3, 5), rows('a', 'b', 'c', 'd'), rows('a', 'd'))).toEqual(at(1, 5));
  });

  it('is unchanged when its row keeps its place', () => {
    const cursor = at(1, 2);
    expect(followRow(cursor, rows('a', 'b'), rows('a', 'b', 'c'))).toBe(cursor);
  });

  it('stays where it was when its row is gone', () => {
    const cursor = at(1, 2);
    expect(followRow(cursor, rows('a', 'b', 'c'), rows('a', 'c'))).toBe(cursor);
  });
});
