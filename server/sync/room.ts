// One plan loaded in memory: its Y.Doc, presence, and the connections editing it. Owns the
// durability pipeline: an accepted update is applied, appended to storage with the next batch, and
// only once that batch is stored is it broadcast and acknowledged, so an acknowledged edit is kept.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE } from './closeCodes';
import type { Logger } from '../ops/log';
import type { Metrics } from '../ops/metrics';
import * as protocol from './protocol';
import { REJECTIONS } from './protocol';
import type { PlanStore, Touched } from '../storage/store';
import { touchedBy } from './touched';
import { loadStoredPlan } from '../storage/storedDocument';
import type { FollowedPlan } from '../cluster/redisFeed';

/** What a room needs to know about a connection; Connection implements it. */
export interface RoomPeer {
  readonly memberId: string;
  /** asked for our "stored durably" acknowledgements (`ack=1`) */
  readonly wantsAcks: boolean;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

/**
 * Updates merged into one broadcast frame at most. Merging saves a send per recipient per update
 * (~10 us each, times every peer) but costs ~50 us per update and blocks while it runs (3,000 small
 * updates: ~150-280 ms, measured), so a saturating burst is sent as several frames of ~10 ms of
 * merging each instead of one long stall.
 */
const MERGE_CHUNK = 200;

interface PendingUpdate {
  readonly update: Uint8Array;
  readonly touched: Touched;
  readonly peer: RoomPeer;
  readonly at: number;
}

interface Batch {
  updates: PendingUpdate[];
  /** sends that must wait until everything applied so far is stored */
  after: (() => void)[];
}

export interface RoomOptions {
  readonly store: PlanStore;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly awarenessFlushMs: number;
  /** called after each stored batch with the number of log entries added */
  readonly onStored?: (room: Room, count: number) => void;
  /** called once when the room can no longer be trusted (storage failed); the registry drops it */
  readonly onFailed?: (room: Room) => void;
  readonly now?: () => number;
  /** this plan's news to and from the other nodes of a cluster; absent on a single node */
  readonly followed?: FollowedPlan;
}

/** The origin of updates and presence another node stored or relayed: never stored again here. */
const FROM_ANOTHER_NODE: RoomPeer = {
  memberId: '',
  wantsAcks: false,
  send: () => undefined,
  close: () => undefined,
};

export class Room {
  readonly peers = new Set<RoomPeer>();
  readonly awareness: awarenessProtocol.Awareness;
  private batch: Batch = { updates: [], after: [] };
  private writing: Promise<void> | null = null;
  private flushScheduled = false;
  private failed = false;
  /** presence changes not yet broadcast: coalesced so an awareness storm costs one send per peer */
  private readonly awarenessChanged = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  /** when presence was last broadcast (performance.now()) */
  private awarenessFlushedAt = -Infinity;
  /** which presence client ids each peer controls, removed when it leaves */
  private readonly presenceOf = new Map<RoomPeer, Set<number>>();
  /** which peer introduced each presence client id: only that member may change or remove it */
  private readonly presenceOwner = new Map<number, RoomPeer>();
  /** set while applying one peer's update: what the transaction stored and touched */
  private captured: { update: Uint8Array | null; touched: Touched | null } | null = null;
  /** presence client ids changed by this node's peers since the last flush (for other nodes) */
  private readonly awarenessToPublish = new Set<number>();

