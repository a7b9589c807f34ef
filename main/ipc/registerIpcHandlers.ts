// Registers main's handler for every capability in the shared channel map. Each call is checked
// before its handler runs: the sending frame must be the app (app://accord, parsed, never by
// substring) and the arguments must pass the capability's zod schema. A channel registered twice
// is refused, so two modules can never both answer (and race) the same capability.
import {
  IPC_CAPABILITIES,
  IPC_CHANNELS,
  type IpcArgs,
  type IpcCapability,
  type IpcResults,
} from '../../shared/contracts/ipc';
import { isAppUrl } from '../security/appOrigin';

/** What registration needs of Electron's IpcMainInvokeEvent. */
export interface IpcInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** What registration needs of Electron's ipcMain. */
export interface IpcMainLike<E extends IpcInvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

export type IpcHandlers<E> = {
  readonly [K in IpcCapability]: (
    event: E,
    ...args: IpcArgs<K>
  ) => Promise<IpcResults[K]> | IpcResults[K];
};

export class IpcRefusal extends Error {
  override readonly name = 'IpcRefusal';
}

export interface RegisterOptions {
  /** Told about every refused call (a security signal worth logging). */
  readonly onRefused?: (channel: string, reason: string) => void;
}

const registeredChannels = new WeakMap<object, Set<string>>();

export function registerIpcHandlers<E extends IpcInvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  handlers: IpcHandlers<E>,
  options: RegisterOptions = {},
): void {
  const registered = registeredChannels.get(ipcMain) ?? new Set<string>();
  registeredChannels.set(ipcMain, registered);
  const channels = IPC_CAPABILITIES.map((capability) => IPC_CHANNELS[capability].channel);
  // Checked before registering anything, so a refusal leaves no half-registered map behind.
  const duplicate = channels.find(
    (channel, index) => registered.has(channel) || channels.indexOf(channel) !== index,
  );
  if (duplicate !== undefined) {
    throw new Error(`IPC channel ${duplicate} already has a handler`);
  }
  for (const capability of IPC_CAPABILITIES) {
    registerOne(ipcMain, capability, handlers[capability], options);
    registered.add(IPC_CHANNELS[capability].channel);
  }
}

function registerOne<E extends IpcInvokeEventLike, K extends IpcCapability>(
  ipcMain: IpcMainLike<E>,
  capability: K,
  handler: IpcHandlers<E>[K],
  options: RegisterOptions,
): void {
  const { channel, args: schema } = IPC_CHANNELS[capability];
  const refuse = (reason: string): never => {
    options.onRefused?.(channel, reason);
    // The renderer sees only this message; it names no internals.
    throw new IpcRefusal(`${channel}: ${reason}`);
  };
  ipcMain.handle(channel, async (event, ...args) => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(senderUrl)) return refuse('refused a call from a sender outside the app');
    const parsed = schema.safeParse(args);
    if (!parsed.success) return refuse('refused invalid arguments');
    // TypeScript widens IPC_CHANNELS[K] to the union of every schema; this one is K's own.
    return handler(event, ...(parsed.data as IpcArgs<K>));
  });
}
