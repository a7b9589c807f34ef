// "What changed since the last report": a pure diff of two snapshots of the same plan (a saved
// version and now), or, when only a date is known, what the current snapshot itself records
// (creation, deletion and update stamps, dated progress updates).
import type { Action, PlanSnapshot } from '../plan/schema';
import { liveActions } from '../plan/views';

/** The fields donors ask about; `other` means the action changed in a way a date cannot tell. */
export const CHANGED_FIELDS = {
  status: 'status',
  progress: 'progress',
  deadline: 'deadline',
  /** the lead organisation */
  owner: 'owner',
  other: 'other',
} as const;
export type ChangedField = keyof typeof CHANGED_FIELDS;

export interface FieldChange {
  readonly field: ChangedField;
  readonly from: string | number | null;
  readonly to: string | number | null;
}

export interface ActionChange {
  /** the action as it is now */
  readonly action: Action;
  readonly changes: readonly FieldChange[];
}

export interface PlanChanges {
  /** the date compared against, or null when compared with a saved snapshot */
  readonly since: string | null;
  /** live now, not live before (created, or restored from the trash) */
  readonly added: readonly Action[];
  /** live before, gone now (deleted, or purged: then as it was before) */
  readonly removed: readonly Action[];
  readonly changed: readonly ActionChange[];
}

const COMPARED = [
  ['status', (action: Action) => action.status],
  ['progress', (action: Action) => action.progress],
  ['deadline', (action: Action) => action.deadline],
  ['owner', (action: Action) => action.leadOrgId],
] as const;

/** What happened to live actions between two snapshots of one plan, in the later one's order. */
export function planChanges(before: PlanSnapshot, after: PlanSnapshot): PlanChanges {
  const beforeLive = new Map(liveActions(before).map((action) => [action.id, action]));
  const afterAll = new Map(after.actions.map((action) => [action.id, action]));
  const added: Action[] = [];
  const changed: ActionChange[] = [];
  for (const action of liveActions(after)) {
    const previous = beforeLive.get(action.id);
    if (!previous) {
      added.push(action);
      continue;
    }
    const changes: FieldChange[] = [];
    for (const [field, read] of COMPARED) {
      if (read(previous) !== read(action))
        changes.push({ field, from: read(previous), to: read(action) });
    }
    if (changes.length > 0) changed.push({ action, changes });
  }
  const removed: Action[] = [];
  for (const [id, previous] of beforeLive) {
    const now = afterAll.get(id);
    if (!now || now.deletedAt !== null) removed.push(now ?? previous);
  }
  return { since: null, added, removed, changed };
}

/**
 * What one snapshot records about changes since `since` (a date, `YYYY-MM-DD`): actions created or
 * deleted since then, status and progress changes told by progress updates dated since then, and
 * other edits (`other`) from the update stamp. Deadline and owner changes need a saved version:
 * a date alone cannot tell them, so they show as `other`.
 */
export function changesSinceDate(snapshot: PlanSnapshot, since: string): PlanChanges {
  const added: Action[] = [];
  const removed: Action[] = [];
  const changed: ActionChange[] = [];
  for (const action of snapshot.actions) {
    const created = action.createdAt.slice(0, 10) >= since;
    if (action.deletedAt !== null) {
      if (action.deletedAt.slice(0, 10) >= since && !created) removed.push(action);
      continue;
    }
    if (created) {
      added.push(action);
      continue;
    }
    const earlier = action.updates.filter((update) => update.at < since).at(-1);
    const recent = action.updates.filter((update) => update.at >= since).at(-1);
    const changes: FieldChange[] = [];
    if (recent) {
      if (!earlier || earlier.status !== recent.status)
        changes.push({ field: 'status', from: earlier?.status ?? null, to: recent.status });
      if (!earlier || earlier.progress !== recent.progress)
        changes.push({ field: 'progress', from: earlier?.progress ?? null, to: recent.progress });
    }
    if (changes.length === 0 && action.updatedAt.slice(0, 10) >= since)
      changes.push({ field: 'other', from: null, to: null });
    if (changes.length > 0) changed.push({ action, changes });
  }
  return { since, added, removed, changed };
}
