// Rebuilds a plan's document from storage: the compacted state, then the log after it. Throws if
// anything cannot be read or applied, so no caller ever works from a partial document.
import * as Y from 'yjs';
import { DamagedPlanError } from './integrity';
import type { MergedDocument, StoredDocument, UpdateLog } from './store';

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

/**
 * Log entries after a compacted state that are merged into it with `Y.mergeUpdates` rather than
 * replayed: a merge reads the state once and builds no document (a 10,000-action state and one
 * new update: 3.1 s against 8.5 s for a replay, measured at load average 17), while a replay is
 * quicker for many small updates (a 10,000-entry log: 0.37 s against 1.4 s).
 */
export const MERGE_MAX_UPDATES = 200;

/**
 * Folds a short log into its compacted state. Every struct and deletion of the inputs is in the
 * result, so the rows it replaces lose nothing; a log with a hole keeps it (Yjs marks it), and
 * `loadStoredPlan` refuses such a state when it applies it.
 */
function mergeLog(planId: string, state: Uint8Array, stored: StoredDocument): Uint8Array {
  if (stored.updates.length === 0) return state;
  try {
    return Y.mergeUpdates([state, ...stored.updates.map(({ update }) => update)]);
  } catch (error) {
    throw new DamagedPlanError(planId, `the log does not merge (${String(error)})`);
  }
}

/** The merged state of what `stored` holds (state and log), with its sequence numbers. */
export function mergeStored(
  planId: string,
  stored: StoredDocument,
  lastSeq: number,
): MergedDocument {
  return {
    state:
      stored.state && stored.updates.length <= MERGE_MAX_UPDATES
        ? mergeLog(planId, stored.state, stored)
        : replayStored(planId, stored),
    stateSeq: stored.stateSeq,
    seq: stored.updates.at(-1)?.seq ?? stored.stateSeq,
    lastSeq,
  };
}

/** The plan's document, merged off the event loop where the backend can (SqliteStore: a worker). */
export async function loadStoredDocument(store: UpdateLog, planId: string): Promise<Y.Doc> {
  return (await loadStoredPlan(store, planId)).doc;
}

/** The document and the last log sequence number folded into it (a cluster node tails from it). */
export async function loadStoredPlan(
  store: UpdateLog,
  planId: string,
): Promise<{ readonly doc: Y.Doc; readonly through: number }> {
  const { state, seq, chunks } = await store.loadMergedState(planId);
  const doc = new Y.Doc();
  if (chunks) {
    // one chunk per turn of the event loop: every other plan is served between them ([D9])
    for (const chunk of chunks) {
      Y.applyUpdate(doc, chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else Y.applyUpdate(doc, state);
  // a merged log with a hole (mergeLog) shows here: the plan is refused, never served smaller
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    throw new DamagedPlanError(
      planId,
      'the stored state does not apply: entries it builds on are missing',
    );
  }
  return { doc, through: seq };
}
