// The contract between the renderer and the Electron main process: every capability the preload
// exposes, its channel, the zod schema of its arguments (main validates every call with it
// before doing anything) and its result type. One map types both sides; nothing else crosses.
// The durable store is not reached here: the renderer reaches it over a MessagePort
// (ipcPlanStore.ts), handed over through `connectPlanStore`. The one piece of plan data that does
// travel here is an opened plan file's contents, which main reads and checks and the page merges.
import { z } from 'zod';
import { PLAN_ID_PATTERN } from './planId';
import { MAX_PLAN_FILE_BYTES, planFileMetadata, type PlanFileError } from '../planFile';

/** Every channel starts with this, so Accord's traffic is recognisable in logs and tests. */
export const IPC_CHANNEL_PREFIX = 'accord:';

const planId = z.string().regex(PLAN_ID_PATTERN);
/** Long URLs carry nothing the app needs; the cap keeps hostile input small. */
const MAX_URL_LENGTH = 2048;
/** A sync server: https/wss, or http/ws for a workshop host on the local network. */
export const serverUrlSchema = z.url({ protocol: /^(https?|wss?)$/ }).max(MAX_URL_LENGTH);
/** Member tokens are opaque server-issued strings; this bounds them without knowing their form. */
const memberToken = z.string().min(1).max(4096);
const tokenKey = z.strictObject({ serverUrl: serverUrlSchema, planId });

export const IPC_CHANNELS = {
  /** Version and platform, for the About box and bug reports. */
  getAppInfo: { channel: 'accord:app:get-info', args: z.tuple([]) },
  /** Opens a link in the system browser if it is on the trusted list; says whether it did. */
  openExternalLink: {
    channel: 'accord:shell:open-external-link',
    args: z.tuple([z.string().max(MAX_URL_LENGTH)]),
  },
  /** Asks where to save, then writes the plan as an `.accord` file. */
  savePlanFile: {
    channel: 'accord:plan-file:save',
    args: z.tuple([z.strictObject({ planId, title: z.string().max(1000) })]),
  },
  /**
   * Asks which `.accord` file to open, then reads and checks it and returns its contents; main
   * writes nothing: the page decides whether the file may be merged (roles) and merges it.
   */
  openPlanFile: { channel: 'accord:plan-file:open', args: z.tuple([]) },
  /** This member's token for a plan on a server, from the OS keychain, or null. */
  getMemberToken: { channel: 'accord:member-token:get', args: z.tuple([tokenKey]) },
  /** Keeps a member token in the OS keychain (safeStorage). */
  setMemberToken: {
    channel: 'accord:member-token:set',
    args: z.tuple([tokenKey, memberToken]),
  },
  forgetMemberToken: { channel: 'accord:member-token:forget', args: z.tuple([tokenKey]) },
  /**
   * Asks main for a MessagePort to the durable store; it arrives as the `planStorePort` event
   * and is then the renderer's PlanPersistence (ipcPlanStore.ts).
   */
  connectPlanStore: { channel: 'accord:plan-store:connect', args: z.tuple([]) },
  /**
   * Hosts a workshop for an open plan: the embedded sync server on the local network, the plan
   * uploaded to it with the host as owner, a multi-use editor invite. Again for the same plan:
   * the running workshop.
   */
  startWorkshop: {
    channel: 'accord:workshop:start',
    args: z.tuple([
      z.strictObject({
        planId,
        title: z.string().max(1000),
        hostName: z.string().trim().min(1).max(200),
        hostOrganisation: z.string().trim().max(300),
        /** the host's token from an earlier workshop of this plan: reused, so the host stays one
         * member rather than a new one each time */
        hostToken: memberToken.optional(),
      }),
    ]),
  },
  /** The running workshop (links, invite code, who joined), or null; the dialog polls it. */
  workshopStatus: { channel: 'accord:workshop:status', args: z.tuple([]) },
  /** Stops hosting: the invite stops working, sockets close, everything is stored. */
  stopWorkshop: { channel: 'accord:workshop:stop', args: z.tuple([]) },
} as const satisfies Record<string, { channel: string; args: z.ZodTuple }>;

export type IpcCapability = keyof typeof IPC_CHANNELS;
/** Object.keys is typed string[]; IPC_CHANNELS is a literal, so its keys are exactly these. */
export const IPC_CAPABILITIES = Object.keys(IPC_CHANNELS) as readonly IpcCapability[];
export type IpcArgs<K extends IpcCapability> = z.output<(typeof IPC_CHANNELS)[K]['args']>;

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
}

export type SavePlanFileOutcome =
  | { readonly status: 'saved'; readonly path: string }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

/**
 * A plan file main has read and decoded (shared/planFile.ts), for the page to check and merge:
 * its metadata and the plan's state as one Yjs update. A Uint8Array crosses IPC and contextBridge
 * by structured clone. Strict and bounded like the file itself, so the preload passes on nothing
 * larger than a plan file may be.
 */
export const planFileContentsSchema = z.strictObject({
  metadata: planFileMetadata,
  state: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'a plan state is bytes')
    .refine(
      (state) => state.byteLength > 0 && state.byteLength <= MAX_PLAN_FILE_BYTES,
      'a plan state is between 1 byte and the largest plan file',
    ),
});
export type PlanFileContents = z.output<typeof planFileContentsSchema>;

export type OpenPlanFileOutcome =
  | ({ readonly status: 'opened' } & PlanFileContents)
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly error: PlanFileError };

