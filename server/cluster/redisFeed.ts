// Fan-out between Accord nodes. PostgreSQL is the store; Redis only carries news: after a node
// commits a batch, it adds one entry to the plan's stream (node id, sequence range, the merged
// update) and one per presence change. Every node reads the streams of the plans it has loaded on
// one connection (XREAD, no consumer groups: every node needs every entry), applies what is new
// and relays it to its own clients. A node that sees a gap, or finds PostgreSQL ahead of it, fetches
// the missing rows from PostgreSQL; while Redis is down it polls PostgreSQL instead.
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import * as Y from 'yjs';
import type { Logger } from '../ops/log';
import type { StoredDocument } from '../storage/store';
import { PlanTail, TAIL_DECISIONS } from './planTail';

/** What a node's feed reads from PostgreSQL to repair a gap. */
export interface TailSource {
  loadSince(planId: string, afterSeq: number): Promise<StoredDocument>;
  lastSeq(planId: string): Promise<number | undefined>;
}

/** The loaded plan the feed delivers into (a Room). */
export interface FeedTarget {
  /** applies an update that is already stored (another node committed it) and relays it */
  applyRemote(update: Uint8Array): void;
  /** applies another node's presence change and relays it */
  applyRemoteAwareness(update: Uint8Array): void;
}

export interface FollowedPlan {
  /** starts delivering, from the stream position noted before the document was loaded */
  attach(target: FeedTarget, loadedThrough: number): void;
  /** this node committed these sequence numbers, holding `update` (all of them merged) */
  publish(seqs: readonly number[], update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  stop(): void;
}

export interface RedisFeedOptions {
  readonly url: string;
  readonly source: TailSource;
  readonly log: Logger;
  /** stream entries kept per plan (approximate MAXLEN): a node further behind repairs from PG */
  readonly streamLength?: number;
}

/** How long one XREAD waits for entries; also how soon a newly loaded plan joins the read. */
const READ_BLOCK_MS = 200;
/** A gap is repaired when it is still open after this long (the missing entry is usually late). */
const GAP_GRACE_MS = 300;
/** PostgreSQL is asked for each plan's last sequence this often while Redis works (a safety net)… */
const POLL_HEALTHY_MS = 2_000;
/** …and this often while Redis is down, so cross-node edits still arrive. */
const POLL_DEGRADED_MS = 250;
/** Reconnect delays to Redis: quick at first, at most 2 s apart. */
const RECONNECT_MAX_MS = 2_000;
const DEFAULT_STREAM_LENGTH = 1_000;

const updatesKey = (planId: string) => `accord:plan:${planId}:updates`;
const presenceKey = (planId: string) => `accord:plan:${planId}:presence`;

interface Followed {
  readonly planId: string;
  /** last stream ids read (updates, presence) */
  updatesId: string;
  presenceId: string;
  target: FeedTarget | null;
  tail: PlanTail | null;
  /** when the current gap was first seen (performance.now()), or null */
  gapSince: number | null;
  repairing: boolean;
}

/** A client that fails fast while Redis is down: PostgreSQL has every update, polling covers
 * delivery. RESP2, so stream replies are plain arrays. */
function redisClient(url: string) {
  return createClient({
    url,
    RESP: 2,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS),
    },
  });
}
type RedisClient = ReturnType<typeof redisClient>;

export class RedisFeed {
  readonly nodeId = randomUUID();
  private readonly plans = new Map<string, Followed>();
  private readonly writer: RedisClient;
  private readonly reader: RedisClient;
  private stopped = false;
  private readLoop: Promise<void> | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private lastPoll = 0;
  private readonly streamLength: number;

  private constructor(private readonly options: RedisFeedOptions) {
    this.streamLength = options.streamLength ?? DEFAULT_STREAM_LENGTH;
    this.writer = redisClient(options.url);
    this.reader = redisClient(options.url);
    for (const redis of [this.writer, this.reader]) {
      redis.on('error', () => undefined); // reconnects by itself; `healthy` reports it
    }
  }

