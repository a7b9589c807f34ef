// A plan with `count` editors who joined through single-use invites, as the sync tests and
// benchmarks need it: the plan's id and each editor's member token; and which actions a store holds.
import * as Y from 'yjs';
import { createInvite, createPlan, join } from '../../server/identity/members';
import type { PlanStore } from '../../server/storage/store';

export async function planWithEditors(
  store: PlanStore,
  title: string,
  count: number,
): Promise<{ planId: string; tokens: string[] }> {
  const { plan } = await createPlan(store, title);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const { code } = await createInvite(store, plan.id, {
      role: 'editor',
      maxUses: 1,
      expiresAt: null,
      label: '',
      createdBy: null,
    });
    const joined = await join(store, code, { name: `m${i}`, organisation: 'org' });
    if (!joined.ok) throw new Error(joined.refusal);
    tokens.push(joined.token);
  }
  return { planId: plan.id, tokens };
}

/** The ids of the actions a store holds for a plan (its merged state plus the update log). */
export async function storedActionIds(store: PlanStore, planId: string): Promise<Set<string>> {
  const document = await store.loadDocument(planId);
  const doc = new Y.Doc();
  if (document.state) Y.applyUpdate(doc, document.state);
  for (const { update } of document.updates) Y.applyUpdate(doc, update);
  return new Set(doc.getMap('actions').keys());
}
