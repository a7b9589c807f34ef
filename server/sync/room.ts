// One plan loaded in memory: its Y.Doc and the connections editing it. Composes the parts with one
// job each: the update gate (updateGate.ts) in front of Yjs, presence ownership and caps
// (presence.ts) with its broadcast throttle (awarenessThrottle.ts), the client-id ledger
// (clientIdLedger.ts) and the durability pipeline (groupCommit.ts): an accepted update is applied,
// stored with the next batch, and only then broadcast and acknowledged (DESIGN.md, Storage).
import * as Y from 'yjs';
import { AwarenessThrottle } from './awarenessThrottle';
import { ClientIdLedger } from './clientIdLedger';
import { CLOSE } from './closeCodes';
import { GroupCommit } from './groupCommit';
import type { Limits } from '../ops/config';
import type { Logger } from '../ops/log';
import type { Metrics } from '../ops/metrics';
import { Presence } from './presence';
import { StateHandover, type Handover } from './stateHandover';
import * as protocol from './protocol';
import type { RoomPeer } from './roomPeer';
import type { Touched, UpdateLog } from '../storage/store';
import { touchedBy } from './touched';
import { inspectUpdate, type GateVerdict } from './updateGate';
import { loadStoredPlan } from '../storage/storedDocument';
import type { FollowedPlan } from '../cluster/redisFeed';

export type { RoomPeer } from './roomPeer';

export type RoomLimits = Pick<
  Limits,
  | 'awarenessFlushMs'
  | 'maxNestingDepth'
  | 'maxStructsPerUpdate'
  | 'maxDeleteRangesPerUpdate'
  | 'maxNewClientIdsPerUpdate'
  | 'maxPresenceStateBytes'
  | 'maxPresenceEntriesPerConnection'
  | 'maxMessageBytes'
>;

/**
 * Struct bytes per handover piece at most (one struct larger than this goes alone): about 10 ms
 * of encoding, so a joining peer of a 50,000-action plan (43 MB) is answered over a few hundred
 * turns of the event loop instead of one multi-second encode.
 */
const HANDOVER_PIECE_BYTES = 512 * 1024;

const nextTurn = (step: () => void) => void setImmediate(step);

export interface RoomOptions {
  readonly store: UpdateLog;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly limits: RoomLimits;
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
  readonly presence: Presence;
  private readonly throttle: AwarenessThrottle;
  private readonly commit: GroupCommit;
  private readonly handover: StateHandover;
  private failed = false;
  /** presence client ids changed by this node's peers since the last flush (for other nodes) */
  private readonly awarenessToPublish = new Set<number>();
  /** set while applying one peer's update: what the transaction stored and touched */
  private captured: { update: Uint8Array | null; touched: Touched | null } | null = null;

  private constructor(
    readonly planId: string,
    readonly doc: Y.Doc,
    readonly ledger: ClientIdLedger,
    private readonly options: RoomOptions,
  ) {
    const { limits, metrics, store, followed } = options;
    // encoded once for every peer (fan-out costs per recipient; encoding must not)
    this.throttle = new AwarenessThrottle(limits.awarenessFlushMs, (ids) => {
      const frame = protocol.encodeAwareness(this.presence.encode(ids));
      for (const peer of this.peers) peer.send(frame);
      if (this.awarenessToPublish.size > 0) {
        const local = [...this.awarenessToPublish];
        this.awarenessToPublish.clear();
        followed?.publishAwareness(this.presence.encode(local));
      }
    });
    this.presence = new Presence(
      doc,
      limits,
      metrics,
      (peer) => this.peers.has(peer),
      (ids, byPeer) => {
        if (byPeer && followed) for (const id of ids) this.awarenessToPublish.add(id);
        this.throttle.add(ids);
      },
    );
    this.commit = new GroupCommit({
      planId,
      doc,
      peers: this.peers,
      store,
      metrics,
      ledger,
      onStored: (count) => this.options.onStored?.(this, count),
      onFailed: (error) => this.fail(error),
      followed,
    });
    // half the frame limit: a piece's frame adds a few header bytes, and the peer's own limit
    // (ws's default is 100 MiB, a browser's none) is at least ours
    this.handover = new StateHandover(
      doc,
      Math.min(HANDOVER_PIECE_BYTES, Math.floor(limits.maxMessageBytes / 2)),
    );
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
    const [{ doc, through }, clientIds] = await Promise.all([
      loadStoredPlan(options.store, planId),
      options.store.clientIds(planId),
    ]);
    const room = new Room(planId, doc, new ClientIdLedger(planId, clientIds), options);
    options.followed?.attach(room, through);
    return room;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  get isIdle(): boolean {
    return this.commit.isIdle;
  }

  join(peer: RoomPeer, canEdit: boolean): void {
    this.peers.add(peer);
    // Editors get our state vector so they send what we lack; viewers' answers would be dropped.
    if (canEdit) peer.send(protocol.encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const everyone = this.presence.clientIds();
    if (everyone.length > 0) peer.send(protocol.encodeAwareness(this.presence.encode(everyone)));
  }

  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    const removed = this.presence.leave(peer);
    if (removed.length > 0) this.options.followed?.publishAwareness(this.presence.encode(removed));
  }

  /**
   * Sync step 1: answer with what the peer lacks, once everything it will see is stored ([S22]):
   * in pieces, one per turn of the event loop, each built from the plan as it is then and sent once
   * that is stored; all but the last go as updates, so the stock provider counts itself synced
   * only with the last (sync step 2). What changes meanwhile reaches the peer as broadcasts.
   */
  answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    this.handOver(peer, this.handover.missing(Y.decodeStateVector(stateVector)));
  }

