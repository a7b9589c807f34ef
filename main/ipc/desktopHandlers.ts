// What main does for each capability in shared/contracts/ipc.ts. Arguments arrive already validated by
// registerIpcHandlers; Electron itself (dialogs, shell, ports) is passed in, so this module
// loads and is tested in plain Node.
import type { AppInfo, WorkshopFailure } from '../../shared/contracts/ipc';
import type { PlanPersistence } from '../../shared/contracts/persistence';
import { PLAN_FILE_EXTENSION, planFileName } from '../../shared/planFile';
import { describeFileError, readPlanFile, savePlanFile } from '../planFiles';
import { trustedExternalUrl } from '../security/trustedUrl';
import type { TokenStore } from '../secrets/tokenStore';
import type { WorkshopController } from '../workshop/workshopController';
import type { IpcHandlers } from './registerIpcHandlers';

export interface DesktopHandlerDeps<E> {
  readonly store: PlanPersistence;
  readonly tokens: TokenStore;
  readonly appInfo: AppInfo;
  readonly now: () => Date;
  /** Opens a URL in the system browser (shell.openExternal). */
  readonly openExternal: (url: string) => Promise<void>;
  /** Asks the user where to save; null when they cancel. */
  readonly chooseSavePath: (event: E, suggestedName: string) => Promise<string | null>;
  /** Asks the user which plan file to open; null when they cancel. */
  readonly chooseOpenPath: (event: E) => Promise<string | null>;
  /** Creates a store port and posts one end to the calling window. */
  readonly connectPlanStore: (event: E) => void;
  /** The embedded workshop server (workshop/). */
  readonly workshop: WorkshopController;
}

/** A plan title as a file name (shared with the web app's download). */
export { planFileName as suggestedFileName };

export function createDesktopHandlers<E>(deps: DesktopHandlerDeps<E>): IpcHandlers<E> {
  return {
    getAppInfo: () => deps.appInfo,

    openExternalLink: async (_event, url) => {
      const trusted = trustedExternalUrl(url);
      if (!trusted) return false;
      await deps.openExternal(trusted);
      return true;
    },

    savePlanFile: async (event, { planId, title }) => {
      const chosen = await deps.chooseSavePath(event, planFileName(title));
      if (chosen === null) return { status: 'cancelled' };
      const path = chosen.toLowerCase().endsWith(PLAN_FILE_EXTENSION)
        ? chosen
        : `${chosen}${PLAN_FILE_EXTENSION}`;
      try {
        const saved = await savePlanFile(deps.store, planId, path, {
          title,
          appVersion: deps.appInfo.version,
          now: deps.now(),
        });
        return saved.ok
          ? { status: 'saved', path: saved.path }
          : { status: 'failed', message: saved.error.message };
      } catch (error) {
        return { status: 'failed', message: describeFileError(error) };
      }
    },

    // Reads and checks the file and hands its contents to the page, which decides whether it
    // may be merged (a plan the user only views may not) and merges it; nothing is written here.
    openPlanFile: async (event) => {
      const path = await deps.chooseOpenPath(event);
      if (path === null) return { status: 'cancelled' };
      const read = await readPlanFile(path);
      return read.ok
        ? { status: 'opened', metadata: read.file.metadata, state: read.file.state }
        : { status: 'failed', error: read.error };
    },

    getMemberToken: (_event, key) => deps.tokens.get(key),
    setMemberToken: (_event, key, token) => deps.tokens.set(key, token),
    forgetMemberToken: async (_event, key) => {
      await deps.tokens.forget(key);
      return undefined;
    },

    connectPlanStore: (event) => {
      deps.connectPlanStore(event);
      return undefined;
    },

    startWorkshop: async (_event, request) => {
      try {
        return { ok: true, ...(await deps.workshop.start(request)) };
      } catch (error) {
        return { ok: false, reason: workshopFailure(error) };
      }
    },
    workshopStatus: () => deps.workshop.status(),
    stopWorkshop: async () => {
      await deps.workshop.stop();
      return undefined;
    },
  };
}

/** Why a workshop could not start, as a reason the renderer words in the UI language. */
function workshopFailure(error: unknown): WorkshopFailure {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return 'portInUse';
    case 'EACCES':
    case 'EPERM':
      return 'notAllowed';
    case 'EADDRNOTAVAIL':
      return 'noNetwork';
    default:
      return 'failed';
  }
}
