// Writes an import in one transaction, or not at all. Yjs cannot roll a transaction back, and a
// plan operation may refuse part-way (a rule the preview did not foresee, or a plan that changed
// since the preview). So the whole import first runs on a scratch copy of the document; only if
// every operation succeeds there does it run again, the same way, on the real plan, in one
// transaction: one update for peers, one step for undo.
import * as Y from 'yjs';
import { change, openPlan, type Plan } from '../plan/plan';

export function allOrNothing<T>(plan: Plan, write: (target: Plan) => T): T {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(plan.doc));
  const rehearsal = openPlan(scratch, { actor: plan.actor, now: plan.now, newId: plan.newId });
  try {
    change(rehearsal, () => write(rehearsal));
  } finally {
    scratch.destroy();
  }
  return change(plan, () => write(plan));
}
