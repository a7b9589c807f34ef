// The registry of loaded plans: loads a plan on its first connection (one load even when many
// clients arrive at once, a bounded number of loads at a time), unloads it when its last
// connection has been gone for a while, and compacts its log in the background.
import { CLOSE } from './closeCodes';
import type { Compactor } from '../storage/compactor';
import type { Logger } from '../ops/log';
import type { Metrics } from '../ops/metrics';
import { Room, type RoomLimits, type RoomPeer } from './room';
import type { MemberRecord, MembershipStore, UpdateLog } from '../storage/store';
import type { FollowedPlan } from '../cluster/redisFeed';

/** Where a cluster node hears of other nodes' commits (RedisFeed); absent on a single node. */
export interface PlanFeed {
  /** called before a plan's document loads, so nothing committed meanwhile is missed */
  follow(planId: string): Promise<FollowedPlan>;
}

export interface RoomsOptions {
  readonly store: UpdateLog & MembershipStore;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly compactor: Compactor;
  readonly limits: RoomLimits;
  readonly unloadAfterMs: number;
  readonly compactEveryUpdates: number;
  readonly maxConcurrentLoads: number;
  /** how often plans that stay loaded are compacted (and may get a dated checkpoint) */
  readonly checkpointEveryMs: number;
  /** called after each stored batch of a loaded plan, with a check that it is still loaded */
  readonly onChanged?: (room: Room, loaded: () => boolean) => void;
  readonly feed?: PlanFeed;
}

/** Plans that stay loaded are compacted at most this often, whatever checkpointEveryMs says. */
const MIN_PERIODIC_COMPACTION_MS = 60_000;

interface Entry {
  readonly loading: Promise<Room>;
  room: Room | null;
  /** connections plus connections being set up */
  users: number;
  unloadTimer: NodeJS.Timeout | null;
  sinceCompaction: number;
}

export class Rooms {
  private readonly entries = new Map<string, Entry>();
  private loadsRunning = 0;
  private readonly loadQueue: (() => void)[] = [];

  private readonly periodic: NodeJS.Timeout;

  constructor(private readonly options: RoomsOptions) {
    // A plan that is never left alone (a day-long workshop) and edited slowly would otherwise
    // reach neither the compaction threshold nor an unload, and get no dated checkpoint.
    this.periodic = setInterval(
      () => this.compactLoaded(),
      Math.max(MIN_PERIODIC_COMPACTION_MS, options.checkpointEveryMs),
    );
    this.periodic.unref();
  }

  private compactLoaded(): void {
    for (const [planId, entry] of this.entries) {
      if (!entry.room || entry.sinceCompaction === 0) continue;
      entry.sinceCompaction = 0;
      this.options.compactor.request(planId);
    }
  }

  get loaded(): number {
    return [...this.entries.values()].filter((e) => e.room).length;
  }

  /** Connections on a plan, counting those being set up. */
  users(planId: string): number {
    return this.entries.get(planId)?.users ?? 0;
  }

  room(planId: string): Room | undefined {
    return this.entries.get(planId)?.room ?? undefined;
  }

