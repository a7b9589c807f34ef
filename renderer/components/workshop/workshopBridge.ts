// The desktop shell's workshop capabilities (shared/contracts/ipc.ts), as far as the page needs them. The
// web build has no shell: then there is no bridge and nothing about workshops is shown.
import type { DesktopApi } from '../../../shared/contracts/ipc';
import { desktopCapabilities } from '../../session/desktopGlobal';
import { findPlan } from '../../session/localPlans';
import { saveServerPlan } from '../../session/memberTokens';
import { useViewStore } from '../../state/viewStore';

export type WorkshopBridge = Pick<DesktopApi, 'startWorkshop' | 'workshopStatus' | 'stopWorkshop'>;

export const workshopBridge = (): WorkshopBridge | null =>
  desktopCapabilities<WorkshopBridge>(['startWorkshop', 'workshopStatus', 'stopWorkshop']);

/** A workshop server runs on this computer; the host's app reaches it over the loopback. */
const HOSTED_HERE = /^http:\/\/127\.0\.0\.1:\d+$/;

/**
 * Whether a plan can be hosted: a plan kept only on this computer, or one hosted here before. A
 * plan of another server stays with that server (a plan has one server).
 */
export function hostableServer(planId: string): { hostable: boolean; server: string | null } {
  const server = findPlan(planId)?.server ?? null;
  return { hostable: !server || HOSTED_HERE.test(server.url), server: server?.url ?? null };
}

/**
 * Makes the plan a plan of the workshop server, with the host as its owner (the token kept like
 * any member's, memberTokens.ts), and reopens it so its session connects there (a session reads
 * its server once, when it opens).
 */
export async function attachToWorkshop(
  planId: string,
  host: { serverUrl: string; memberId: string; token: string },
): Promise<void> {
  const entry = findPlan(planId);
  if (!entry) return;
  await saveServerPlan(
    { ...entry, server: { url: host.serverUrl, memberId: host.memberId, role: 'owner' } },
    host.token,
  );
  const view = useViewStore.getState();
  if (view.planId !== planId) return;
  // Two renders (no plan, then the plan) so the plan's session closes and opens again; the URL
  // and the screen stay as they were.
  useViewStore.setState({ planId: null });
  setTimeout(() => useViewStore.setState({ planId }), 0);
}
