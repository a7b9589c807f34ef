// How many live actions each organisation leads and partners in, for the registry. Pure.
import type { PlanSnapshot } from '../../shared/plan/schema';
import { liveActions } from '../../shared/plan/views';

export interface OrgUsage {
  readonly leads: ReadonlyMap<string, number>;
  readonly partners: ReadonlyMap<string, number>;
}

export function orgUsage(snapshot: PlanSnapshot): OrgUsage {
  const leads = new Map<string, number>();
  const partners = new Map<string, number>();
  for (const action of liveActions(snapshot)) {
    if (action.leadOrgId) leads.set(action.leadOrgId, (leads.get(action.leadOrgId) ?? 0) + 1);
    for (const id of action.partnerOrgIds) partners.set(id, (partners.get(id) ?? 0) + 1);
  }
  return { leads, partners };
}

/** Live actions in the plan (the table's "of N"). */
export function liveCount(snapshot: PlanSnapshot): number {
  let count = 0;
  for (const action of snapshot.actions) if (action.deletedAt === null) count++;
  return count;
}
