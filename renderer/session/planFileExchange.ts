// Exchanging plans as `.accord` files (shared/planFile.ts) without a connection: USB stick,
// e-mail. One path for both platforms: in a browser the page reads the bytes from a file input
// and downloads the bytes it builds; on the desktop main shows the dialogs, writes saved files
// from its store (savePlanFile) and reads and checks opened ones (openPlanFile, the
// planFileOpened event), handing the page the file's contents. Either way the page checks and
// merges what a file brings (mergePlanFile): a file of a plan this computer has is merged (its
// state is one Yjs update), and anything wrong with the file, or a plan this user may only view,
// changes nothing.
import type { DesktopApi } from '../../shared/contracts/ipc';
import {
  MAX_PLAN_FILE_BYTES,
  decodePlanFile,
  encodePlanFile,
  planFileName,
  type PlanFile,
  type PlanFileErrorCode,
} from '../../shared/planFile';
import { desktopCapabilities } from './desktopGlobal';
import type { LocalPlanEntry } from './localPlans';
import type { LocalStore } from './localReplica';

/** The desktop shell's plan-file capabilities, as far as the page uses them. */
export type PlanFileBridge = Pick<DesktopApi, 'savePlanFile' | 'openPlanFile' | 'onPlanFileOpened'>;

/** The preload's plan-file capabilities, or null in a browser. */
export const planFileBridge = (): PlanFileBridge | null =>
  desktopCapabilities<PlanFileBridge>(['savePlanFile', 'openPlanFile', 'onPlanFileOpened']);

/**
 * Why a plan file changed nothing; the UI words each (planFile.problems.*):
 * the file's own faults (PlanFileErrorCode), a file far too large to be a plan, a plan this
 * user may only view, and a local store that refused the write.
 */
export type PlanFileProblem = PlanFileErrorCode | 'tooLarge' | 'viewOnly' | 'storage';

export type OpenedPlanFile =
  | {
      readonly ok: true;
      readonly planId: string;
      readonly title: string;
      /** the plan was on this computer already and the file was merged into it */
      readonly merged: boolean;
    }
  | { readonly ok: false; readonly problem: PlanFileProblem };

/** What opening a file needs of this computer: its store and its list of plans. */
export interface PlanFileTarget {
  readonly store: Pick<LocalStore, 'seed'>;
  readonly findPlan: (planId: string) => LocalPlanEntry | undefined;
  readonly savePlan: (entry: LocalPlanEntry) => void;
  readonly now: () => Date;
}

/**
 * Reads a plan file picked or dropped in the page and merges it into this computer's copy of its
 * plan (or adds the plan). A damaged, foreign or newer file changes nothing.
 */
export async function openPlanFileBytes(
  bytes: Uint8Array,
  target: PlanFileTarget,
): Promise<OpenedPlanFile> {
  if (bytes.byteLength > MAX_PLAN_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const decoded = decodePlanFile(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.error.code };
  return mergePlanFile(decoded.file, target);
}

/**
 * Merges a decoded plan file into this computer's copy of its plan (or adds the plan): the one
 * path for a file read in the page and for one main read on the desktop. Checks before writing
 * anything: a server plan this user may only view leaves the store and the plan list as they
 * were.
 */
export async function mergePlanFile(
  file: PlanFile,
  target: PlanFileTarget,
): Promise<OpenedPlanFile> {
  const { metadata, state } = file;
  // Main bounds what it sends; the page does not rely on that.
  if (state.byteLength > MAX_PLAN_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const known = target.findPlan(metadata.planId);
  // A viewer's copy holds only what the server gave it (a viewer stores no edits): a file must not
  // put content there that the server would never accept.
  if (known?.server?.role === 'viewer') return { ok: false, problem: 'viewOnly' };
  try {
    await target.store.seed(metadata.planId, state);
  } catch {
    return { ok: false, problem: 'storage' };
  }
  return rememberPlan(metadata, target);
}

/**
 * File > Open plan file… on the desktop: main asks which file and reads and checks it (or
 * refuses it), and the page merges it as it merges a file picked in a browser. Null when the
 * user cancelled.
 */
export async function openPlanFileOnDesktop(
  bridge: Pick<PlanFileBridge, 'openPlanFile'>,
  target: PlanFileTarget,
): Promise<OpenedPlanFile | null> {
  const outcome = await bridge.openPlanFile();
  if (outcome.status === 'cancelled') return null;
  if (outcome.status === 'failed') return { ok: false, problem: outcome.error.code };
  return mergePlanFile({ metadata: outcome.metadata, state: outcome.state }, target);
}

function rememberPlan(
  metadata: { readonly planId: string; readonly title: string },
  target: Pick<PlanFileTarget, 'findPlan' | 'savePlan' | 'now'>,
): OpenedPlanFile {
  const known = target.findPlan(metadata.planId);
  if (known) return { ok: true, planId: known.planId, title: known.title, merged: true };
  // The file format names no server, so a plan new here is kept as a plan of this computer. If
  // it is a server plan, joining it with an invite later makes this copy that plan's (same id).
  target.savePlan({
    planId: metadata.planId,
    title: metadata.title,
    server: null,
    lastSyncedAt: null,
    storedState: null,
    updatedAt: target.now().toISOString(),
  });
  return { ok: true, planId: metadata.planId, title: metadata.title, merged: false };
}

/** The plan on screen, as saving it needs it. */
export interface PlanToSave {
  readonly planId: string;
  readonly title: string;
  /** everything the open copy holds, as one Yjs update (PlanSession.state) */
  readonly state: () => Uint8Array;
}

export type SavedPlanFile =
  | { readonly status: 'saved' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

/** How a browser saves bytes under a name (a download). */
export type Download = (fileName: string, bytes: Uint8Array) => void;

/** Marks files this version wrote (PlanFileMetadata.appVersion), for support. */
const WEB_APP_VERSION = 'accord-web';

/** The plan as `.accord` bytes, and the name to save them under. */
export function planFileOf(plan: PlanToSave, now: Date): { fileName: string; bytes: Uint8Array } {
  const bytes = encodePlanFile({
    metadata: {
      planId: plan.planId,
      title: plan.title,
      exportedAt: now.toISOString(),
      appVersion: WEB_APP_VERSION,
    },
    state: plan.state(),
  });
  return { fileName: planFileName(plan.title), bytes };
}

/**
 * Saves the open plan as a file. On the desktop main writes the file from its store, so what
 * this copy holds is stored first (a merge: a no-op for what is there already); in a browser the
 * page builds the file and downloads it. Viewers may save: it only reads the plan.
 */
export async function savePlanToFile(
  plan: PlanToSave,
  deps: {
    readonly bridge: Pick<PlanFileBridge, 'savePlanFile'> | null;
    readonly store: Pick<LocalStore, 'seed'>;
    readonly download: Download;
    readonly now: () => Date;
  },
): Promise<SavedPlanFile> {
  try {
    if (deps.bridge) {
      await deps.store.seed(plan.planId, plan.state());
      const outcome = await deps.bridge.savePlanFile({ planId: plan.planId, title: plan.title });
      return outcome.status === 'saved' ? { status: 'saved' } : outcome;
    }
    const file = planFileOf(plan, deps.now());
    deps.download(file.fileName, file.bytes);
    return { status: 'saved' };
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** A browser download of bytes, as the export panel does it. */
export const downloadFile: Download = (fileName, bytes) => {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