  /** Connects (or keeps trying in the background if Redis is down now) and starts reading. */
  static async start(options: RedisFeedOptions): Promise<RedisFeed> {
    const feed = new RedisFeed(options);
    await Promise.all(
      [feed.writer, feed.reader].map((redis) =>
        redis.connect().catch((error: unknown) => {
          options.log.warn('redis unreachable; polling PostgreSQL until it is back', { error });
        }),
      ),
    );
    feed.readLoop = feed.read();
    feed.pollTimer = setInterval(() => void feed.poll(), POLL_DEGRADED_MS);
    feed.pollTimer.unref();
    return feed;
  }

  /** False while Redis cannot be reached (cross-node delivery then falls back to polling). */
  get healthy(): boolean {
    return this.writer.isReady && this.reader.isReady;
  }

  /**
   * Follows a plan. Call before loading its document: the stream position is noted first, so
   * nothing committed between that and the load is missed (what the load already has is skipped).
   */
  async follow(planId: string): Promise<FollowedPlan> {
    const followed: Followed = {
      planId,
      updatesId: await this.lastId(updatesKey(planId)),
      presenceId: await this.lastId(presenceKey(planId)),
      target: null,
      tail: null,
      gapSince: null,
      repairing: false,
    };
    this.plans.set(planId, followed);
    return {
      attach: (target, loadedThrough) => {
        followed.target = target;
        followed.tail = new PlanTail(loadedThrough);
      },
      publish: (seqs, update) => this.publish(followed, seqs, update),
      publishAwareness: (update) => this.publishAwareness(followed, update),
      stop: () => {
        if (this.plans.get(planId) === followed) this.plans.delete(planId);
      },
    };
  }

  private async lastId(key: string): Promise<string> {
    if (!this.reader.isReady) return '0-0';
    try {
      const newest = (await this.reader.sendCommand(['XREVRANGE', key, '+', '-', 'COUNT', '1'])) as
        [string, string[]][] | null;
      return newest?.[0]?.[0] ?? '0-0';
    } catch {
      return '0-0';
    }
  }

  private publish(followed: Followed, seqs: readonly number[], update: Uint8Array): void {
    followed.tail?.committed(seqs);
    if (seqs.length === 0 || !this.writer.isReady) return;
    const from = Math.min(...seqs);
    const to = Math.max(...seqs);
    this.writer
      .sendCommand([
        'XADD',
        updatesKey(followed.planId),
        'MAXLEN',
        '~',
        String(this.streamLength),
        '*',
        'node',
        this.nodeId,
        'from',
        String(from),
        'to',
        String(to),
        'update',
        Buffer.from(update).toString('base64'),
      ])
      // lost news is repaired from PostgreSQL by the other nodes' polls
      .catch(() => undefined);
  }

  private publishAwareness(followed: Followed, update: Uint8Array): void {
    if (!this.writer.isReady) return;
    this.writer
      .sendCommand([
        'XADD',
        presenceKey(followed.planId),
        'MAXLEN',
        '~',
        '100',
        '*',
        'node',
        this.nodeId,
        'awareness',
        Buffer.from(update).toString('base64'),
      ])
      .catch(() => undefined);
  }

