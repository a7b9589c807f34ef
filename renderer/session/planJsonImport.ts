// A whole plan from its JSON export (shared/exports/exportJson) becomes a local plan on this
// computer: the same content, ids and history fields (shared/plan/restore.ts), stored through
// this computer's store and listed on the start screen. The plan file format (.accord) is not
// this: that one merges into a plan you have; this one only ever creates.
import * as Y from 'yjs';
import { ImportFileError } from '../../shared/imports/importFileError';
import { openPlan, type Actor } from '../../shared/plan/plan';
import { restoreSnapshot } from '../../shared/plan/restore';
import type { PlanSnapshot } from '../../shared/plan/schema';
import { savePlan } from './localPlans';
import type { LocalStore } from './localReplica';

/** Why a file is not a plan to import, in words the start screen has (ui `importPlan.problem`). */
export type PlanJsonProblem = 'notJson' | 'notPlan' | 'newer' | 'damaged';

/** Reads and checks an exported plan (ImportFileError if it is not one); loaded on first use. */
export async function readPlanFile(bytes: Uint8Array): Promise<PlanSnapshot> {
  const { readPlanJson } = await import('../../shared/imports/importPlanJson');
  return readPlanJson(bytes);
}

/**
 * The user's words for a refusal of readPlanJson (an ImportFileError, whose code says which check
 * failed), or null when the error is something else.
 */
export function planJsonProblem(error: unknown): PlanJsonProblem | null {
  if (!(error instanceof ImportFileError)) return null;
  switch (error.code) {
    case 'not_json':
      return 'notJson';
    case 'not_plan_export':
      return 'notPlan';
    case 'newer_format':
    case 'newer_schema':
      return 'newer';
    default:
      return 'damaged';
  }
}

/** The plan as a separate copy: its own plan id and a title that says it is a copy. */
export function asCopy(snapshot: PlanSnapshot, planId: string, title: string): PlanSnapshot {
  return { ...snapshot, meta: { ...snapshot.meta, id: planId, title } };
}

/** The plan's whole document state, written in one transaction by `actor`. */
export function planState(snapshot: PlanSnapshot, actor: Actor): Uint8Array {
  const doc = new Y.Doc();
  try {
    restoreSnapshot(openPlan(doc, { actor }), snapshot);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Stores the plan on this computer and lists it as a local plan; resolves to its id. */
export async function saveImportedPlan(
  snapshot: PlanSnapshot,
  actor: Actor,
  store: LocalStore,
): Promise<string> {
  const planId = snapshot.meta.id;
  await store.seed(planId, planState(snapshot, actor));
  savePlan({
    planId,
    title: snapshot.meta.title,
    server: null,
    lastSyncedAt: null,
    storedState: null,
    updatedAt: new Date().toISOString(),
  });
  return planId;
}
