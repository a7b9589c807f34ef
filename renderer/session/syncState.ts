// What the sync indicator says, honestly (issue 5, Collaboration and offline): "saved to the
// server" only after the server acknowledged durable storage of everything this copy has.

export const SYNC_KINDS = {
  /** a plan that lives only on this computer */
  local: 'local',
  /** no network, or the server cannot be reached */
  offline: 'offline',
  /** opening the connection */
  connecting: 'connecting',
  /** connected, exchanging what each side is missing */
  syncing: 'syncing',
  /** the server stored everything this copy has */
  saved: 'saved',
  /** connected, some changes not yet acknowledged as stored */
  unsaved: 'unsaved',
} as const;
export type SyncKind = keyof typeof SYNC_KINDS;

export interface SyncState {
  readonly kind: SyncKind;
  /** changes (Yjs items) this copy has that the server has not acknowledged as stored */
  readonly pending: number;
}

/** Items in `local` beyond what `stored` covers, summed over every client. */
export function pendingChanges(
  local: ReadonlyMap<number, number>,
  stored: ReadonlyMap<number, number> | null,
): number {
  let pending = 0;
  for (const [client, clock] of local) {
    pending += Math.max(0, clock - (stored?.get(client) ?? 0));
  }
  return pending;
}

export function describeSync(
  connection: 'offline' | 'connecting' | 'connected',
  synced: boolean,
  pending: number,
  acknowledged: boolean,
): SyncState {
  if (connection !== 'connected') return { kind: connection, pending };
  if (!synced || !acknowledged) return { kind: 'syncing', pending };
  return pending === 0 ? { kind: 'saved', pending } : { kind: 'unsaved', pending };
}
