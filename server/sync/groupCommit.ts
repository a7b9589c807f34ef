// The durability pipeline of one plan ([S5], [S17]): an accepted update is appended to storage with
// the next batch (updates that arrive while a commit runs form the next one), and only once that
// batch is stored is it broadcast and acknowledged (DESIGN.md, Storage).
import * as Y from 'yjs';
import type { ClientIdLedger } from './clientIdLedger';
import type { FollowedPlan } from '../cluster/redisFeed';
import type { Metrics } from '../ops/metrics';
import * as protocol from './protocol';
import type { RoomPeer } from './roomPeer';
import type { Touched, UpdateLog } from '../storage/store';

/**
 * Updates merged into one broadcast frame at most. Merging saves a send per recipient per update
 * (~10 us each, times every peer) but costs ~50 us per update and blocks while it runs (3,000 small
 * updates: ~150-280 ms, measured), so a saturating burst is sent as several frames of ~10 ms of
 * merging each instead of one long stall.
 */
const MERGE_CHUNK = 200;
/**
 * Sends in one turn of the event loop at most. A plan with thousands of peers (a flood that got in)
 * costs ~10 us a send; yielding between slices lets other plans, acknowledgements and /healthz
 * run in between, so one crowded plan is slow on its own and not for everyone. Frames stay in
 * order: the next batch waits until this broadcast is done.
 */
const SENDS_PER_TURN = 1_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PendingUpdate {
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

export interface GroupCommitOptions {
  readonly planId: string;
  readonly doc: Y.Doc;
  readonly peers: ReadonlySet<RoomPeer>;
  readonly store: UpdateLog;
  readonly metrics: Metrics;
  /** client ids introduced by the batch's updates are stored with it */
  readonly ledger: ClientIdLedger;
  /** after each stored batch, with the number of log entries added */
  readonly onStored: (count: number) => void;
  /** storage failed: the room can no longer be trusted */
  readonly onFailed: (error: unknown) => void;
  /** the plan's news to the other nodes of a cluster; absent on a single node */
  readonly followed?: FollowedPlan;
}

export class GroupCommit {
  private batch: Batch = { updates: [], after: [] };
  private writing: Promise<void> | null = null;
  private flushScheduled = false;
  private stopped = false;

  constructor(private readonly options: GroupCommitOptions) {}

  get isIdle(): boolean {
    return this.batch.updates.length === 0 && this.batch.after.length === 0 && !this.writing;
  }

  push(pending: PendingUpdate): void {
    this.batch.updates.push(pending);
    this.scheduleFlush();
  }

  /** Runs `send` once everything applied so far is stored (at once if it already is). */
  afterStored(send: () => void): void {
    if (this.isIdle) send();
    else {
      this.batch.after.push(send);
      this.scheduleFlush();
    }
  }

  /** Confirms to `peers` that everything applied so far is stored (a duplicate they sent, or what
   * another node stored). The state vector is taken now: by the time the ack goes out, later
   * updates may be applied but not stored. */
  acknowledge(peers: readonly RoomPeer[]): void {
    const stateVector = Y.encodeStateVector(this.options.doc);
    this.afterStored(() => this.sendAck(peers, stateVector));
  }

  /** No more commits (the room failed). */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once nothing applied is waiting to be stored. */
  async drained(): Promise<void> {
    while (!this.isIdle && !this.stopped) {
      if (this.writing) await this.writing;
      else this.flush();
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.writing || this.stopped) return;
    this.flushScheduled = true;
    // setImmediate: frames that arrived in the same turn of the event loop share one commit
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    if (this.writing || this.stopped) return;
    const batch = this.batch;
    this.batch = { updates: [], after: [] };
    // The state vector now is exactly what this batch and the ones before it hold.
    const wantsAck = batch.updates.some((u) => u.peer.wantsAcks);
    const stateVector = wantsAck ? Y.encodeStateVector(this.options.doc) : null;
    this.writing = this.store(batch)
      .then(async () => {
        await this.broadcast(batch.updates);
        if (stateVector) {
          this.sendAck(
            new Set(batch.updates.filter((u) => u.peer.wantsAcks).map((u) => u.peer)),
            stateVector,
          );
        }
        for (const send of batch.after) send();
        if (batch.updates.length > 0) this.options.onStored(batch.updates.length);
      })
      .catch((error: unknown) => this.options.onFailed(error))
      .finally(() => {
        this.writing = null;
        if (this.batch.updates.length > 0 || this.batch.after.length > 0) this.scheduleFlush();
      });
  };

  private async store(batch: Batch): Promise<void> {
    if (batch.updates.length === 0) return;
    const { store, planId, ledger, metrics } = this.options;
    const started = performance.now();
    // in the same transaction as the updates that brought them: every update's client id is
    // attributed, and no commit of its own
    const seqs = await store.appendUpdates(
      batch.updates.map((u) => ({
        planId,
        update: u.update,
        memberId: u.peer.memberId,
        at: u.at,
        touched: u.touched,
      })),
      ledger.takeUnsaved(),
    );
    this.options.followed?.publish(
      seqs,
      batch.updates.length === 1
        ? (batch.updates[0] as PendingUpdate).update
        : Y.mergeUpdates(batch.updates.map((u) => u.update)),
    );
    metrics.storeLatency.observe((performance.now() - started) / 1000);
    metrics.updates.add(batch.updates.length);
    metrics.updateBytes.add(batch.updates.reduce((sum, u) => sum + u.update.length, 0));
  }

  /** One frame for everyone per chunk of the batch; a chunk's only author does not get its own
   * edit back. */
  private async broadcast(updates: readonly PendingUpdate[]): Promise<void> {
    let sends = 0;
    for (let start = 0; start < updates.length; start += MERGE_CHUNK) {
      const chunk = updates.slice(start, start + MERGE_CHUNK);
      const first = chunk[0];
      if (!first) return;
      const merged = chunk.length === 1 ? first.update : Y.mergeUpdates(chunk.map((u) => u.update));
      const frame = protocol.encodeUpdate(merged);
      const authors = new Set(chunk.map((u) => u.peer));
      const soleAuthor = authors.size === 1 ? first.peer : null;
      for (const peer of [...this.options.peers]) {
        if (peer === soleAuthor) continue;
        peer.send(frame);
        if (++sends % SENDS_PER_TURN === 0) await nextTurn();
      }
    }
  }

  private sendAck(peers: Iterable<RoomPeer>, stateVector: Uint8Array): void {
    const frame = protocol.encodeStored(stateVector);
    for (const peer of peers) if (this.options.peers.has(peer)) peer.send(frame);
  }
}