export type StartWorkshopRequest = IpcArgs<'startWorkshop'>[0];

/** One address of this computer on a network, with the join link and its QR code there. */
export interface WorkshopLink {
  readonly interfaceName: string;
  readonly address: string;
  readonly joinUrl: string;
  /** an SVG document */
  readonly qrSvg: string;
}

export interface WorkshopParticipant {
  readonly memberId: string;
  readonly name: string;
  readonly organisation: string;
  /** ISO timestamp */
  readonly joinedAt: string;
}

export interface WorkshopStatus {
  readonly planId: string;
  readonly inviteCode: string;
  /** the likeliest address first; several when the computer is on several networks */
  readonly links: readonly WorkshopLink[];
  /** people who joined with this workshop's invite, in the order they joined */
  readonly participants: readonly WorkshopParticipant[];
}

export interface WorkshopStarted {
  readonly status: WorkshopStatus;
  /** the host's own membership (owner), for the app's connection to its server */
  readonly host: { readonly serverUrl: string; readonly memberId: string; readonly token: string };
}

/** Why a workshop did not start; the renderer words each in the UI language. */
export const WORKSHOP_FAILURES = {
  /** another program holds the port */
  portInUse: 'portInUse',
  /** the OS or a firewall policy refused to let Accord listen */
  notAllowed: 'notAllowed',
  /** the chosen address is not on this computer any more */
  noNetwork: 'noNetwork',
  /** anything else (disk, database) */
  failed: 'failed',
} as const;
export type WorkshopFailure = keyof typeof WORKSHOP_FAILURES;

export type StartWorkshopOutcome =
  | ({ readonly ok: true } & WorkshopStarted)
  | { readonly ok: false; readonly reason: WorkshopFailure };

export interface StoredToken {
  /** false when the OS offers no keychain: the token is kept for this session only */
  readonly persisted: boolean;
}

/** What each capability resolves to. */
export interface IpcResults {
  readonly getAppInfo: AppInfo;
  readonly openExternalLink: boolean;
  readonly savePlanFile: SavePlanFileOutcome;
  readonly openPlanFile: OpenPlanFileOutcome;
  readonly getMemberToken: string | null;
  readonly setMemberToken: StoredToken;
  readonly forgetMemberToken: undefined;
  readonly connectPlanStore: undefined;
  readonly startWorkshop: StartWorkshopOutcome;
  readonly workshopStatus: WorkshopStatus | null;
  readonly stopWorkshop: undefined;
}

/** Commands from the native menu, which the renderer carries out (one path for menu and UI). */
export const MENU_COMMANDS = {
  /** File > New plan */
  newPlan: 'newPlan',
  /** File > Open plan file… */
  openPlanFile: 'openPlanFile',
  /** File > Save plan file… */
  savePlanFile: 'savePlanFile',
  /** File > Import… (spreadsheets, other plans' files) */
  importPlan: 'importPlan',
  /** File > Export… (PDF, XLSX, CSV, JSON, HTML) */
  exportPlan: 'exportPlan',
  /** File > Host a workshop… */
  hostWorkshop: 'hostWorkshop',
  /** Edit > Undo: the plan's UndoManager, which tracks only this user's edits */
  undo: 'undo',
  /** Edit > Redo */
  redo: 'redo',
} as const;
export type MenuCommand = keyof typeof MENU_COMMANDS;

/** An `accord://join?…` link, parsed and checked by main before the renderer sees it. */
export const joinLinkSchema = z.strictObject({
  serverUrl: serverUrlSchema,
  planId,
  /** the invite code; its format belongs to the server, so only its size is bounded */
  invite: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
});
export type JoinLink = z.output<typeof joinLinkSchema>;

/** Messages main sends to the renderer. */
export const IPC_EVENTS = {
  menuCommand: {
    channel: 'accord:event:menu-command',
    payload: z.enum(MENU_COMMANDS),
  },
  joinLink: { channel: 'accord:event:join-link', payload: joinLinkSchema },
  /**
   * a plan file opened from outside the app (double-click, drag onto the dock icon, command
   * line), read and checked by main, for the page to merge; one that arrives before the page
   * subscribes is held by the preload until it does
   */
  planFileOpened: {
    channel: 'accord:event:plan-file-opened',
    payload: planFileContentsSchema,
  },
  /** carries the store's MessagePort in its transfer list; the payload is empty */
  planStorePort: { channel: 'accord:event:plan-store-port', payload: z.null() },
} as const satisfies Record<string, { channel: string; payload: z.ZodType }>;

export type IpcEvent = keyof typeof IPC_EVENTS;
export type IpcEventPayload<K extends IpcEvent> = z.output<(typeof IPC_EVENTS)[K]['payload']>;

/** Stops listening. */
export type Unsubscribe = () => void;

/**
 * What the preload exposes as `window.accord`: one named function per capability, plus one
 * subscription per event. Nothing generic (no channel parameter, no raw ipcRenderer).
 */
export type DesktopApi = {
  readonly [K in IpcCapability]: (...args: IpcArgs<K>) => Promise<IpcResults[K]>;
} & {
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => Unsubscribe;
  readonly onJoinLink: (listener: (link: JoinLink) => void) => Unsubscribe;
  readonly onPlanFileOpened: (
    listener: (file: IpcEventPayload<'planFileOpened'>) => void,
  ) => Unsubscribe;
};
