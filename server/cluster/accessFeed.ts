// "Member access changed (planId, memberId)" between Accord nodes: a node that removes a member,
// revokes an invite or changes a role publishes it on one Redis channel, and every node applies it
// to its own sockets at once. Pub/sub, not a stream: the message carries no data (each node reads
// the member from PostgreSQL), and one lost while Redis is down is covered by the revocation poll.
import { createClient } from 'redis';
import { z } from 'zod';
import type { Logger } from '../ops/log';

const CHANNEL = 'accord:access';
/** Reconnect delays to Redis: quick at first, at most 2 s apart (as the plan feed's). */
const RECONNECT_MAX_MS = 2_000;

const AccessMessage = z.object({ planId: z.string(), memberId: z.string() });
export type AccessChange = z.infer<typeof AccessMessage>;

function redisClient(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS),
    },
  });
}

export class AccessFeed {
  private readonly writer: ReturnType<typeof redisClient>;
  private readonly reader: ReturnType<typeof redisClient>;
  private listener: (change: AccessChange) => void = () => undefined;

  private constructor(
    url: string,
    private readonly log: Logger,
  ) {
    this.writer = redisClient(url);
    this.reader = redisClient(url);
    for (const redis of [this.writer, this.reader]) redis.on('error', () => undefined);
  }

  /** Connects and subscribes (or keeps trying in the background while Redis is down). */
  static async start(options: { url: string; log: Logger }): Promise<AccessFeed> {
    const feed = new AccessFeed(options.url, options.log);
    await Promise.all(
      [feed.writer, feed.reader].map((redis) =>
        redis.connect().catch((error: unknown) => {
          options.log.warn('redis unreachable; access changes reach other nodes by polling', {
            error,
          });
        }),
      ),
    );
    // node-redis resubscribes by itself after a reconnect
    await feed.reader.subscribe(CHANNEL, (message) => feed.receive(message)).catch(() => undefined);
    return feed;
  }

  /** What to do when any node (this one included) says a member's access changed. */
  onChange(listener: (change: AccessChange) => void): void {
    this.listener = listener;
  }

  publish(change: AccessChange): void {
    if (!this.writer.isReady) return;
    this.writer.publish(CHANNEL, JSON.stringify(change)).catch(() => undefined);
  }

  private receive(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = undefined;
    }
    const change = AccessMessage.safeParse(parsed);
    if (!change.success) {
      this.log.warn('ignored a malformed access message');
      return;
    }
    this.listener(change.data);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [this.writer, this.reader].map((redis) =>
        redis.isOpen ? redis.close().catch(() => undefined) : undefined,
      ),
    );
  }
}
