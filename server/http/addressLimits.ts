// A token bucket per client address, for join attempts, in a bounded least-recently-used table:
// past `capacity` addresses the one seen longest ago is forgotten, never the whole table (wiping
// it would hand every address a fresh allowance at once). Hand-written: a Map's insertion order
// is the LRU list in a few lines, and no LRU package is a dependency of the project.
import type { TokenBucket } from '../sync/tokenBucket';

export class AddressLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    /** addresses tracked at most (memory bound) */
    private readonly capacity: number,
    private readonly newBucket: () => TokenBucket,
  ) {}

  /** Takes one attempt from the address's bucket; says whether it had one. */
  take(address: string): boolean {
    let bucket = this.buckets.get(address);
    if (bucket) {
      this.buckets.delete(address);
    } else {
      bucket = this.newBucket();
      if (this.buckets.size >= this.capacity) {
        const oldest = this.buckets.keys().next();
        if (!oldest.done) this.buckets.delete(oldest.value);
      }
    }
    this.buckets.set(address, bucket);
    return bucket.take();
  }

  get size(): number {
    return this.buckets.size;
  }
}
