// A plan with `count` editors who joined through single-use invites, as the sync tests and
// benchmarks need it: the plan's id and each editor's member token.
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