  private async read(): Promise<void> {
    while (!this.stopped) {
      const plans = [...this.plans.values()].filter((plan) => plan.target);
      if (plans.length === 0 || !this.reader.isReady) {
        await new Promise((resolve) => setTimeout(resolve, READ_BLOCK_MS));
        continue;
      }
      const keys = plans.flatMap((plan) => [updatesKey(plan.planId), presenceKey(plan.planId)]);
      const ids = plans.flatMap((plan) => [plan.updatesId, plan.presenceId]);
      let reply: [string, [string, string[]][]][] | null;
      try {
        reply = (await this.reader.sendCommand([
          'XREAD',
          'COUNT',
          '500',
          'BLOCK',
          String(READ_BLOCK_MS),
          'STREAMS',
          ...keys,
          ...ids,
        ])) as [string, [string, string[]][]][] | null;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, READ_BLOCK_MS));
        continue;
      }
      for (const [key, entries] of reply ?? []) this.deliver(key, entries);
    }
  }

  private deliver(key: string, entries: [string, string[]][]): void {
    const match = /^accord:plan:(.+):(updates|presence)$/.exec(key);
    if (!match) return;
    const plan = this.plans.get(match[1]!);
    if (!plan?.target || !plan.tail) return;
    for (const [id, flat] of entries) {
      const fields = new Map<string, string>();
      for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i]!, flat[i + 1]!);
      if (match[2] === 'presence') {
        plan.presenceId = id;
        const awareness = fields.get('awareness');
        if (fields.get('node') !== this.nodeId && awareness) {
          this.safely(plan, () =>
            plan.target?.applyRemoteAwareness(new Uint8Array(Buffer.from(awareness, 'base64'))),
          );
        }
        continue;
      }
      plan.updatesId = id;
      const from = Number(fields.get('from'));
      const to = Number(fields.get('to'));
      const update = fields.get('update');
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || !update) continue;
      if (plan.tail.receive(from, to) === TAIL_DECISIONS.apply) {
        this.safely(plan, () =>
          plan.target?.applyRemote(new Uint8Array(Buffer.from(update, 'base64'))),
        );
      }
    }
    this.noteGap(plan);
  }

  private safely(plan: Followed, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.options.log.error('applying an update from another node failed', {
        planId: plan.planId,
        error,
      });
    }
  }

  private noteGap(plan: Followed): void {
    if (!plan.tail?.hasGap) plan.gapSince = null;
    else plan.gapSince ??= performance.now();
  }

  /** Repairs gaps that stayed open, and asks PostgreSQL how far each plan's log reaches. */
  private async poll(): Promise<void> {
    const now = performance.now();
    const askPostgres = !this.healthy || now - this.lastPoll >= POLL_HEALTHY_MS;
    if (askPostgres) this.lastPoll = now;
    for (const plan of this.plans.values()) {
      if (!plan.tail || !plan.target || plan.repairing) continue;
      if (askPostgres) {
        const last = await this.options.source.lastSeq(plan.planId).catch(() => undefined);
        if (last !== undefined) plan.tail.saw(last);
        this.noteGap(plan);
        // while Redis is down nothing else will bring the news: repair at once
        if (!this.healthy && plan.tail.hasGap) plan.gapSince = now - GAP_GRACE_MS;
      }
      if (plan.gapSince !== null && now - plan.gapSince >= GAP_GRACE_MS) {
        await this.repair(plan);
      }
    }
  }

  private async repair(plan: Followed): Promise<void> {
    const tail = plan.tail;
    if (!tail) return;
    plan.repairing = true;
    try {
      const stored = await this.options.source.loadSince(plan.planId, tail.heldThrough);
      const through = stored.updates.at(-1)?.seq ?? stored.stateSeq;
      const parts = [
        ...(stored.state ? [stored.state] : []),
        ...stored.updates.map((u) => u.update),
      ];
      if (parts.length > 0) {
        this.safely(plan, () =>
          plan.target?.applyRemote(parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)),
        );
      }
      tail.repaired(through);
      this.noteGap(plan);
    } catch (error) {
      this.options.log.warn('repairing a plan from PostgreSQL failed; retrying', {
        planId: plan.planId,
        error,
      });
    } finally {
      plan.repairing = false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    await this.readLoop;
    await Promise.all(
      [this.writer, this.reader].map((redis) =>
        redis.isOpen ? redis.close().catch(() => undefined) : undefined,
      ),
    );
  }
}
