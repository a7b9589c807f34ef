// Moving an action one place up or down within its objective, as the table shows it: the action
// is put just before the visible action above it (or just after the one below), whatever
// removed actions sit between them in the plan's order.
import * as actions from '../../../shared/plan/actions';
import type { Plan } from '../../../shared/plan/plan';
import type { TableRow } from '../../selectors/actionRows';

export function moveWithinObjective(
  plan: Plan,
  rows: readonly TableRow[],
  rowIndex: number,
  direction: -1 | 1,
): boolean {
  const row = rows[rowIndex];
  const neighbour = rows[rowIndex + direction];
  if (row?.kind !== 'action' || neighbour?.kind !== 'action') return false;
  if (neighbour.action.objectiveId !== row.action.objectiveId) return false;
  const { objectiveId } = row.action;
  const siblings = actions.actionsIn(plan, objectiveId, row.action.id);
  const at = siblings.findIndex((sibling) => sibling.id === neighbour.action.id);
  if (at === -1) return false;
  actions.move(plan, row.action.id, { objectiveId, index: direction === -1 ? at : at + 1 });
  return true;
}
