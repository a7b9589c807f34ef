// What the plan-file controls and menu commands do, and the one message they leave for the user
// (PlanFileNotice). The file logic itself is renderer/session/planFileExchange.ts.
import { create } from 'zustand';
import type { IpcEventPayload } from '../../../shared/contracts/ipc';
import { findPlan, savePlan } from '../../session/localPlans';
import { localStore } from '../../session/localReplica';
import type { PlanSession } from '../../session/planSession';
import {
  downloadFile,
  planFileBridge,
  openPlanFileBytes,
  mergePlanFile,
  openPlanFileOnDesktop,
  savePlanToFile,
  type OpenedPlanFile,
  type PlanFileBridge,
  type PlanFileProblem,
} from '../../session/planFileExchange';
import { openPlanView, useViewStore } from '../../state/viewStore';

/** The outcome of the last save or open, worded by PlanFileMessage in the UI language. */
export type PlanFileNotice =
  | { readonly kind: 'saved' }
  | { readonly kind: 'saveCancelled' }
  | { readonly kind: 'saveFailed'; readonly message: string }
  | { readonly kind: 'openCancelled' }
  | { readonly kind: 'added'; readonly title: string }
  | { readonly kind: 'merged'; readonly title: string }
  | { readonly kind: 'problem'; readonly problem: PlanFileProblem };

export const usePlanFileNotice = create<{ notice: PlanFileNotice | null }>()(() => ({
  notice: null,
}));

const say = (notice: PlanFileNotice | null) => usePlanFileNotice.setState({ notice });

const now = () => new Date();

/** Saves the open plan as a file (a download, or the desktop's save dialog). */
export async function saveOpenPlan(session: PlanSession, planId: string, title: string) {
  // Before the live document has loaded, the session holds only a cached picture.
  await session.loaded;
  const outcome = await savePlanToFile(
    { planId, title, state: () => session.state() },
    { bridge: planFileBridge(), store: await localStore(), download: downloadFile, now },
  );
  say(
    outcome.status === 'saved'
      ? { kind: 'saved' }
      : outcome.status === 'cancelled'
        ? { kind: 'saveCancelled' }
        : { kind: 'saveFailed', message: outcome.message },
  );
}

function opened(outcome: OpenedPlanFile): void {
  if (!outcome.ok) return say({ kind: 'problem', problem: outcome.problem });
  say({ kind: outcome.merged ? 'merged' : 'added', title: outcome.title });
  showOpenedPlan(outcome.planId);
}

/** A file picked or dropped in the page: merged into this computer's copy, then opened. */
export async function openFileInPage(file: Blob): Promise<void> {
  say(null);
  const bytes = new Uint8Array(await file.arrayBuffer());
  opened(await openPlanFileBytes(bytes, { store: await localStore(), findPlan, savePlan, now }));
}

/**
 * File > Open plan file… on the desktop: main asks for the file and reads it; it is merged here,
 * with the same checks as a file picked in a browser.
 */
export async function openFileFromDesktop(bridge: Pick<PlanFileBridge, 'openPlanFile'>) {
  const store = await localStore();
  const outcome = await openPlanFileOnDesktop(bridge, { store, findPlan, savePlan, now });
  if (outcome) opened(outcome);
  else say({ kind: 'openCancelled' });
}

/** A plan file opened from outside the app (double-click, command line), which main read. */
export async function desktopFileOpened(file: IpcEventPayload<'planFileOpened'>): Promise<void> {
  say(null);
  opened(await mergePlanFile(file, { store: await localStore(), findPlan, savePlan, now }));
}

/**
 * Shows a plan that was just merged into this computer's store. A session reads the store once,
 * when it opens, so a plan already on screen is closed and opened again to show the merge; the
 * URL and the screen stay as they were.
 */
function showOpenedPlan(planId: string): void {
  if (useViewStore.getState().planId !== planId) return openPlanView(planId);
  useViewStore.setState({ planId: null });
  setTimeout(() => useViewStore.setState({ planId }), 0);
}