  private handOver(peer: RoomPeer, steps: Handover): void {
    if (this.failed || !this.peers.has(peer)) return;
    const step = steps.next();
    const frame = step.done
      ? protocol.encodeSyncStep2(step.value)
      : step.value && protocol.encodeUpdate(step.value);
    this.commit.afterStored(() => {
      if (frame) peer.send(frame, true);
      if (!step.done) nextTurn(() => this.handOver(peer, steps));
    });
  }

  /** The gate's verdict on a client's update against the plan as it is now ([G1]-[G4]). */
  inspect(update: Uint8Array): GateVerdict {
    return inspectUpdate(this.doc, update, this.options.limits);
  }

  /**
   * Applies a peer's update (sync step 2 or update) that passed `inspect` just now, with the client
   * ids it introduces. Throws only if Yjs rejects it, after storing whatever part the document did
   * take, so memory and storage never disagree.
   */
  applyUpdate(peer: RoomPeer, update: Uint8Array, newClientIds: readonly number[] = []): void {
    const captured: { update: Uint8Array | null; touched: Touched | null } = {
      update: null,
      touched: null,
    };
    const at = (this.options.now ?? Date.now)();
    this.captured = captured;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } finally {
      this.captured = null;
      if (captured.update) {
        this.ledger.introduce(peer.memberId, newClientIds, at);
        this.commit.push({
          update: captured.update,
          touched: captured.touched ?? { actions: {}, parts: [] },
          peer,
          at,
        });
      } else if (peer.wantsAcks) {
        this.commit.acknowledge([peer]);
      }
    }
  }

  /** A peer's presence update ([S20], [G7]); throws ProtocolError before applying a refused one. */
  applyAwareness(peer: RoomPeer, update: Uint8Array): void {
    this.presence.apply(peer, update);
  }

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
    if (wanting.length > 0) this.commit.acknowledge(wanting);
  }

  /** Another node's presence change: relayed, minus entries for this node's peers' client ids. */
  applyRemoteAwareness(update: Uint8Array): void {
    this.presence.apply(FROM_ANOTHER_NODE, update, false);
  }

  answerAwarenessQuery(peer: RoomPeer): void {
    peer.send(protocol.encodeAwareness(this.presence.encode(this.presence.clientIds())));
  }

  /** Runs `send` once everything applied so far is stored (at once if it already is). */
  afterStored(send: () => void): void {
    this.commit.afterStored(send);
  }

  /**
   * Storage failed, or Yjs threw midway: memory may hold what storage does not. Close everyone
   * with a retryable code; they reconnect to a room reloaded from storage and resend what is
   * missing from their own copies, so nothing is lost.
   */
  fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.commit.stop();
    this.options.log.error('room failed; closing its connections', { planId: this.planId, error });
    for (const peer of [...this.peers])
      peer.close(CLOSE.unavailable, 'plan storage failed; retrying');
    this.options.onFailed?.(this);
  }

  /** Resolves once nothing applied is waiting to be stored. */
  drained(): Promise<void> {
    return this.commit.drained();
  }

  destroy(): void {
    this.options.followed?.stop();
    this.throttle.destroy();
    this.handover.destroy();
    this.presence.destroy();
    this.doc.destroy();
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
