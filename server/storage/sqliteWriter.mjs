// The SQLite store's writer thread (sqliteStore.ts, `writerThread: true`): appends update batches
// with their (coalesced) audit entries in one transaction each (appendUpdates.mjs, shared with the
// inline store), and writes compacted states and checkpoints. A commit with synchronous=FULL waits for the
// disk (fsync: ~1 ms typical, 30 ms at the tail here), and better-sqlite3 is synchronous, so on the
// main thread every commit would stall every connection; here it stalls nothing, and updates that
// arrive meanwhile form the next batch (group commit). `synchronous` is the store's setting. Plain JavaScript so Node runs it without a
// TypeScript loader; it must stay equivalent to SqliteStore's inline append (the storage contract
// suite runs against both).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareAppend } from './appendUpdates.mjs';
import { prepareRecordClientIds } from './clientIds.mjs';

const db = new Database(workerData.file);
db.pragma(`busy_timeout = ${workerData.busyTimeoutMs}`);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${workerData.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);

const appendBody = prepareAppend(db, workerData.auditCoalesceMs);
const recordClientIds = prepareRecordClientIds(db);
const append = db.transaction((updates, clientIds) => {
  recordClientIds(clientIds);
  return appendBody(updates);
});

const currentState = db.prepare('SELECT seq FROM states WHERE plan_id = ?');
const upsertState = db.prepare(
  `INSERT INTO states (plan_id, seq, data, compacted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (plan_id) DO UPDATE SET seq = excluded.seq, data = excluded.data,
     compacted_at = excluded.compacted_at`,
);
const deleteCompacted = db.prepare('DELETE FROM updates WHERE plan_id = ? AND seq <= ?');
const compact = db.transaction(({ planId, state, throughSeq, at }) => {
  const current = currentState.get(planId);
  // A slower compaction must never replace a newer one.
  if (current && current.seq >= throughSeq) return;
  upsertState.run(planId, throughSeq, state, at);
  deleteCompacted.run(planId, throughSeq);
});
const insertCheckpoint = db.prepare(
  'INSERT INTO checkpoints (plan_id, at, seq, data) VALUES (?, ?, ?, ?)',
);
/** Every write the store sends here; each answers with its result. */
const WRITES = {
  append: (message) => append(message.updates, message.clientIds ?? []),
  compact: (message) => compact(message),
  checkpoint: ({ planId, at, seq, state }) => {
    insertCheckpoint.run(planId, at, seq, state);
  },
};

parentPort?.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort?.postMessage({ closed: true });
    return;
  }
  try {
    const write = WRITES[message.kind];
    if (!write) throw new Error(`unknown write ${message.kind}`);
    parentPort?.postMessage({ id: message.id, result: write(message) ?? null });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: String(error) });
  }
});