  /**
   * The loaded room for a plan, loading it if needed; the caller must `release` it once. Rejects
   * if the plan cannot be loaded; a later call tries again.
   */
  async acquire(planId: string): Promise<Room> {
    let entry = this.entries.get(planId);
    if (!entry) {
      const loading = this.load(planId);
      const created: Entry = {
        loading,
        room: null,
        users: 0,
        unloadTimer: null,
        sinceCompaction: 0,
      };
      entry = created;
      this.entries.set(planId, created);
      loading.then(
        (room) => {
          created.room = room;
          this.options.metrics.plansLoaded.set(this.loaded);
        },
        () => {
          if (this.entries.get(planId) === created) this.entries.delete(planId);
        },
      );
    }
    entry.users += 1;
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = null;
    }
    try {
      return await entry.loading;
    } catch (error) {
      entry.users -= 1;
      throw error;
    }
  }

  /** Gives back what `acquire` returned (a failed room's entry is already gone). */
  release(room: Room): void {
    const planId = room.planId;
    const entry = this.entries.get(planId);
    if (!entry || entry.room !== room) return;
    entry.users -= 1;
    if (entry.users > 0 || !entry.room) return;
    entry.unloadTimer = setTimeout(
      () => void this.unload(planId, entry),
      this.options.unloadAfterMs,
    );
  }

  private async load(planId: string): Promise<Room> {
    if (this.loadsRunning >= this.options.maxConcurrentLoads) {
      await new Promise<void>((resolve) => this.loadQueue.push(resolve));
    }
    this.loadsRunning += 1;
    const started = performance.now();
    let followed: FollowedPlan | undefined;
    try {
      followed = await this.options.feed?.follow(planId);
      const room = await Room.load(planId, {
        followed,
        store: this.options.store,
        metrics: this.options.metrics,
        log: this.options.log,
        limits: this.options.limits,
        onStored: (loaded, count) => this.stored(loaded, count),
        onFailed: (failed) => this.dropFailed(failed),
      });
      this.options.log.info('plan loaded', {
        planId,
        ms: Math.round(performance.now() - started),
      });
      return room;
    } catch (error) {
      followed?.stop();
      this.options.log.error('plan failed to load', { planId, error });
      throw error;
    } finally {
      this.loadsRunning -= 1;
      this.loadQueue.shift()?.();
    }
  }

  private stored(room: Room, count: number): void {
    const entry = this.entries.get(room.planId);
    if (!entry || entry.room !== room) return;
    this.options.onChanged?.(room, () => this.room(room.planId) === room);
    entry.sinceCompaction += count;
    if (entry.sinceCompaction >= this.options.compactEveryUpdates) {
      entry.sinceCompaction = 0;
      this.options.compactor.request(room.planId);
    }
  }

  /** A failed room is forgotten at once, so the next connection reloads the plan from storage. */
  private dropFailed(room: Room): void {
    const entry = this.entries.get(room.planId);
    if (entry?.room === room) {
      this.entries.delete(room.planId);
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      room.destroy();
      this.options.metrics.plansLoaded.set(this.loaded);
    }
  }

  private async unload(planId: string, entry: Entry): Promise<void> {
    const room = entry.room;
    if (!room || entry.users > 0 || this.entries.get(planId) !== entry) return;
    await room.drained();
    if (entry.users > 0 || this.entries.get(planId) !== entry) return;
    this.entries.delete(planId);
    room.destroy();
    this.options.metrics.plansLoaded.set(this.loaded);
    this.options.log.info('plan unloaded', { planId });
    if (entry.sinceCompaction > 0) this.options.compactor.request(planId);
  }

  /**
   * The one step after a member's access changed (revoked, or a new role), whoever changed it:
   * their live connections on this node close, a revoked member's for good, another's with a
   * retryable code so they come back with the new role. A cluster relays access changes to its
   * other nodes, which call this too. Returns the connections closed.
   */
  memberAccessChanged(member: MemberRecord): number {
    return member.revokedAt !== null
      ? this.closeMember(member.planId, member.id, CLOSE.forbidden, 'membership revoked')
      : this.closeMember(member.planId, member.id, CLOSE.roleChanged, `role now ${member.role}`);
  }

  /** Closes every connection of a member on the plan's live room. */
  closeMember(planId: string, memberId: string, code: number, reason: string): number {
    const room = this.room(planId);
    if (!room) return 0;
    const peers = [...room.peers].filter((peer: RoomPeer) => peer.memberId === memberId);
    for (const peer of peers) peer.close(code, reason);
    return peers.length;
  }

  /**
   * An access change another node made (relayed through the cluster): the member's record is read
   * from the shared store, then as memberAccessChanged. A member no longer there has no access.
   */
  async remoteAccessChanged(planId: string, memberId: string): Promise<void> {
    if (!this.room(planId)) return;
    const member = (await this.options.store.listMembers(planId)).find((m) => m.id === memberId);
    if (member) this.memberAccessChanged(member);
    else this.closeMember(planId, memberId, CLOSE.forbidden, 'membership revoked');
  }

  /** Graceful shutdown: close every connection, store everything pending, unload everything. */
  async closeAll(code: number, reason: string): Promise<void> {
    clearInterval(this.periodic);
    const rooms = [...this.entries.values()].flatMap((e) => (e.room ? [e.room] : []));
    for (const room of rooms) for (const peer of [...room.peers]) peer.close(code, reason);
    await Promise.all(rooms.map((room) => room.drained()));
    for (const [planId, entry] of this.entries) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      entry.room?.destroy();
      if (entry.sinceCompaction > 0) this.options.compactor.request(planId);
    }
    this.entries.clear();
    this.options.metrics.plansLoaded.set(0);
  }
}
