// What an opening plan is waiting for, said while its picture is shown read-only: a first open
// of a server plan waits for the server's copy (connecting, then receiving it, then opening it
// here); any other open waits for this computer's copy.
import type { SyncKind } from '../session/syncState';

export const LOADING_STEP = {
  /** the copy kept on this computer is being read */
  computer: 'computer',
  /** the socket to the server is not open yet */
  connecting: 'connecting',
  /** connected: the plan itself is on its way (one large message for a large plan) */
  receiving: 'receiving',
  /** the server's copy has arrived and is being applied and stored here */
  opening: 'opening',
} as const;
export type LoadingStep = (typeof LOADING_STEP)[keyof typeof LOADING_STEP];

/** The server's steps in order, for "step 2 of 3". */
export const SERVER_STEPS: readonly LoadingStep[] = ['connecting', 'receiving', 'opening'];

/** The step an open is at, or null once the live document is shown (or nothing is shown yet). */
export function loadingStep(state: {
  readonly shown: boolean;
  readonly live: boolean;
  readonly waitingForServer: boolean;
  readonly sync: SyncKind;
}): LoadingStep | null {
  if (!state.shown || state.live) return null;
  if (!state.waitingForServer) return 'computer';
  if (state.sync === 'connecting' || state.sync === 'offline') return 'connecting';
  if (state.sync === 'syncing') return 'receiving';
  return 'opening';
}
