// Reads one plan's stored document from an SQLite connection and checks it: every blob against its
// checksum, the log for gaps (its entries after the compacted state run without a hole up to the
// plan's last sequence number), and SQLite's own corruption errors. Shared by the store (inline)
// and the replay worker (its own read connection).
import type Database from 'better-sqlite3';
import { checksumOf, DamagedPlanError, readingPlan } from './integrity';
import { mergeStored } from './storedDocument';
import type { MergedDocument, StoredDocument } from './store';

interface BlobRow {
  seq: number;
  data: Buffer;
  checksum: string | null;
}

const bytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export interface CheckedDocument extends StoredDocument {
  /** the plan's last sequence number (what the log must reach when read whole) */
  readonly lastSeq: number;
}

/** At most `maxUpdates` log entries after the state (all by default), each checked. */
export function readStoredDocument(
  db: Database.Database,
  planId: string,
  maxUpdates = Number.MAX_SAFE_INTEGER,
): CheckedDocument {
  return readingPlan(planId, () =>
    db.transaction((): CheckedDocument => {
      const plan = db.prepare('SELECT last_seq FROM plans WHERE id = ?').get(planId) as
        { last_seq: number } | undefined;
      const state = db
        .prepare('SELECT seq, data, checksum FROM states WHERE plan_id = ?')
        .get(planId) as BlobRow | undefined;
      if (state && state.checksum !== checksumOf(state.data)) {
        throw new DamagedPlanError(
          planId,
          `the compacted state (through ${state.seq}) fails its checksum`,
        );
      }
      const stateSeq = state?.seq ?? 0;
      const rows = db
        .prepare(
          'SELECT seq, data, checksum FROM updates WHERE plan_id = ? AND seq > ? ORDER BY seq LIMIT ?',
        )
        .all(planId, stateSeq, maxUpdates) as BlobRow[];
      const lastSeq = plan?.last_seq ?? rows.at(-1)?.seq ?? stateSeq;
      const expected = Math.min(lastSeq - stateSeq, maxUpdates);
      rows.forEach((row, index) => {
        if (row.seq !== stateSeq + 1 + index) {
          throw new DamagedPlanError(planId, `log entry ${stateSeq + 1 + index} is missing`);
        }
        if (row.checksum !== checksumOf(row.data)) {
          throw new DamagedPlanError(planId, `log entry ${row.seq} fails its checksum`);
        }
      });
      if (rows.length !== expected) {
        const missing = stateSeq + rows.length + 1;
        throw new DamagedPlanError(planId, `log entries from ${missing} to ${lastSeq} are missing`);
      }
      return {
        state: state ? bytes(state.data) : null,
        stateSeq,
        lastSeq,
        updates: rows.map((row) => ({ seq: row.seq, update: bytes(row.data) })),
      };
    })(),
  );
}

/** Reads, checks and replays: the plan as one state, folding at most `maxUpdates` entries. */
export function mergeStoredDocument(
  db: Database.Database,
  planId: string,
  maxUpdates?: number,
): MergedDocument {
  const stored = readStoredDocument(db, planId, maxUpdates);
  return mergeStored(planId, stored, stored.lastSeq);
}
