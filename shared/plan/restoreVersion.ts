// Brings a plan back to a saved version (a checkpoint's snapshot) as ordinary edits on top of
// what it holds now: only fields that differ are written (text by its smallest edit), actions and
// objectives made since are soft-deleted, nothing is purged. So the restore is one new change,
// attributed to whoever restores, that every copy merges and that a later restore can reverse.
// Values are compared through the snapshot readers and written through the layout's tables, never
// by stored key names, so a change of layout (layout.ts) carries over.
import type * as Y from 'yjs';
import { touch } from './actionEntries';
import { newEntry, writeField, type Fields } from './fields';
import { ACTION, META, OBJECTIVE, ORGANISATION } from './layout';
import { change, nowIso, planParts, type Plan } from './plan';
import type { PlanSnapshot } from './schema';
import { snapshotOf } from './snapshot';

/** What a restore changed, counted per kind of entry. */
export interface RestoredChanges {
  readonly actions: number;
  readonly objectives: number;
  readonly organisations: number;
  /** whether the plan's own description (title, summary, period, …) changed */
  readonly meta: boolean;
}

/** Fields a restore leaves to the edit itself: who changed the action and when. */
const STAMPS = new Set(['updatedAt', 'updatedBy']);
/** Meta fields that describe the document, not the plan: never rolled back. */
const META_KEPT = new Set(['schemaVersion', 'id', 'createdAt']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes the fields of `fields` whose value differs between `now` and `then`; returns whether any
 * did. `skip` names fields left as they are.
 */
function restoreFields(
  map: Y.Map<unknown>,
  fields: Fields,
  now: Readonly<Record<string, unknown>>,
  then: Readonly<Record<string, unknown>>,
  skip: ReadonlySet<string>,
): boolean {
  let changed = false;
  for (const name of Object.keys(fields)) {
    if (skip.has(name) || same(now[name], then[name])) continue;
    writeField(map, fields, name, then[name]);
    changed = true;
  }
  return changed;
}

/** Makes the plan read as `version` again, in one transaction of `plan`'s origin. */
export function restoreVersion(plan: Plan, version: PlanSnapshot): RestoredChanges {
  const current = snapshotOf(plan.doc);
  return change(plan, () => {
    const parts = planParts(plan.doc);
    const meta = restoreFields(parts.meta, META, current.meta, version.meta, META_KEPT);

    let objectives = 0;
    const objectivesNow = new Map(current.objectives.map((o) => [o.id, o]));
    for (const then of version.objectives) {
      const now = objectivesNow.get(then.id);
      const map = parts.objectives.get(then.id);
      if (now && map) {
        if (restoreFields(map, OBJECTIVE.fields, now, then, new Set())) objectives++;
      } else {
        parts.objectives.set(then.id, newEntry(OBJECTIVE.fields, then));
        objectives++;
      }
    }
    const objectivesThen = new Set(version.objectives.map((o) => o.id));
    for (const now of current.objectives) {
      const map = parts.objectives.get(now.id);
      if (objectivesThen.has(now.id) || now.deletedAt !== null || !map) continue;
      writeField(map, OBJECTIVE.fields, 'deletedAt', nowIso(plan));
      objectives++;
    }

    // Organisations added since stay: actions may name them, and removing one in use is refused.
    let organisations = 0;
    const orgsNow = new Map(current.orgs.map((o) => [o.id, o]));
    for (const then of version.orgs) {
      const now = orgsNow.get(then.id);
      const map = parts.orgs.get(then.id);
      if (now && map) {
        if (restoreFields(map, ORGANISATION.fields, now, then, new Set())) organisations++;
      } else {
        parts.orgs.set(then.id, newEntry(ORGANISATION.fields, then));
        organisations++;
      }
    }

    let actions = 0;
    const actionsNow = new Map(current.actions.map((a) => [a.id, a]));
    for (const then of version.actions) {
      const now = actionsNow.get(then.id);
      const map = parts.actions.get(then.id);
      if (now && map) {
        if (!restoreFields(map, ACTION.fields, now, then, STAMPS)) continue;
        touch(plan, map);
      } else {
        // purged since: back with the values it had, stamped as this edit
        const entry = newEntry(ACTION.fields, then);
        parts.actions.set(then.id, entry);
        touch(plan, entry);
      }
      actions++;
    }
    const actionsThen = new Set(version.actions.map((a) => a.id));
    for (const now of current.actions) {
      const map = parts.actions.get(now.id);
      if (actionsThen.has(now.id) || now.deletedAt !== null || !map) continue;
      writeField(map, ACTION.fields, 'deletedAt', nowIso(plan));
      writeField(map, ACTION.fields, 'deletedBy', plan.actor.id);
      touch(plan, map);
      actions++;
    }
    return { actions, objectives, organisations, meta };
  });
}
