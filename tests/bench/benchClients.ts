// Clients for the sync benchmark. Editors are real y-websocket providers. Receivers are either real
// providers (they apply every update, so their cost is the client's) or bare sockets that only
// subscribe and note when each edit arrives, so what is measured is the server's own cost.
// Edits carry a marker (`@<n>;`, a map key) that a bare socket finds in the raw frame.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export const now = (): number => performance.now();

/** Arrival bookkeeping shared by every receiver of one scenario. */
export class Arrivals {
  readonly sentAt = new Map<number, number>();
  private readonly count = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly waiters = new Map<number, () => void>();
  framesReceived = 0;
  constructor(readonly receivers: number) {}

  sent(marker: number): void {
    this.sentAt.set(marker, now());
  }

  arrived(marker: number): void {
    const at = now();
    const count = (this.count.get(marker) ?? 0) + 1;
    this.count.set(marker, count);
    this.last.set(marker, at);
    if (count === this.receivers) this.waiters.get(marker)?.();
  }

  complete(marker: number): boolean {
    return (this.count.get(marker) ?? 0) >= this.receivers;
  }

  /** Resolves when every receiver has the marker. */
  delivered(marker: number): Promise<void> {
    if (this.complete(marker)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(marker, resolve));
  }

  /** Edit-to-last-receiver latencies (ms) of every fully delivered marker. */
  latencies(): number[] {
    const out: number[] = [];
    for (const [marker, sent] of this.sentAt) {
      const last = this.last.get(marker);
      if (last !== undefined && this.complete(marker)) out.push(last - sent);
    }
    return out;
  }

  lastArrival(): number {
    return Math.max(...this.last.values());
  }

  deliveredCount(): number {
    let total = 0;
    for (const count of this.count.values()) total += count;
    return total;
  }
}

const MARKER = /@(\d+);/g;

export interface Editor {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  edit(marker: number): void;
  destroy(): void;
}

export function connectEditor(
  wsUrl: string,
  planId: string,
  token: string,
  onMarker?: (marker: number) => void,
): Promise<Editor> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, planId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  const bench = doc.getMap<number>('bench');
  if (onMarker) {
    bench.observe((event, transaction) => {
      if (transaction.local) return;
      for (const key of event.keysChanged) onMarker(Number(key.slice(1, -1)));
    });
  }
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      resolve({
        doc,
        provider,
        edit: (marker) => bench.set(`@${marker};`, marker),
        destroy: () => {
          provider.destroy();
          doc.destroy();
        },
      });
    };
    provider.on('sync', onSync);
  });
}

export interface BareSocket {
  readonly ws: WebSocket;
  close(): void;
}

/** Awareness entries in a frame: [clientID, clock] pairs (y-protocols awareness encoding). */
function awarenessEntries(frame: Buffer): [number, number][] {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder); // message type
  const update = decoding.readVarUint8Array(decoder);
  const inner = decoding.createDecoder(update);
  const length = decoding.readVarUint(inner);
  const entries: [number, number][] = [];
  for (let i = 0; i < length; i++) {
    const clientID = decoding.readVarUint(inner);
    const clock = decoding.readVarUint(inner);
    // skip the state's JSON without decoding it: the receiver's cost is not what we measure
    const stateLength = decoding.readVarUint(inner);
    inner.pos += stateLength;
    entries.push([clientID, clock]);
  }
  return entries;
}

export function connectBare(
  wsUrl: string,
  planId: string,
  token: string,
  handlers: {
    onMarker?: (marker: number) => void;
    onAwareness?: (clientID: number, clock: number) => void;
    onFrame?: () => void;
  },
): Promise<BareSocket> {
  const ws = new WebSocket(`${wsUrl}/${planId}?token=${encodeURIComponent(token)}`, {
    perMessageDeflate: false,
  });
  ws.on('message', (data: Buffer) => {
    handlers.onFrame?.();
    const type = data[0];
    if (type === 0 && (data[1] === 1 || data[1] === 2) && handlers.onMarker) {
      for (const match of data.toString('latin1').matchAll(MARKER))
        handlers.onMarker(Number(match[1]));
    } else if (type === 1 && handlers.onAwareness) {
      for (const [clientID, clock] of awarenessEntries(data)) handlers.onAwareness(clientID, clock);
    }
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      // sync step 1 with an empty state vector: "send me everything", then just listen
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
      ws.send(encoding.toUint8Array(encoder));
      resolve({ ws, close: () => ws.terminate() });
    });
  });
}

/** An awareness frame for one client: what a provider sends when its presence renews. */
export function awarenessFrame(clientID: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientID);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}
