// Which of a plan's log entries this node's copy holds, by sequence number, so a node following a
// plan through the Redis stream can skip duplicates, accept entries out of order, and notice a
// gap that it must repair from PostgreSQL. Pure: the caller applies, fetches and waits.

/** What to do with an entry of the stream. */
export const TAIL_DECISIONS = {
  /** every sequence number in it is already held (a duplicate, our own, or loaded) */
  skip: 'skip',
  /** it holds something new: apply it (Yjs merges in any order) */
  apply: 'apply',
} as const;
export type TailDecision = keyof typeof TAIL_DECISIONS;

export class PlanTail {
  /** every sequence number up to here is held */
  private contiguous: number;
  /** held sequence numbers above `contiguous` (entries that arrived before earlier ones) */
  private readonly ahead = new Set<number>();
  /** the highest sequence number known to exist (from the stream or PostgreSQL) */
  private newest: number;

  /** `loadedThrough`: the last sequence number folded into the document the node loaded */
  constructor(loadedThrough: number) {
    this.contiguous = loadedThrough;
    this.newest = loadedThrough;
  }

  /** Everything up to this sequence number is held. */
  get heldThrough(): number {
    return this.contiguous;
  }

  /** True when some sequence number up to the newest known one is not held. */
  get hasGap(): boolean {
    return this.newest > this.contiguous;
  }

  /** An entry carrying sequence numbers `from`..`to` (inclusive) arrived. */
  receive(from: number, to: number): TailDecision {
    this.saw(to);
    let fresh = false;
    for (let seq = Math.max(from, this.contiguous + 1); seq <= to; seq++) {
      if (!this.ahead.has(seq)) fresh = true;
    }
    if (!fresh) return TAIL_DECISIONS.skip;
    this.hold(from, to);
    return TAIL_DECISIONS.apply;
  }

  /** This node committed these sequence numbers itself (its copy already holds them). */
  committed(seqs: readonly number[]): void {
    for (const seq of seqs) this.hold(seq, seq);
  }

  /** Another source says the plan's log reaches `seq` (PostgreSQL's last sequence number). */
  saw(seq: number): void {
    if (seq > this.newest) this.newest = seq;
  }

  /** A repair applied the compacted state and log through `seq`: all of it is held now. */
  repaired(seq: number): void {
    this.hold(this.contiguous + 1, seq);
    this.saw(seq);
  }

  private hold(from: number, to: number): void {
    for (let seq = Math.max(from, this.contiguous + 1); seq <= to; seq++) this.ahead.add(seq);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous += 1;
  }
}
