// The replay worker (sqliteStore.ts, loadMergedState): reads a plan's stored document on its own
// read connection, checks every blob (sqliteDocument.ts) and replays the state and its log into
// one state, so neither the reading, the checks nor Yjs's replay (seconds for a long log or an
// inflated state) ever run on the event loop that serves every plan.
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { DamagedPlanError } from './integrity';
import { openConnection, type ConnectionSettings } from './sqliteConnection';
import { mergeStoredDocument } from './sqliteDocument';
import { chunkState, LOAD_CHUNK_STRUCTS } from './stateChunks';
import type { MergedDocument } from './store';

export interface ReplayRequest {
  readonly id: number;
  readonly planId: string;
  readonly maxUpdates?: number | undefined;
}

export type ReplayAnswer =
  | { readonly id: number; readonly merged: MergedDocument }
  | { readonly id: number; readonly error: string; readonly damaged?: string };

let db: Database.Database | null = null;

parentPort?.on('message', ({ id, planId, maxUpdates }: ReplayRequest) => {
  let answer: ReplayAnswer;
  try {
    db ??= openConnection({ ...(workerData as ConnectionSettings), readonly: true });
    const merged = mergeStoredDocument(db, planId, maxUpdates);
    // a whole plan is being loaded into a room (a step of a compaction stops early)
    answer = {
      id,
      merged:
        maxUpdates === undefined
          ? { ...merged, chunks: chunkState(merged.state, LOAD_CHUNK_STRUCTS) }
          : merged,
    };
  } catch (error) {
    answer =
      error instanceof DamagedPlanError
        ? { id, error: error.message, damaged: error.reason }
        : { id, error: String(error) };
  }
  const transfer =
    'merged' in answer
      ? [answer.merged.state, ...(answer.merged.chunks ?? [])].map(
          (bytes) => bytes.buffer as ArrayBuffer,
        )
      : [];
  parentPort?.postMessage(answer, transfer);
});
