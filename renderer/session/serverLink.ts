// The connection of one plan to its sync server: the stock y-websocket provider plus our
// "stored" acknowledgement (server/sync/protocol.ts, MESSAGE.stored), turned into a SyncState.
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SYNC_CLOSE } from '../../shared/contracts/syncCloseCodes';
import {
  connectionAfter,
  describeSync,
  PendingEdits,
  storedByUpdate,
  storedWith,
  subjectOf,
  type ConnectionEvent,
  type ConnectionState,
  type PendingEditRecord,
  type StoredState,
  type SyncState,
} from './syncState';

/** Our message type for "everything up to this state vector is stored durably". */
const MESSAGE_STORED = 100;
/** Cap on the reconnect backoff: a workshop LAN that blinks should come back within seconds. */
const MAX_BACKOFF_MS = 5_000;
/** The known-stored state is written to the plan list at most this often: a busy workshop relays
 * many updates a second, and each one advances it. */
const STORED_SAVE_MS = 1_000;
/** Updates larger than this are read for the sync indicator when the page is idle. */
const LARGE_UPDATE_BYTES = 64 * 1024;

export interface ServerLinkOptions {
  readonly serverUrl: string;
  readonly planId: string;
  readonly doc: Y.Doc;
  /** the last acknowledged state vector from a previous session (base64), if any */
  readonly storedState: string | null;
  /** edits this computer made that the server had not stored when the plan was last open */
  readonly pendingEdits: readonly unknown[];
  /** a viewer: sends nothing, so it is never acknowledged; it is up to date once synced */
  readonly readOnly: boolean;
  readonly onState: (state: SyncState) => void;
  /** called with the new acknowledged state vector (base64) so it survives a reload */
  readonly onStored: (storedState: string) => void;
  /** called with the edits not yet stored whenever an edit starts or is confirmed */
  readonly onPendingEdits: (edits: PendingEditRecord[]) => void;
  readonly onDenied: (reason: string) => void;
  /** an owner changed this member's role; the provider is reconnecting with it */
  readonly onRoleChanged: () => void;
  /** called once the first exchange with the server is complete */
  readonly onSynced: () => void;
}

export interface ServerLink {
  readonly awareness: Awareness;
  /** the origin of transactions the provider applies (remote changes) */
  readonly origin: unknown;
  /** starts syncing as the member this token names (once the local copy is loaded and the token
   * is at hand, memberTokens.ts); offline, waits for the network. With no token (this computer
   * no longer holds one) it never connects and says offline. */
  connect(token: string | null): void;
  destroy(): void;
}

