// Background compaction: a plan's update log is folded into its compacted state on the store's
// replay worker (SqliteStore.loadMergedState) so the event loop that broadcasts edits never waits
// for it. A short log after a state is merged into it (Y.mergeUpdates reads the state once, a
// replay builds a document of it); a long one, or a plan never compacted, is replayed into a fresh
// Y.Doc, which is quicker for many small updates and drops deleted content
// (storedDocument.ts, MERGE_MAX_UPDATES).
// The log is folded in steps of at most `COMPACTION_STEP_UPDATES` entries, each committed on its
// own: a server killed every few seconds still makes progress, so its log (and with it the time a
// load takes) stays bounded. Each compaction may also keep a dated checkpoint for version history.
// A compaction holds the plan's compaction lease throughout, so nodes of a cluster take turns.
import { daysInMs } from '../../shared/calendar';
import type { Logger } from '../ops/log';
import type { Metrics } from '../ops/metrics';
import { DamagedPlanError } from './integrity';
import type { CheckpointStore, UpdateLog } from './store';

export interface CompactorOptions {
  readonly store: UpdateLog & CheckpointStore;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly checkpointEveryMs: number;
  readonly checkpointRetentionDays: number;
  readonly now?: () => number;
}

/**
 * Log entries folded per committed step: replaying 2,000 small updates onto a 10,000-action state
 * takes well under a second here, so a step finishes between kills that come every few seconds.
 */
export const COMPACTION_STEP_UPDATES = 2_000;

export class Compactor {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private closed = false;

  constructor(private readonly options: CompactorOptions) {}

  /** Compacts a plan soon; a request while one runs for the same plan runs once more after it. */
  request(planId: string): void {
    if (this.closed) return;
    if (this.running.has(planId)) {
      this.again.add(planId);
      return;
    }
    const run = this.compact(planId)
      .then(() => undefined)
      .catch((error: unknown) => {
        this.options.metrics.compactions.add(1, { outcome: 'failed' });
        // a damaged plan is logged once, by whoever found it (the store's onDamaged)
        if (!(error instanceof DamagedPlanError)) {
          this.options.log.error('compaction failed', { planId, error });
        }
      })
      .finally(() => {
        this.running.delete(planId);
        if (this.again.delete(planId)) this.request(planId);
      });
    this.running.set(planId, run);
  }

  /**
   * Compacts now, step by step, and resolves when done (the CLI, tests). Skipped, resolving
   * 'elsewhere', while another node holds the plan's compaction lease.
   */
  async compact(planId: string): Promise<'done' | 'elsewhere'> {
    const lease = await this.options.store.compactionLease(planId);
    if (!lease) {
      this.options.metrics.compactions.add(1, { outcome: 'elsewhere' });
      return 'elsewhere';
    }
    try {
      await this.fold(planId);
      return 'done';
    } finally {
      await lease.release();
    }
  }

  private async fold(planId: string): Promise<void> {
    const { store, metrics } = this.options;
    const now = (this.options.now ?? Date.now)();
    let folded: { seq: number; state: Uint8Array } | null = null;
    // bounded: each step folds at least one entry, and entries appended meanwhile wait for the
    // next compaction
    for (let target = Infinity; ;) {
      const merged = await store.loadMergedState(planId, COMPACTION_STEP_UPDATES);
      target = Math.min(target, merged.lastSeq);
      if (merged.seq === merged.stateSeq) break;
      await store.compact(planId, merged.state, merged.seq, now);
      metrics.compactions.add(1, { outcome: 'done' });
      folded = merged;
      if (merged.seq >= target) break;
    }
    if (!folded) return;
    const newest = (await store.listCheckpoints(planId))[0];
    if (!newest || now - newest.at >= this.options.checkpointEveryMs) {
      await store.addCheckpoint(planId, now, folded.seq, folded.state);
      if (this.options.checkpointRetentionDays > 0) {
        await store.pruneCheckpoints(now - daysInMs(this.options.checkpointRetentionDays));
      }
    }
  }

  /** Waits for running compactions. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running.values()]);
  }
}
