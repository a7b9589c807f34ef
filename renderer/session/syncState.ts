// What the sync indicator says, honestly: "saved to the
// server" only after the server acknowledged durable storage of everything this copy has; for a
// viewer, who sends nothing and so is never acknowledged, "up to date" once the server's copy
// has arrived.
import * as Y from 'yjs';

export const SYNC_KINDS = {
  /** a plan that lives only on this computer */
  local: 'local',
  /** no network (the browser says so, or the plan has no member token on this computer) */
  offline: 'offline',
  /** opening the connection */
  connecting: 'connecting',
  /** the network is there but attempts to reach the server keep failing; changes stay here */
  unreachable: 'unreachable',
  /** connected, exchanging what each side is missing */
  syncing: 'syncing',
  /** the server stored everything this copy has */
  saved: 'saved',
  /** connected, some changes not yet acknowledged as stored */
  unsaved: 'unsaved',
  /** a viewer: this copy has everything the server sent (a viewer has no changes to save) */
  upToDate: 'upToDate',
} as const;
export type SyncKind = keyof typeof SYNC_KINDS;

export interface SyncState {
  readonly kind: SyncKind;
  /** edits made on this computer that the server has not acknowledged as stored (PendingEdits) */
  readonly pending: number;
}

/**
 * Local transactions on the same thing closer together than this are one edit, as the undo stack
 * groups keystrokes (planSession's UNDO_CAPTURE_MS): typing a word is one change, not one per
 * letter; a status set right after it is another.
 */
export const EDIT_GROUP_MS = 600;

/** A pending edit as kept in the list of plans, so a reload offline still counts it: the Yjs
 * client that made it and that client's clock after it. */
export type PendingEditRecord = readonly [client: number, clock: number];

interface PendingEdit {
  readonly client: number;
  /** the client's clock after the edit's last transaction */
  clock: number;
  /** when its last transaction ran (ms) */
  at: number;
  /** what it changed (subjectOf); '' for an edit restored from the plan list */
  readonly subject: string;
}

/**
 * The edits made on this computer that the server has not yet stored: what "N changes not yet on
 * the server" counts. An edit is confirmed by the first "stored" message after it whose state
 * vector covers its last transaction's clock (the server stores a client's updates in the order
 * they were sent, so that covers the whole edit). Yjs deletions advance no clock, so an edit that
 * ended with a deletion only is confirmed by the first acknowledgement after it, which can come
 * one storage batch early; everything else is exact.
 */
export class PendingEdits {
  private edits: PendingEdit[];

  constructor(restored: readonly unknown[] = []) {
    this.edits = restored.flatMap((record): PendingEdit[] =>
      Array.isArray(record) && Number.isSafeInteger(record[0]) && Number.isSafeInteger(record[1])
        ? [{ client: record[0] as number, clock: record[1] as number, at: 0, subject: '' }]
        : [],
    );
  }

  /** A local transaction by `client` on `subject` (subjectOf), whose clock is `clock` after it.
   * Returns true when it started a new edit (the list to keep changed). */
  record(client: number, clock: number, at: number, subject: string): boolean {
    const last = this.edits.at(-1);
    if (
      last &&
      last.client === client &&
      last.subject === subject &&
      at - last.at < EDIT_GROUP_MS
    ) {
      last.clock = clock;
      last.at = at;
      return false;
    }
    this.edits.push({ client, clock, at, subject });
    return true;
  }

  /** The server stored everything up to `stored`. Returns true when some edits were confirmed. */
  acknowledge(stored: ReadonlyMap<number, number>): boolean {
    const before = this.edits.length;
    this.edits = this.edits.filter((edit) => (stored.get(edit.client) ?? 0) < edit.clock);
    return this.edits.length !== before;
  }

  /**
   * Edits not yet stored. A client whose items this copy holds beyond what the server stored, with
   * no edit recorded for it (made before an upgrade, or copied in when a local plan was published),
   * counts as one edit: something is unsaved, and that is all this copy knows.
   */
  count(local: ReadonlyMap<number, number>, stored: ReadonlyMap<number, number> | null): number {
    const recorded = new Set(this.edits.map((edit) => edit.client));
    let unrecorded = 0;
    for (const [client, clock] of local) {
      if (!recorded.has(client) && clock > (stored?.get(client) ?? 0)) unrecorded++;
    }
    return this.edits.length + unrecorded;
  }

