// Presence (y-protocols awareness) of one plan: who owns which entry ([S20]) and how large entries
// may be ([G7]). A member may change or remove only entries one of their own connections
// introduced; an entry over `maxPresenceStateBytes`, or a connection holding more than
// `maxPresenceEntriesPerConnection` entries, is refused whole: presence is relayed to every peer, so
// its size is everyone's cost.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CLOSE } from './closeCodes';
import type { Metrics } from '../ops/metrics';
import { ProtocolError, REJECTIONS } from './protocol';
import type { RoomPeer } from './roomPeer';

export interface PresenceLimits {
  readonly maxPresenceStateBytes: number;
  readonly maxPresenceEntriesPerConnection: number;
}

interface Entry {
  readonly clientID: number;
  readonly clock: number;
  readonly state: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class Presence {
  readonly awareness: awarenessProtocol.Awareness;
  /** which presence client ids each peer controls, removed when it leaves */
  private readonly presenceOf = new Map<RoomPeer, Set<number>>();
  /** which peer introduced each presence client id: only that member may change or remove it */
  private readonly presenceOwner = new Map<number, RoomPeer>();

  constructor(
    doc: Y.Doc,
    private readonly limits: PresenceLimits,
    private readonly metrics: Metrics,
    /** peers currently in the room (entries from a peer that already left are not owned) */
    private readonly isPeer: (peer: RoomPeer) => boolean,
    /** `byPeer`: the change came from one of this node's peers (not another node or a leave) */
    onChanged: (clientIds: number[], byPeer: boolean) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // the server has no presence of its own
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const peer = origin as RoomPeer | null;
        const byPeer = peer !== null && this.isPeer(peer);
        if (byPeer) this.own(changes, peer);
        onChanged([...changes.added, ...changes.updated, ...changes.removed], byPeer);
      },
    );
  }

  /** Client ids with a presence entry. */
  clientIds(): number[] {
    return [...this.awareness.getStates().keys()];
  }

  encode(clientIds: number[]): Uint8Array {
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds);
  }

  /**
   * Applies a peer's presence update, minus entries for client ids another member introduced. The
   * same member's new connection may take over its client id (a reconnect while the old socket
   * lingers). Throws ProtocolError, before applying anything, on a malformed or oversized update;
   * `capped: false` for what another node of the cluster relays (its own peers were capped there).
   */
  apply(peer: RoomPeer, update: Uint8Array, capped = true): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: Entry[] = [];
    const owned = this.presenceOf.get(peer) ?? new Set<number>();
    const holding = new Set(owned);
    let echoes = 0;
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const bytes = decoding.readVarUint8Array(decoder);
      if (capped && bytes.length > this.limits.maxPresenceStateBytes) {
        throw new ProtocolError(
          REJECTIONS.presenceTooLarge,
          `a presence state of ${bytes.length} bytes`,
          CLOSE.presenceRefused,
        );
      }
      const state = utf8.decode(bytes);
      const owner = this.presenceOwner.get(clientID);
      if (this.isEcho(peer, clientID, clock, owner)) {
        echoes += 1;
        continue;
      }
      if (owner && owner.memberId !== peer.memberId) continue;
      kept.push({ clientID, clock, state });
      if (state === 'null') holding.delete(clientID);
      else holding.add(clientID);
    }
    if (capped && holding.size > this.limits.maxPresenceEntriesPerConnection) {
      throw new ProtocolError(
        REJECTIONS.presenceTooLarge,
        `${holding.size} presence entries on one connection`,
        CLOSE.presenceRefused,
      );
    }
    if (kept.length + echoes < count) {
      this.metrics.rejected.add(count - kept.length - echoes, {
        reason: REJECTIONS.foreignPresence,
      });
    }
    if (kept.length === 0) return;
    if (kept.length === count) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
      return;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.clientID);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.state);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), peer);
  }

  /**
   * The stock provider sends every presence change it receives back to the server, other
   * members' too. An entry from a peer that is no newer than the one held here, for a client id
   * that member does not own, is such an echo: it changes nothing, so it neither counts towards
   * the peer's cap nor makes the peer its owner. (Entries relayed from another node have no owner
   * here; without this a client echoing five of them was refused and never reconnected.)
   */
  private isEcho(
    peer: RoomPeer,
    clientID: number,
    clock: number,
    owner: RoomPeer | undefined,
  ): boolean {
    const held = this.awareness.meta.get(clientID)?.clock;
    return (
      held !== undefined && clock <= held && this.isPeer(peer) && owner?.memberId !== peer.memberId
    );
  }

  /** A peer left: the presence it owns goes with it. Returns the client ids removed. */
  leave(peer: RoomPeer): number[] {
    const presence = [...(this.presenceOf.get(peer) ?? [])];
    this.presenceOf.delete(peer);
    for (const id of presence) this.presenceOwner.delete(id);
    if (presence.length > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, presence, null);
    return presence;
  }

  private own(
    changes: { added: number[]; updated: number[]; removed: number[] },
    peer: RoomPeer,
  ): void {
    let owned = this.presenceOf.get(peer);
    if (!owned) this.presenceOf.set(peer, (owned = new Set()));
    for (const id of [...changes.added, ...changes.updated]) {
      const previous = this.presenceOwner.get(id);
      if (previous && previous !== peer) this.presenceOf.get(previous)?.delete(id);
      this.presenceOwner.set(id, peer);
      owned.add(id);
    }
    for (const id of changes.removed) {
      owned.delete(id);
      if (this.presenceOwner.get(id) === peer) this.presenceOwner.delete(id);
    }
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