export function syncUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/$/, '')}/sync`;
  return url.toString().replace(/\/$/, '');
}

export function connectToServer(options: ServerLinkOptions): ServerLink {
  const { doc } = options;
  const provider = new WebsocketProvider(syncUrl(options.serverUrl), options.planId, doc, {
    // The token is added when the link connects (y-websocket reads params at each connect).
    params: { ack: '1' },
    maxBackoffTime: MAX_BACKOFF_MS,
    connect: false,
    // The cross-tab BroadcastChannel posts the whole document when a tab connects (a full encode
    // of a 10,000-action plan on every open); tabs sync through the server instead.
    disableBc: true,
  });
  let stored: Map<number, number> | null = options.storedState
    ? Y.decodeStateVector(fromBase64(options.storedState))
    : null;
  const edits = new PendingEdits(options.pendingEdits);
  let acknowledged = false;
  let connection: ConnectionState = { connection: 'connecting', failures: 0 };
  const connectionEvent = (event: ConnectionEvent) => {
    connection = connectionAfter(connection, event, navigator.onLine);
    if (connection.connection !== 'connected') acknowledged = false;
    report();
  };
  const offline = () => {
    connection = { connection: 'offline', failures: 0 };
    acknowledged = false;
  };
  let last: SyncState | null = null;

  const report = () => {
    // A viewer's UI is read-only and stores no local edits: nothing of its copy is unsaved.
    const pending = options.readOnly
      ? 0
      : edits.count(Y.decodeStateVector(Y.encodeStateVector(doc)), stored);
    const state = describeSync(
      connection.connection,
      provider.synced,
      pending,
      acknowledged,
      options.readOnly,
    );
    if (state.kind !== last?.kind || state.pending !== last.pending) {
      last = state;
      options.onState(state);
    }
  };

  provider.messageHandlers[MESSAGE_STORED] = (_encoder, decoder) => {
    const vector = decoding.readVarUint8Array(decoder);
    acknowledged = true;
    // Merged, not replaced: an acknowledgement whose state vector was taken before an update the
    // server relayed to us since must not make that update look unsaved again.
    advanceStored(Y.decodeStateVector(vector));
  };
  /** The server stored at least `more`: keep it (it survives a reload offline) and confirm the
   * edits it covers. */
  const advanceStored = (more: StoredState) => {
    const before = stored;
    stored = storedWith(stored, more);
    const grew = !before || [...stored].some(([client, clock]) => before.get(client) !== clock);
    if (grew) saveStored ??= setTimeout(flushStored, STORED_SAVE_MS);
    if (edits.acknowledge(stored)) options.onPendingEdits(edits.records());
    report();
  };
  let saveStored: ReturnType<typeof setTimeout> | null = null;
  /** Writes the known-stored state now if a write is due. */
  const flushStored = () => {
    if (!saveStored) return;
    clearTimeout(saveStored);
    saveStored = null;
    if (stored) options.onStored(toBase64(Y.encodeStateVector(stored)));
  };
  // A lost connection is reported by 'connection-close' (and then 'disconnected'); an attempt that
  // never opened by 'connection-close' alone.
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') connectionEvent('open');
    else if (status === 'connecting') connectionEvent('attempt');
  };
  provider.on('status', onStatus);
  provider.on('sync', (synced: boolean) => {
    if (synced) options.onSynced();
    report();
  });
  provider.on('connection-close', (event) => {
    if (event?.code === SYNC_CLOSE.roleChanged) options.onRoleChanged();
    else if (event && event.code >= 4400 && event.code < 4500) options.onDenied(event.reason);
    connectionEvent('close');
  });
  // Whatever arrives from the server is stored there already (it stores before it relays), so
  // it counts as saved without waiting for an acknowledgement of our own.
  const markStored = (update: Uint8Array) => advanceStored(storedByUpdate(update));
  const onUpdate = (
    update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ) => {
    if (origin !== provider) {
      // Edits made here (operations, undo, redo); the local replica's load is not one.
      if (transaction.local && !options.readOnly) {
        const started = edits.record(
          doc.clientID,
          Y.getState(doc.store, doc.clientID),
          Date.now(),
          subjectOf(transaction),
        );
        if (started) options.onPendingEdits(edits.records());
      }
      return report();
    }
    // Reading a large update (the first sync of a big plan) takes a while; the indicator can
    // wait until the rows are on screen.
    if (update.byteLength > LARGE_UPDATE_BYTES) requestIdleCallback(() => markStored(update));
    else markStored(update);
  };
  doc.on('update', onUpdate);

  // Chromium keeps an open socket when the network goes away; close it ourselves so the state
  // says "offline" at once and the provider reconnects when the network returns.
  const goOffline = () => {
    provider.disconnect();
    offline();
    report();
  };
  let started = false;
  const goOnline = () => {
    if (started) provider.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  // A reload or a closed tab keeps what was known stored, so offline it still counts right.
  window.addEventListener('pagehide', flushStored);
  report();

  return {
    awareness: provider.awareness,
    origin: provider,
    connect: (token) => {
      if (token === null) {
        offline();
        return report();
      }
      performance.mark('accord:connect');
      provider.params = { token, ack: '1' };
      started = true;
      if (navigator.onLine) provider.connect();
      else goOffline();
    },
    destroy: () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      window.removeEventListener('pagehide', flushStored);
      flushStored();
      doc.off('update', onUpdate);
      // The last edit may have grown since it started: keep its final clock.
      if (!options.readOnly) options.onPendingEdits(edits.records());
      provider.destroy();
    },
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
