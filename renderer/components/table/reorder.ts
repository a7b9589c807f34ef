// Moving a row of the table one place up or down, as the table shows it (Alt+↑/↓, and the
// objective row's Move up / Move down buttons):
// - an action moves within its objective: it is put just before the visible action above it (or
//   just after the one below), whatever removed actions sit between them in the plan's order;
// - an objective moves past the objective above or below it, its actions with it. The row of
//   actions in no objective is always last and does not move.
import * as actions from '../../../shared/plan/actions';
import * as objectives from '../../../shared/plan/objectives';
import type { Plan } from '../../../shared/plan/plan';
import type { TableRow } from '../../selectors/actionRows';

export type Direction = -1 | 1;

/**
 * Where the row at `rowIndex` lands when moved one place in `direction` (its new index in the
 * rows), or null when it cannot move that way. Pure: the rows are as the table shows them now.
 */
export function rowAfterMove(
  rows: readonly TableRow[],
  rowIndex: number,
  direction: Direction,
): number | null {
  const row = rows[rowIndex];
  if (row?.kind === 'action') {
    const neighbour = rows[rowIndex + direction];
    if (neighbour?.kind !== 'action') return null;
    return neighbour.action.objectiveId === row.action.objectiveId ? rowIndex + direction : null;
  }
  if (!row?.objective) return null;
  const neighbour = neighbourObjective(rows, rowIndex, direction);
  if (neighbour === -1) return null;
  if (direction === -1) return neighbour;
  // Down: the neighbour's header and its actions now come first.
  return rowIndex + (groupEnd(rows, neighbour) - neighbour);
}

/**
 * Moves the row at `rowIndex` one place in `direction` through the shared operations
 * (actions.move, objectives.move). Returns the row's new index, or null when it did not move.
 */
export function moveRow(
  plan: Plan,
  rows: readonly TableRow[],
  rowIndex: number,
  direction: Direction,
): number | null {
  const target = rowAfterMove(rows, rowIndex, direction);
  const row = rows[rowIndex];
  if (target === null || !row) return null;
  if (row.kind === 'action') {
    const neighbour = rows[rowIndex + direction];
    if (neighbour?.kind !== 'action') return null;
    const { objectiveId } = row.action;
    const siblings = actions.actionsIn(plan, objectiveId, row.action.id);
    const at = siblings.findIndex((sibling) => sibling.id === neighbour.action.id);
    if (at === -1) return null;
    actions.move(plan, row.action.id, { objectiveId, index: direction === -1 ? at : at + 1 });
    return target;
  }
  const neighbourRow = rows[neighbourObjective(rows, rowIndex, direction)];
  if (!row.objective || neighbourRow?.kind !== 'objective' || !neighbourRow.objective) return null;
  const neighbourId = neighbourRow.objective.id;
  const siblings = objectives.orderedObjectives(plan, row.objective.id);
  const at = siblings.findIndex((sibling) => sibling.id === neighbourId);
  if (at === -1) return null;
  objectives.move(plan, row.objective.id, direction === -1 ? at : at + 1);
  return target;
}

/** The index of the nearest header of a (live) objective in `direction`, or -1. */
function neighbourObjective(
  rows: readonly TableRow[],
  rowIndex: number,
  direction: Direction,
): number {
  for (let index = rowIndex + direction; index >= 0 && index < rows.length; index += direction) {
    const row = rows[index]!;
    if (row.kind === 'objective') return row.objective ? index : -1;
  }
  return -1;
}

/** The index just past the group (header and actions) whose header is at `header`. */
function groupEnd(rows: readonly TableRow[], header: number): number {
  let index = header + 1;
  while (index < rows.length && rows[index]!.kind === 'action') index++;
  return index;
}
