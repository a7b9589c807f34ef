// Admission under floods ([S16], [G8]): who may open a connection, and how many new client ids a
// connection may bring. Budgets are per address and server-wide, so one address (or one token)
// cannot use up what everybody shares: a flood is turned away at the upgrade, before a token is
// looked up or a plan touched, and costs other plans a counter check per attempt.
import type { Limits } from '../ops/config';
import type { ClientIdBudget } from './connection';
import { TokenBucket } from './tokenBucket';

export type AdmissionLimits = Pick<
  Limits,
  | 'admissionsPerSecond'
  | 'admissionBurst'
  | 'addressAdmissionsPerSecond'
  | 'addressAdmissionBurst'
  | 'maxConnections'
  | 'maxConnectionsPerAddress'
  | 'maxConnectionsPerMember'
  | 'newClientIdsPerSecond'
  | 'newClientIdsPerSecondPerAddress'
>;

/** A refusal at the upgrade: the HTTP status and the label counted in metrics. */
export interface Refusal {
  readonly status: 429 | 503;
  readonly reason: string;
}

/** Bursts of new client ids, in seconds of their rate. */
const CLIENT_ID_BURST_SECONDS = 10;
/** Per-address buckets untouched this long are full again and are forgotten. */
const FORGET_AFTER_MS = 60_000;

/** Token buckets by key, forgetting idle ones so a spread of addresses cannot grow memory. */
class KeyedBuckets {
  private readonly buckets = new Map<string, { bucket: TokenBucket; used: number }>();
  private sweptAt: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.sweptAt = now();
  }

  take(key: string, cost: number): boolean {
    const now = this.now();
    if (now - this.sweptAt > FORGET_AFTER_MS) {
      for (const [k, entry] of this.buckets) {
        if (now - entry.used > FORGET_AFTER_MS) this.buckets.delete(k);
      }
      this.sweptAt = now;
    }
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.rate, this.burst, this.now), used: now };
      this.buckets.set(key, entry);
    }
    entry.used = now;
    return entry.bucket.take(cost);
  }
}

export class Admission {
  private readonly admissions: TokenBucket;
  private readonly addressAdmissions: KeyedBuckets;
  private readonly clientIds: TokenBucket;
  private readonly addressClientIds: KeyedBuckets;
  private readonly perAddress = new Map<string, number>();
  private readonly perMember = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly limits: AdmissionLimits,
    now: () => number = () => performance.now(),
  ) {
    this.admissions = new TokenBucket(limits.admissionsPerSecond, limits.admissionBurst, now);
    this.addressAdmissions = new KeyedBuckets(
      limits.addressAdmissionsPerSecond,
      limits.addressAdmissionBurst,
      now,
    );
    this.clientIds = new TokenBucket(
      limits.newClientIdsPerSecond,
      limits.newClientIdsPerSecond * CLIENT_ID_BURST_SECONDS,
      now,
    );
    this.addressClientIds = new KeyedBuckets(
      limits.newClientIdsPerSecondPerAddress,
      limits.newClientIdsPerSecondPerAddress * CLIENT_ID_BURST_SECONDS,
      now,
    );
  }

  /**
   * A connection attempt from `address`, before its token is read: the address's own budget first
   * (so it cannot drain the shared one), then the server's; the excess is asked to retry (the
   * provider backs off with jitter). Counted from here until the returned `leave` is called.
   */
  arrive(address: string): Refusal | (() => void) {
    if (!this.addressAdmissions.take(address, 1)) return { status: 503, reason: 'busy_address' };
    if (!this.admissions.take()) return { status: 503, reason: 'busy' };
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) {
      return { status: 429, reason: 'too_many_from_address' };
    }
    if (this.total >= this.limits.maxConnections) return { status: 503, reason: 'server_full' };
    count(this.perAddress, address, 1);
    this.total += 1;
    let counted = true;
    return () => {
      if (!counted) return;
      counted = false;
      count(this.perAddress, address, -1);
      this.total -= 1;
    };
  }

  /** A member's connection, once the token is known; undefined: too many with this token. */
  member(memberId: string): (() => void) | undefined {
    if ((this.perMember.get(memberId) ?? 0) >= this.limits.maxConnectionsPerMember)
      return undefined;
    count(this.perMember, memberId, 1);
    let counted = true;
    return () => {
      if (counted) count(this.perMember, memberId, -1);
      counted = false;
    };
  }

  /** The new-client-id budget a connection from `address` draws on. */
  clientIdBudget(address: string): ClientIdBudget {
    return {
      take: (n) => this.addressClientIds.take(address, n) && this.clientIds.take(n),
    };
  }
}

function count(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
