// What the desktop shell tells the page (shared/contracts/ipc.ts, DesktopEvents): menu commands and
// accord://join links. In a browser there is no shell and nothing is subscribed.
import { create } from 'zustand';
import { DESKTOP_API_GLOBAL } from '../../shared/contracts/desktopGlobal';
import { joinLink } from '../../shared/contracts/joinLink';
import type { MenuCommand } from '../../shared/contracts/ipc';

/**
 * Every menu command of the contract (shared/contracts/ipc.ts MENU_COMMANDS), checked complete by the
 * compiler; listed here so the web build does not load the IPC contract's validators.
 */
const MENU_COMMAND_NAMES = {
  newPlan: true,
  openPlanFile: true,
  savePlanFile: true,
  importPlan: true,
  exportPlan: true,
  hostWorkshop: true,
  undo: true,
  redo: true,
} as const satisfies Record<MenuCommand, true>;

function isMenuCommand(name: string): name is MenuCommand {
  return Object.hasOwn(MENU_COMMAND_NAMES, name);
}

interface DesktopEvents {
  readonly onMenuCommand?: (listener: (command: string) => void) => () => void;
  readonly onJoinLink?: (
    listener: (link: { serverUrl: string; planId: string; invite: string }) => void,
  ) => () => void;
}

/** An invite waiting for the start screen's join form, as a join link. */
export const usePendingInvite = create<{ link: string | null }>()(() => ({ link: null }));

/** Menu commands for whichever screen handles them (the workspace: undo and redo). */
const menuCommands = new EventTarget();

/** Runs `perform` whenever the desktop menu sends `command`; returns the unsubscribe. */
export function onMenuCommand(command: MenuCommand, perform: () => void): () => void {
  menuCommands.addEventListener(command, perform);
  return () => menuCommands.removeEventListener(command, perform);
}

/** The http(s) origin of a server named by an http(s) or ws(s) URL. */
export function httpOrigin(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  return url.origin;
}

export function listenToDesktop(onJoin: () => void): () => void {
  const bridge = (globalThis as Record<string, unknown>)[DESKTOP_API_GLOBAL] as
    DesktopEvents | undefined;
  const stops: (() => void)[] = [];
  if (bridge?.onJoinLink) {
    stops.push(
      bridge.onJoinLink((link) => {
        usePendingInvite.setState({
          link: joinLink(httpOrigin(link.serverUrl), link.planId, link.invite),
        });
        onJoin();
      }),
    );
  }
  if (bridge?.onMenuCommand) {
    // The shell is trusted, but a name outside the contract is nobody's command.
    stops.push(
      bridge.onMenuCommand((command) => {
        if (isMenuCommand(command)) menuCommands.dispatchEvent(new Event(command));
      }),
    );
  }
  return () => stops.forEach((stop) => stop());
}
