import { describe, expect, it } from 'vitest';
import { COLUMNS, nextEditableColumn, WIDE_ONLY, type ColumnId } from './columns';

const at = (id: ColumnId) => COLUMNS.findIndex((column) => column.id === id);
const idOf = (index: number) => (index === -1 ? 'none' : COLUMNS[index]!.id);

describe('Tab in the actions table goes to the next editable cell of the row', () => {
  it.each([
    ['ref', 1, [], 'title'],
    ['title', 1, [], 'lead'],
    ['title', 1, WIDE_ONLY, 'deadline'],
    ['stage', 1, [], 'none'],
    ['progress', 1, WIDE_ONLY, 'none'],
    ['title', -1, [], 'ref'],
    ['ref', -1, [], 'none'],
    ['deadline', -1, WIDE_ONLY, 'title'],
    ['open', 1, [], 'ref'],
  ] as const)('from %s, step %d, hidden %j: %s', (from, step, hidden, expected) => {
    expect(idOf(nextEditableColumn(at(from), step, hidden))).toBe(expected);
  });
});