  private constructor(
    readonly planId: string,
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // the server has no presence of its own
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (this.captured && transaction.origin !== null) {
        this.captured.touched = touchedBy(doc, transaction);
      }
    });
    doc.on('update', (update: Uint8Array) => {
      if (this.captured) this.captured.update = update;
    });
  }

  /**
   * Rebuilds a plan from storage. Throws if anything cannot be read or applied: a room is never
   * created from a partial or empty document that could later overwrite stored data.
   */
  static async load(planId: string, options: RoomOptions): Promise<Room> {
    const { doc, through } = await loadStoredPlan(options.store, planId);
    const room = new Room(planId, doc, options);
    options.followed?.attach(room, through);
    return room;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  get isIdle(): boolean {
    return this.batch.updates.length === 0 && this.batch.after.length === 0 && !this.writing;
  }

  join(peer: RoomPeer, canEdit: boolean): void {
    this.peers.add(peer);
    // Editors get our state vector so they send what we lack; viewers' answers would be dropped.
    if (canEdit) peer.send(protocol.encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      peer.send(
        protocol.encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)),
      );
    }
  }

  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    const presence = this.presenceOf.get(peer);
    this.presenceOf.delete(peer);
    for (const id of presence ?? []) this.presenceOwner.delete(id);
    if (presence && presence.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...presence], null);
      this.options.followed?.publishAwareness(
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...presence]),
      );
    }
  }

  /** Sync step 1: answer with what the peer lacks, once everything it will see is stored. */
  answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    const missing = Y.encodeStateAsUpdate(this.doc, stateVector);
    this.afterStored(() => peer.send(protocol.encodeSyncStep2(missing)));
  }

  /**
   * Applies a peer's update (sync step 2 or update). The update must already have been decoded
   * successfully (Y.decodeUpdate). Throws only if Yjs rejects it, after storing whatever part the
   * document did take, so memory and storage never disagree.
   */
  applyUpdate(peer: RoomPeer, update: Uint8Array): void {
    const captured: { update: Uint8Array | null; touched: Touched | null } = {
      update: null,
      touched: null,
    };
    this.captured = captured;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } finally {
      this.captured = null;
      if (captured.update) {
        this.batch.updates.push({
          update: captured.update,
          touched: captured.touched ?? { actions: {}, parts: [] },
          peer,
          at: (this.options.now ?? Date.now)(),
        });
        this.scheduleFlush();
      } else if (peer.wantsAcks) {
        // Nothing new (a duplicate): still confirm what the peer sent is stored. The state vector
        // is taken now: by the time the ack goes out, later updates may be applied but not stored.
        const stateVector = Y.encodeStateVector(this.doc);
        this.afterStored(() => this.sendAck([peer], stateVector));
      }
    }
  }

  /**
   * Applies a peer's presence update, minus entries for client ids another member introduced: a
   * member cannot hide or impersonate someone else's presence. The same member's new connection
   * may take over its client id (a reconnect while the old socket lingers). Throws on a malformed
   * update before applying anything.
   */
  applyAwareness(peer: RoomPeer, update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: { clientID: number; clock: number; state: string }[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      const owner = this.presenceOwner.get(clientID);
      if (!owner || owner.memberId === peer.memberId) kept.push({ clientID, clock, state });
    }
    if (kept.length === count) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
      return;
    }
    this.options.metrics.rejected.add(count - kept.length, { reason: REJECTIONS.foreignPresence });
    if (kept.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.clientID);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.state);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), peer);
  }

  answerAwarenessQuery(peer: RoomPeer): void {
    const states = [...this.awareness.getStates().keys()];
    peer.send(
      protocol.encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)),
    );
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const ids = [...changes.added, ...changes.updated, ...changes.removed];
    const peer = origin as RoomPeer | null;
    if (peer && this.peers.has(peer)) {
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
      if (this.options.followed) for (const id of ids) this.awarenessToPublish.add(id);
    }
    for (const id of ids) this.awarenessChanged.add(id);
    if (this.awarenessTimer) return;
    // Leading-edge throttle: a change in a quiet room goes out at once (after this turn's other
    // frames); under a storm, at most one broadcast per awarenessFlushMs carries everything.
    const wait = this.awarenessFlushedAt + this.options.awarenessFlushMs - performance.now();
    this.awarenessTimer =
      wait > 0 ? setTimeout(this.flushAwareness, wait) : setImmediate(this.flushAwareness);
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    this.awarenessFlushedAt = performance.now();
    if (this.awarenessChanged.size === 0) return;
    const ids = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    // encoded once for every peer (fan-out costs per recipient; encoding must not)
    const frame = protocol.encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
    );
    for (const peer of this.peers) peer.send(frame);
    if (this.awarenessToPublish.size > 0) {
      const local = [...this.awarenessToPublish];
      this.awarenessToPublish.clear();
      this.options.followed?.publishAwareness(
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, local),
      );
    }
  };

  /**
   * Applies an update another node of the cluster committed (it is stored already) and relays it
   * to this node's peers. Not captured, so never stored or audited again.
   */
  applyRemote(update: Uint8Array): void {
    const before = Y.encodeStateVector(this.doc);
    Y.applyUpdate(this.doc, update, FROM_ANOTHER_NODE);
    const after = Y.encodeStateVector(this.doc);
    if (equalBytes(before, after) && !this.doc.store.pendingStructs) return;
    const frame = protocol.encodeUpdate(update);
    for (const peer of this.peers) peer.send(frame);
    // What another node relayed is stored: say so to peers that count acknowledgements, once what
    // this node applied before it is stored too (the state vector now includes both).
    const wanting = [...this.peers].filter((peer) => peer.wantsAcks);
    if (wanting.length > 0) {
      const stateVector = Y.encodeStateVector(this.doc);
      this.afterStored(() => this.sendAck(wanting, stateVector));
    }
  }

  /** Another node's presence change: relayed, minus entries for this node's peers' client ids. */
  applyRemoteAwareness(update: Uint8Array): void {
    this.applyAwareness(FROM_ANOTHER_NODE, update);
  }

  /** Runs `send` once everything applied so far is stored (at once if it already is). */
  afterStored(send: () => void): void {
    if (this.isIdle) send();
    else {
      this.batch.after.push(send);
      this.scheduleFlush();
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.writing || this.failed) return;
    this.flushScheduled = true;
    // setImmediate: frames that arrived in the same turn of the event loop share one commit
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    if (this.writing || this.failed) return;
    const batch = this.batch;
    this.batch = { updates: [], after: [] };
    // The state vector now is exactly what this batch and the ones before it hold.
    const wantsAck = batch.updates.some((u) => u.peer.wantsAcks);
    const stateVector = wantsAck ? Y.encodeStateVector(this.doc) : null;
    this.writing = this.store(batch)
      .then(() => {
        this.broadcast(batch.updates);
        if (stateVector) {
          this.sendAck(
            new Set(batch.updates.filter((u) => u.peer.wantsAcks).map((u) => u.peer)),
            stateVector,
          );
        }
        for (const send of batch.after) send();
        if (batch.updates.length > 0) this.options.onStored?.(this, batch.updates.length);
      })
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.writing = null;
        if (this.batch.updates.length > 0 || this.batch.after.length > 0) this.scheduleFlush();
      });
  };

  private async store(batch: Batch): Promise<void> {
    if (batch.updates.length === 0) return;
    const started = performance.now();
    const seqs = await this.options.store.appendUpdates(
      batch.updates.map((u) => ({
        planId: this.planId,
        update: u.update,
        memberId: u.peer.memberId,
        at: u.at,
        touched: u.touched,
      })),
    );
    this.options.followed?.publish(
      seqs,
      batch.updates.length === 1
        ? batch.updates[0]!.update
        : Y.mergeUpdates(batch.updates.map((u) => u.update)),
    );
    const { metrics } = this.options;
    metrics.storeLatency.observe((performance.now() - started) / 1000);
    metrics.updates.add(batch.updates.length);
    metrics.updateBytes.add(batch.updates.reduce((sum, u) => sum + u.update.length, 0));
  }

  /** One frame for everyone per chunk of the batch; a chunk's only author does not get its own
   * edit back. */
  private broadcast(updates: readonly PendingUpdate[]): void {
    for (let start = 0; start < updates.length; start += MERGE_CHUNK) {
      const chunk = updates.slice(start, start + MERGE_CHUNK);
      const first = chunk[0];
      if (!first) return;
      const merged = chunk.length === 1 ? first.update : Y.mergeUpdates(chunk.map((u) => u.update));
      const frame = protocol.encodeUpdate(merged);
      const authors = new Set(chunk.map((u) => u.peer));
      const soleAuthor = authors.size === 1 ? first.peer : null;
      for (const peer of this.peers) if (peer !== soleAuthor) peer.send(frame);
    }
  }

  private sendAck(peers: Iterable<RoomPeer>, stateVector: Uint8Array): void {
    const frame = protocol.encodeStored(stateVector);
    for (const peer of peers) if (this.peers.has(peer)) peer.send(frame);
  }

  /**
   * Storage failed, or Yjs threw midway: memory may hold what storage does not. Close everyone
   * with a retryable code; they reconnect to a room reloaded from storage and resend what is
   * missing from their own copies, so nothing is lost.
   */
  fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.options.log.error('room failed; closing its connections', { planId: this.planId, error });
    for (const peer of [...this.peers])
      peer.close(CLOSE.unavailable, 'plan storage failed; retrying');
    this.options.onFailed?.(this);
  }

  /** Resolves once nothing applied is waiting to be stored. */
  async drained(): Promise<void> {
    while (!this.isIdle && !this.failed) {
      if (this.writing) await this.writing;
      else {
        this.flush();
      }
    }
  }

  destroy(): void {
    if (this.awarenessTimer) {
      clearTimeout(this.awarenessTimer as NodeJS.Timeout);
      clearImmediate(this.awarenessTimer as NodeJS.Immediate);
    }
    this.options.followed?.stop();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
