// Rebuilds a plan's document from storage: the compacted state, then the log after it. Throws if
// anything cannot be read or applied, so no caller ever works from a partial document.
import * as Y from 'yjs';
import type { PlanStore } from './store';

export async function loadStoredDocument(store: PlanStore, planId: string): Promise<Y.Doc> {
  return (await loadStoredPlan(store, planId)).doc;
}

/** The document and the last log sequence number folded into it. */
export async function loadStoredPlan(
  store: PlanStore,
  planId: string,
): Promise<{ readonly doc: Y.Doc; readonly through: number }> {
  const stored = await store.loadDocument(planId);
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  });
  return { doc, through: stored.updates.at(-1)?.seq ?? stored.stateSeq };
}
