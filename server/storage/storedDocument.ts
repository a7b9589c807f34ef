// Rebuilds a plan's document from storage: the compacted state, then the log after it. Throws if
// anything cannot be read or applied, so no caller ever works from a partial document.
import * as Y from 'yjs';
import { DamagedPlanError } from './integrity';
import type { MergedDocument, PlanStore, StoredDocument } from './store';

/**
 * Replays a stored state and its log into one state (a Yjs update). Refuses a log that leaves
 * Yjs waiting: pending structs or a pending delete set mean an entry it builds on is missing, and
 * the document would silently lack everything that depends on it.
 */
export function replayStored(planId: string, stored: StoredDocument): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (stored.state) Y.applyUpdate(doc, stored.state);
      for (const { update } of stored.updates) Y.applyUpdate(doc, update);
    });
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      throw new DamagedPlanError(
        planId,
        'the log does not apply: entries it builds on are missing',
      );
    }
    return Y.encodeStateAsUpdate(doc);
  } catch (error) {
    if (error instanceof DamagedPlanError) throw error;
    throw new DamagedPlanError(planId, `the log does not apply (${String(error)})`);
  } finally {
    doc.destroy();
  }
}

/** The merged state of what `stored` holds (state and log), with its sequence numbers. */
export function mergeStored(
  planId: string,
  stored: StoredDocument,
  lastSeq: number,
): MergedDocument {
  return {
    state: replayStored(planId, stored),
    stateSeq: stored.stateSeq,
    seq: stored.updates.at(-1)?.seq ?? stored.stateSeq,
    lastSeq,
  };
}

/** The plan's document, merged off the event loop where the backend can (SqliteStore: a worker). */
export async function loadStoredDocument(store: PlanStore, planId: string): Promise<Y.Doc> {
  return (await loadStoredPlan(store, planId)).doc;
}

/** The document and the last log sequence number folded into it (a cluster node tails from it). */
export async function loadStoredPlan(
  store: PlanStore,
  planId: string,
): Promise<{ readonly doc: Y.Doc; readonly through: number }> {
  const { state, seq } = await store.loadMergedState(planId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return { doc, through: seq };
}
