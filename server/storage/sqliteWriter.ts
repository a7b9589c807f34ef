// The SQLite store's writer thread (sqliteStore.ts, `writerThread: true`): appends update batches
// with their (coalesced) audit entries in one transaction each, and writes compacted states and
// checkpoints (sqliteWrites.ts, shared with the inline store). A commit with synchronous=FULL
// waits for the disk (fsync: ~1 ms typical, 30 ms at the tail here), and better-sqlite3 is
// synchronous, so on the main thread every commit would stall every connection; here it stalls
// nothing, and updates that arrive meanwhile form the next batch (group commit).
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { openConnection, type ConnectionSettings } from './sqliteConnection';
import { prepareWrites, type SqliteWrites } from './sqliteWrites';

export type WriterData = ConnectionSettings & { readonly auditCoalesceMs: number };

export type WriterMessage =
  | ({ readonly id: number } & (
      | {
          readonly kind: 'append';
          readonly updates: Parameters<SqliteWrites['append']>[0];
          readonly clientIds?: Parameters<SqliteWrites['append']>[1];
        }
      | ({ readonly kind: 'compact' } & Parameters<SqliteWrites['compact']>[0])
      | ({ readonly kind: 'checkpoint' } & Parameters<SqliteWrites['checkpoint']>[0])
      | { readonly kind: 'probe' }
    ))
  | { readonly close: true };

export type WriterAnswer =
  | {
      readonly id: number;
      readonly result?: unknown;
      readonly error?: string;
      readonly code?: string;
    }
  | { readonly closed: true };

const settings = workerData as WriterData;
const db: Database.Database = openConnection(settings);
const writes = prepareWrites(db, settings.auditCoalesceMs);

const answer = (message: WriterAnswer) => parentPort?.postMessage(message);

parentPort?.on('message', (message: WriterMessage) => {
  if ('close' in message) {
    db.close();
    answer({ closed: true });
    return;
  }
  try {
    const result =
      message.kind === 'append'
        ? writes.append(message.updates, message.clientIds ?? [])
        : message.kind === 'compact'
          ? writes.compact(message)
          : message.kind === 'checkpoint'
            ? writes.checkpoint(message)
            : writes.probe();
    answer({ id: message.id, result: result ?? null });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    answer({ id: message.id, error: String(error), ...(typeof code === 'string' ? { code } : {}) });
  }
});
