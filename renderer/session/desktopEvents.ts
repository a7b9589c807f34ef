// What the desktop shell tells the page (shared/ipc.ts, DesktopEvents): menu commands and
// accord://join links. In a browser there is no shell and nothing is subscribed.
import { create } from 'zustand';
import { DESKTOP_API_GLOBAL } from '../../shared/contracts/desktopGlobal';
import { joinLink } from '../../shared/contracts/joinLink';

interface DesktopEvents {
  readonly onMenuCommand?: (listener: (command: string) => void) => () => void;
  readonly onJoinLink?: (
    listener: (link: { serverUrl: string; planId: string; invite: string }) => void,
  ) => () => void;
}

/** An invite waiting for the start screen's join form, as a join link. */
export const usePendingInvite = create<{ link: string | null }>()(() => ({ link: null }));

/** Menu commands for whichever screen handles them (the workspace: undo and redo). */
export const menuCommands = new EventTarget();

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
    stops.push(bridge.onMenuCommand((command) => menuCommands.dispatchEvent(new Event(command))));
  }
  return () => stops.forEach((stop) => stop());
}