  records(): PendingEditRecord[] {
    return this.edits.map((edit) => [edit.client, edit.clock] as const);
  }
}

/** Keys every edit of an action rewrites beside the field it changes (shared/plan/actionEntries):
 * whether they changed (a new second, another member) says nothing about which edit it is. */
const BOOKKEEPING_KEYS: ReadonlySet<string | null> = new Set(['updatedAt', 'updatedBy']);

/**
 * What a transaction changed, as a key: the texts it typed into, or else each changed map (by the
 * id of the item that holds it) with its changed keys. Keystrokes in one title give the same key;
 * a title then a status, or the same field of two actions, give different ones.
 */
export function subjectOf(transaction: Y.Transaction): string {
  const changed = [...transaction.changed];
  const where = ([type]: (typeof changed)[number]) =>
    type._item ? `${type._item.id.client}.${type._item.id.clock}` : 'root';
  const texts = changed.filter(([type]) => type instanceof Y.Text);
  const parts = (texts.length > 0 ? texts : changed).map(
    (entry) =>
      `${where(entry)}:${[...entry[1]]
        .filter((key) => !BOOKKEEPING_KEYS.has(key))
        .map(String)
        .sort()
        .join(',')}`,
  );
  return parts.sort().join('|');
}

/** What the server has stored durably, as far as this copy knows: per Yjs client, the clock up to
 * which that client's items are stored (a state vector). */
export type StoredState = ReadonlyMap<number, number>;

/** `stored` advanced by `more`, client by client (the server's storage only grows). */
export function storedWith(stored: StoredState | null, more: StoredState): Map<number, number> {
  const merged = new Map(stored ?? []);
  for (const [client, clock] of more) {
    if ((merged.get(client) ?? 0) < clock) merged.set(client, clock);
  }
  return merged;
}

/**
 * What an update that came from the server shows it has stored: the server stores before it
 * relays or answers sync step 1 (server/sync/room.ts), so every item in it is stored, and so is all
 * that came before it from the same client (the server holds a client's items from its clock 0:
 * Yjs integrates nothing out of order). So each client is stored up to the end of its items in
 * the update. Not Y.encodeStateVectorFromUpdate: it counts a client only when the update starts
 * at its clock 0, which a relayed edit (an incremental update) never does.
 */
export function storedByUpdate(update: Uint8Array): StoredState {
  return Y.parseUpdateMeta(update).to;
}

/** The connection as the indicator tells it. */
export type Connection = 'offline' | 'connecting' | 'unreachable' | 'connected';

/**
 * Failed attempts in a row after which the server counts as unreachable: one failure is often a
 * server restarting (the provider retries within 100-200 ms); two in a row are not a blip.
 */
export const UNREACHABLE_AFTER_FAILURES = 2;

export interface ConnectionState {
  readonly connection: Connection;
  /** attempts in a row that closed without (or after losing) a connection, while online */
  readonly failures: number;
}

/** What the provider and the window report: an attempt starts, the socket opens or closes. */
export type ConnectionEvent = 'attempt' | 'open' | 'close';

/**
 * The connection after `event`. The stock provider says "connecting" before every retry and
 * nothing else while a server is down, so the failures are counted here: a socket that closes
 * while the network is up is a failed attempt (a dropped connection is the first of them).
 */
export function connectionAfter(
  state: ConnectionState,
  event: ConnectionEvent,
  online: boolean,
): ConnectionState {
  if (!online) return { connection: 'offline', failures: 0 };
  if (event === 'open') return { connection: 'connected', failures: 0 };
  const failures = state.failures + (event === 'close' ? 1 : 0);
  return {
    connection: failures >= UNREACHABLE_AFTER_FAILURES ? 'unreachable' : 'connecting',
    failures,
  };
}

export function describeSync(
  connection: Connection,
  synced: boolean,
  pending: number,
  acknowledged: boolean,
  readOnly = false,
): SyncState {
  if (connection !== 'connected') return { kind: connection, pending };
  if (!synced) return { kind: 'syncing', pending };
  // The server never asks a viewer for its changes, so it never acknowledges anything to it.
  if (readOnly) return { kind: 'upToDate', pending: 0 };
  if (!acknowledged) return { kind: 'syncing', pending };
  return pending === 0 ? { kind: 'saved', pending } : { kind: 'unsaved', pending };
}
