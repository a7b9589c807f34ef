// Publishing a plan that lived on this computer to a sync server. The server cannot create plans
// from the app, so its admin creates an empty plan and hands over an owner invite; this copies the
// local document into that plan's local replica, and the session then sends it all to the server
// (a new plan's content is written by its owner's first client). The local plan stays as it
// was, under its own id.
import type { LocalPlanEntry } from './localPlans';
import { localStore } from './localReplica';
import { saveJoinedPlan } from './memberTokens';
import { joinPlan, parseInvite } from './serverApi';

export async function publishPlan(
  source: LocalPlanEntry,
  state: Uint8Array,
  input: { invite: string; name: string; organisation: string },
): Promise<string> {
  const link = parseInvite(input.invite, '');
  if (!link) throw new Error('not an invite link');
  const joined = await joinPlan(link.serverUrl, {
    code: link.code,
    name: input.name,
    organisation: input.organisation,
  });
  if (joined.role !== 'owner') throw new Error('publishing needs an owner invite');
  // Into this computer's store (IndexedDB or the desktop's), where the session will load it from.
  await (await localStore()).seed(joined.planId, state);
  await saveJoinedPlan(link.serverUrl, joined, source.title);
  return joined.planId;
}
