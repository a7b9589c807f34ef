// Exchanging plans as `.accord` files (shared/planFile.ts) without a connection: USB stick,
// e-mail. One path for both platforms: the page builds and reads the bytes; in a browser they are
// downloaded and picked with a file input, on the desktop main's dialogs and store do the file
// part (savePlanFile, openPlanFile, the planFileOpened event). Opening a file of a plan this
// computer has merges it (the file's state is one Yjs update); anything wrong with the file
// changes nothing.
import type { DesktopApi, IpcEventPayload } from '../../shared/ipc';
import {
  MAX_PLAN_FILE_BYTES,
  decodePlanFile,
  encodePlanFile,
  planFileName,
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
 * Reads a plan file and merges it into this computer's copy of its plan (or adds the plan).
 * Checks everything before writing anything: a damaged, foreign or newer file, or a server plan
 * this user may only view, leaves the store and the plan list as they were.
 */
export async function openPlanFileBytes(
  bytes: Uint8Array,
  target: PlanFileTarget,
): Promise<OpenedPlanFile> {
  if (bytes.byteLength > MAX_PLAN_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const decoded = decodePlanFile(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.error.code };
  const { metadata, state } = decoded.file;
  const known = target.findPlan(metadata.planId);
  // A viewer's copy holds only what the server gave it (DESIGN.md, roles): a file must not put
  // content there that the server would never accept.
  if (known?.server?.role === 'viewer') return { ok: false, problem: 'viewOnly' };
  try {
    await target.store.seed(metadata.planId, state);
  } catch {
    return { ok: false, problem: 'storage' };
  }
  return rememberPlan(metadata, target);
}

/**
 * File > Open plan file… on the desktop: main asks which file and merges it into its store (or
 * refuses it, changing nothing); the plan is then listed here. Null when the user cancelled.
 */
export async function openPlanFileOnDesktop(
  bridge: Pick<PlanFileBridge, 'openPlanFile'>,
  target: Pick<PlanFileTarget, 'findPlan' | 'savePlan' | 'now'>,
): Promise<OpenedPlanFile | null> {
  const outcome = await bridge.openPlanFile();
  if (outcome.status === 'cancelled') return null;
  if (outcome.status === 'failed') return { ok: false, problem: outcome.error.code };
  return rememberPlan(outcome.metadata, target);
}

/**
 * A plan file main has merged into the desktop store (File > Open plan file…, or a file opened
 * from outside the app): listed on the start screen if it is new here.
 */
export function rememberOpenedPlan(
  metadata: IpcEventPayload<'planFileOpened'>,
  target: Pick<PlanFileTarget, 'findPlan' | 'savePlan' | 'now'>,
): OpenedPlanFile {
  return rememberPlan(metadata, target);
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
