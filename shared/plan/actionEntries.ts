// The entries operations on actions look up and stamp: an action's Y.Map, its nested
// containers and flat members (layout.ts), and the objective and organisation it may name.
import * as Y from 'yjs';
import { flatMembers, writeField, type FlatMembers, type ValueOf } from './fields';
import type { INDICATOR } from './layout';
import { ACTION } from './layout';
import { entry, nowIso, PlanError, planParts, type Plan } from './plan';
import { readTimestamp } from './read';

/** The fields of an action stored as flat members of its map (schema 3). */
export type FlatField = 'partnerOrgIds' | 'links' | 'endorsements';

type Nesting = Omit<typeof ACTION.fields, FlatField> & typeof INDICATOR.fields;
/** The fields of an action or indicator that hold a nested map: those read as a list. */
type NestedField = {
  [K in keyof Nesting]: ValueOf<Nesting[K]> extends readonly unknown[] ? K : never;
}[keyof Nesting];

/** The Y.Map of an existing (possibly deleted) action. */
export function action(plan: Plan, id: string): Y.Map<unknown> {
  return entry(planParts(plan.doc).actions, id, 'action');
}

/** Stamps who changed an action and when. */
export function touch(plan: Plan, map: Y.Map<unknown>): void {
  writeField(map, ACTION.fields, 'updatedAt', nowIso(plan));
  writeField(map, ACTION.fields, 'updatedBy', plan.actor.id);
}

/** A nested container of an action; one missing from a malformed document reads as an error. */
export function nested(map: Y.Map<unknown>, key: NestedField): Y.Map<unknown> {
  const value = map.get(key);
  if (!(value instanceof Y.Map))
    throw new PlanError('invalid', `this action has no ${key} (damaged document)`);
  return value;
}

/** The partners, framework links or endorsements of an action, member by member. */
export function members(map: Y.Map<unknown>, key: FlatField): FlatMembers {
  return flatMembers(map, key, ACTION.fields[key]);
}

/** Refuses an objective that does not exist or was removed. */
export function liveObjective(plan: Plan, objectiveId: string): void {
  const map = entry(planParts(plan.doc).objectives, objectiveId, 'objective');
  if (readTimestamp(map.get('deletedAt')))
    throw new PlanError('conflict', 'that objective was removed');
}

/** Refuses an organisation that does not exist. */
export function organisation(plan: Plan, orgId: string): void {
  entry(planParts(plan.doc).orgs, orgId, 'organisation');
}
