// Every write of plan data the SQLite store makes, prepared on one connection: the store's own
// (inline) or its writer thread's (sqliteWriter.ts), so the two cannot drift apart. Each blob is
// stored with its checksum (integrity.ts).
import type Database from 'better-sqlite3';
import { prepareAppend } from './appendUpdates';
import { checksumOf } from './integrity';
import type { ClientIdRecord, UpdateToStore } from './store';

export interface CompactWrite {
  readonly planId: string;
  readonly state: Uint8Array;
  readonly throughSeq: number;
  readonly at: number;
}

export interface CheckpointWrite {
  readonly planId: string;
  readonly at: number;
  readonly seq: number;
  readonly state: Uint8Array;
}

export interface SqliteWrites {
  /** Stores the updates and records the client ids they introduce, in one transaction. */
  append(updates: readonly UpdateToStore[], clientIds: readonly ClientIdRecord[]): number[];
  /** Replaces the compacted state and drops the log entries it folds in. */
  compact(write: CompactWrite): void;
  checkpoint(write: CheckpointWrite): void;
  /** Writes and removes a page-sized row: fails (SQLITE_FULL, SQLITE_READONLY...) when a write would. */
  probe(): void;
}

/** Bigger than a page, so the probe needs a page of its own, as a real write would. */
const PROBE_BYTES = 8192;

export function prepareWrites(db: Database.Database, auditCoalesceMs: number): SqliteWrites {
  const currentState = db.prepare('SELECT seq FROM states WHERE plan_id = ?');
  const upsertState = db.prepare(
    `INSERT INTO states (plan_id, seq, data, compacted_at, checksum) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (plan_id) DO UPDATE SET seq = excluded.seq, data = excluded.data,
       compacted_at = excluded.compacted_at, checksum = excluded.checksum`,
  );
  const deleteCompacted = db.prepare('DELETE FROM updates WHERE plan_id = ? AND seq <= ?');
  const insertCheckpoint = db.prepare(
    'INSERT INTO checkpoints (plan_id, at, seq, data, checksum) VALUES (?, ?, ?, ?, ?)',
  );
  const insertProbe = db.prepare('INSERT INTO probe (data) VALUES (zeroblob(?))');
  const deleteProbe = db.prepare('DELETE FROM probe');
  const appendBody = prepareAppend(db, auditCoalesceMs);
  // which member introduced each client id, kept with the updates that brought them, so the
  // record costs no commit (no fsync) of its own
  const insertClientId = db.prepare(
    'INSERT OR IGNORE INTO client_ids (plan_id, client_id, member_id, at) VALUES (?, ?, ?, ?)',
  );
  return {
    append: db.transaction(
      (updates: readonly UpdateToStore[], clientIds: readonly ClientIdRecord[]) => {
        for (const r of clientIds) insertClientId.run(r.planId, r.clientId, r.memberId, r.at);
        return appendBody(updates);
      },
    ),
    compact: db.transaction(({ planId, state, throughSeq, at }: CompactWrite) => {
      const current = currentState.get(planId) as { seq: number } | undefined;
      // A slower compaction must never replace a newer one.
      if (current && current.seq >= throughSeq) return;
      upsertState.run(planId, throughSeq, state, at, checksumOf(state));
      deleteCompacted.run(planId, throughSeq);
    }),
    checkpoint: ({ planId, at, seq, state }: CheckpointWrite) => {
      insertCheckpoint.run(planId, at, seq, state, checksumOf(state));
    },
    probe: db.transaction(() => {
      insertProbe.run(PROBE_BYTES);
      deleteProbe.run();
    }),
  };
}
