import { describe, expect, it } from 'vitest';
import * as actions from '../../../shared/plan/actions';
import * as objectives from '../../../shared/plan/objectives';
import { TestPlan } from '../../../shared/plan/testing';
import { tableRows, type TableRow } from '../../selectors/actionRows';
import { NO_FILTERS } from '../../state/viewState';
import { moveRow, rowAfterMove } from './reorder';

const TODAY = '2025-06-15';

/** Objectives A (2 actions), B (1 action), C (none) and one action in no objective. */
function samplePlan() {
  const test = TestPlan.empty();
  const [a, b] = ['A', 'B', 'C'].map((title) => objectives.create(test.plan, { title }));
  actions.create(test.plan, { title: 'a1', objectiveId: a! });
  actions.create(test.plan, { title: 'a2', objectiveId: a! });
  actions.create(test.plan, { title: 'b1', objectiveId: b! });
  actions.create(test.plan, { title: 'loose', objectiveId: null });
  return test;
}

const rowsOf = (test: TestPlan) => tableRows(test.snapshot(), NO_FILTERS, 'order', false, TODAY);
const labels = (rows: readonly TableRow[]) =>
  rows.map((row) =>
    row.kind === 'action' ? row.action.title : `[${row.objective?.title ?? '-'}]`,
  );

describe('rowAfterMove', () => {
  // rows: 0 [A] 1 a1 2 a2 3 [B] 4 b1 5 [C] 6 [-] 7 loose
  const rows = rowsOf(samplePlan());
  it.each([
    ['an action up within its objective', 2, -1, 1],
    ['an action down within its objective', 1, 1, 2],
    ['the first action of an objective up', 1, -1, null],
    ['the last action of an objective down', 2, 1, null],
    ['an objective up past its neighbour', 3, -1, 0],
    ['an objective down past a neighbour with actions', 0, 1, 2],
    ['an objective down past an empty neighbour', 3, 1, 4],
    ['the first objective up', 0, -1, null],
    ['the last objective down, never below actions in no objective', 5, 1, null],
    ['the row of actions in no objective', 6, -1, null],
    ['an action in no objective up to its header', 7, -1, null],
  ] as const)('%s', (_name, rowIndex, direction, expected) => {
    expect(labels(rows)).toEqual(['[A]', 'a1', 'a2', '[B]', 'b1', '[C]', '[-]', 'loose']);
    expect(rowAfterMove(rows, rowIndex, direction)).toBe(expected);
  });
});

describe('moveRow', () => {
  it('moves an objective up with its actions, and the row lands where it said', () => {
    const test = samplePlan();
    const target = moveRow(test.plan, rowsOf(test), 3, -1);
    const after = rowsOf(test);
    expect(labels(after)).toEqual(['[B]', 'b1', '[A]', 'a1', 'a2', '[C]', '[-]', 'loose']);
    expect(after[target!]).toMatchObject({ kind: 'objective', objective: { title: 'B' } });
  });

  it('moves an objective down past its neighbour and its actions', () => {
    const test = samplePlan();
    const target = moveRow(test.plan, rowsOf(test), 0, 1);
    const after = rowsOf(test);
    expect(labels(after)).toEqual(['[B]', 'b1', '[A]', 'a1', 'a2', '[C]', '[-]', 'loose']);
    expect(after[target!]).toMatchObject({ kind: 'objective', objective: { title: 'A' } });
  });

  it('steps over removed objectives between two shown ones', () => {
    const test = samplePlan();
    const hidden = objectives.create(test.plan, { title: 'Hidden', index: 1 });
    objectives.remove(test.plan, hidden);
    moveRow(test.plan, rowsOf(test), 3, -1);
    expect(labels(rowsOf(test)).filter((label) => label.startsWith('['))).toEqual([
      '[B]',
      '[A]',
      '[C]',
      '[-]',
    ]);
  });

  it('moves an action within its objective', () => {
    const test = samplePlan();
    expect(moveRow(test.plan, rowsOf(test), 2, -1)).toBe(1);
    expect(labels(rowsOf(test)).slice(0, 3)).toEqual(['[A]', 'a2', 'a1']);
  });

  it('leaves the plan unchanged when the row cannot move', () => {
    const test = samplePlan();
    const before = labels(rowsOf(test));
    expect(moveRow(test.plan, rowsOf(test), 0, -1)).toBeNull();
    expect(moveRow(test.plan, rowsOf(test), 5, 1)).toBeNull();
    expect(moveRow(test.plan, rowsOf(test), 1, -1)).toBeNull();
    expect(labels(rowsOf(test))).toEqual(before);
  });
});
