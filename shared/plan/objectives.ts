// Operations on objectives: the plan's outcome areas or pillars that group actions.
import * as Y from 'yjs';
import { keyAt, compareOrdered, type Ordered } from './order';
import { newEntry, writeField } from './fields';
import { OBJECTIVE } from './layout';
import { change, entry, nowIso, PlanError, planParts, type Plan } from './plan';
import { readTimestamp } from './read';
import * as validate from './validate';

/** Live objectives in order, optionally leaving one out (the one being moved). */
export function orderedObjectives(plan: Plan, except?: string): Ordered[] {
  const out: Ordered[] = [];
  for (const [id, map] of planParts(plan.doc).objectives.entries()) {
    if (id === except || !(map instanceof Y.Map) || readTimestamp(map.get('deletedAt'))) continue;
    const order = map.get('order');
    out.push({ id, order: typeof order === 'string' ? order : '' });
  }
  return out.sort(compareOrdered);
}

/** Creates an objective at `index` (default: last) and returns its id. */
export function create(plan: Plan, input: { title: string; index?: number }): string {
  validate.requiredTitle(input.title);
  const siblings = orderedObjectives(plan);
  const id = plan.newId();
  change(plan, () => {
    const map = newEntry(OBJECTIVE.fields, {
      title: input.title,
      order: keyAt(siblings, input.index ?? siblings.length),
    });
    planParts(plan.doc).objectives.set(id, map);
  });
  return id;
}

export function rename(plan: Plan, id: string, title: string): void {
  validate.requiredTitle(title);
  const map = entry(planParts(plan.doc).objectives, id, 'objective');
  change(plan, () => writeField(map, OBJECTIVE.fields, 'title', title));
}

/** Moves an objective to `index` among the live objectives. */
export function move(plan: Plan, id: string, index: number): void {
  const map = entry(planParts(plan.doc).objectives, id, 'objective');
  const siblings = orderedObjectives(plan, id);
  change(plan, () => writeField(map, OBJECTIVE.fields, 'order', keyAt(siblings, index)));
}

/** Removes an objective (restorable). Refuses while live actions still sit in it. */
export function remove(plan: Plan, id: string): void {
  const map = entry(planParts(plan.doc).objectives, id, 'objective');
  for (const action of planParts(plan.doc).actions.values()) {
    if (
      action instanceof Y.Map &&
      action.get('objectiveId') === id &&
      !readTimestamp(action.get('deletedAt'))
    ) {
      throw new PlanError('conflict', 'move or delete the actions of this objective first');
    }
  }
  change(plan, () => writeField(map, OBJECTIVE.fields, 'deletedAt', nowIso(plan)));
}

export function restore(plan: Plan, id: string): void {
  const map = entry(planParts(plan.doc).objectives, id, 'objective');
  change(plan, () => writeField(map, OBJECTIVE.fields, 'deletedAt', null));
}
