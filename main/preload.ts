// The preload: the only code that sees both the page and Electron. It exposes `window.accord`,
// one named, typed function per capability in shared/contracts/ipc.ts and one subscription per event, and
// nothing else: no ipcRenderer, no generic send(channel), no raw event objects (Electron's
// security checklist, items 17 and 20). Bundled to CommonJS because sandboxed preloads cannot
// load ES modules or other files.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DESKTOP_API_GLOBAL } from '../shared/contracts/desktopGlobal';
import {
  IPC_CHANNELS,
  IPC_EVENTS,
  type DesktopApi,
  type IpcArgs,
  type IpcCapability,
  type IpcEvent,
  type IpcEventPayload,
  type IpcResults,
  type Unsubscribe,
} from '../shared/contracts/ipc';
import { PLAN_STORE_PORT_MESSAGE } from '../shared/contracts/ipcPlanStore';

function invoke<K extends IpcCapability>(
  capability: K,
  ...args: IpcArgs<K>
): Promise<IpcResults[K]> {
  return ipcRenderer.invoke(IPC_CHANNELS[capability].channel, ...args);
}

/** Passes the page only a payload that matches the event's schema, never the IPC event. */
function subscribe<K extends IpcEvent>(
  event: K,
  listener: (payload: IpcEventPayload<K>) => void,
): Unsubscribe {
  const { channel, payload } = IPC_EVENTS[event];
  const forward = (_event: IpcRendererEvent, data: unknown) => {
    const parsed = payload.safeParse(data);
    // TypeScript widens IPC_EVENTS[K] to the union of every schema; this one is K's own.
    if (parsed.success) listener(parsed.data as IpcEventPayload<K>);
  };
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

/** Files main may send before the page subscribes: more than anyone opens at once at launch. */
const MAX_HELD_PLAN_FILES = 16;
const heldPlanFiles: IpcEventPayload<'planFileOpened'>[] = [];
const planFileListeners = new Set<(file: IpcEventPayload<'planFileOpened'>) => void>();

// A file that starts the app (double-click, command line) is sent once the window has loaded, but
// the page subscribes only after it has connected its store and rendered. Main no longer merges
// the file itself (the page does, after checking the user's role), so a file sent before anyone
// listens is held here and handed to the first subscriber, once.
ipcRenderer.on(IPC_EVENTS.planFileOpened.channel, (_event, data: unknown) => {
  const parsed = IPC_EVENTS.planFileOpened.payload.safeParse(data);
  if (!parsed.success) return;
  if (planFileListeners.size > 0) {
    for (const listener of planFileListeners) listener(parsed.data);
  } else if (heldPlanFiles.length < MAX_HELD_PLAN_FILES) {
    heldPlanFiles.push(parsed.data);
  }
});

function onPlanFileOpened(
  listener: (file: IpcEventPayload<'planFileOpened'>) => void,
): Unsubscribe {
  planFileListeners.add(listener);
  for (const file of heldPlanFiles.splice(0)) listener(file);
  return () => {
    planFileListeners.delete(listener);
  };
}

const api = {
  getAppInfo: () => invoke('getAppInfo'),
  openExternalLink: (url) => invoke('openExternalLink', url),
  savePlanFile: (plan) => invoke('savePlanFile', plan),
  openPlanFile: () => invoke('openPlanFile'),
  getMemberToken: (key) => invoke('getMemberToken', key),
  setMemberToken: (key, token) => invoke('setMemberToken', key, token),
  forgetMemberToken: (key) => invoke('forgetMemberToken', key),
  connectPlanStore: () => invoke('connectPlanStore'),
  startWorkshop: (request) => invoke('startWorkshop', request),
  workshopStatus: () => invoke('workshopStatus'),
  stopWorkshop: () => invoke('stopWorkshop'),
  onMenuCommand: (listener) => subscribe('menuCommand', listener),
  onJoinLink: (listener) => subscribe('joinLink', listener),
  onPlanFileOpened,
} satisfies DesktopApi;

/**
 * The page's window, as far as the hand-over below needs it. The preload is type-checked with
 * Node's types (tsconfig.node.json), which have no DOM; at run time this is the page's window.
 */
const page = globalThis as unknown as {
  postMessage(message: unknown, targetOrigin: string, transfer: readonly unknown[]): void;
  readonly location: { readonly origin: string };
};

// The store's port arrives from main after connectPlanStore; MessagePorts cannot cross
// contextBridge, so it is posted to the page's own origin, where ipcPlanStore.ts picks it up.
ipcRenderer.on(IPC_EVENTS.planStorePort.channel, (event) => {
  const [port] = event.ports;
  if (port) page.postMessage(PLAN_STORE_PORT_MESSAGE, page.location.origin, [port]);
});

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, api);
