// The embedded default: one SQLite file in the server's data folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../ops/config';
import { SqliteStore, type SynchronousMode } from './sqliteStore';

/** The database file inside the data folder. */
export const DATABASE_FILE = 'accord.db';

export function openSqliteStore(
  dataDir: string,
  synchronous: SynchronousMode = 'full',
  auditCoalesceMs = DEFAULT_LIMITS.auditCoalesceMs,
): SqliteStore {
  mkdirSync(dataDir, { recursive: true });
  // With FULL, a commit waits for the disk, so it runs on the writer thread; with NORMAL it only
  // writes to the page cache (~30 us), cheaper inline than a round trip to a thread.
  return new SqliteStore({
    file: join(dataDir, DATABASE_FILE),
    writerThread: synchronous === 'full',
    synchronous,
    auditCoalesceMs,
  });
}
