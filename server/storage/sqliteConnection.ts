// Opens an SQLite connection with the store's settings: the store's own, its writer thread's and
// the replay worker's must agree (WAL, busy timeout, synchronous mode, a size cap if any).
import Database from 'better-sqlite3';

export type SynchronousMode = 'full' | 'normal';

/** How long a writer waits for another connection's lock (the CLI, a backup) before failing. */
export const BUSY_TIMEOUT_MS = 5_000;

export interface ConnectionSettings {
  readonly file: string;
  readonly synchronous: SynchronousMode;
  /** caps the database at this many pages (tests simulate a full disk with it); none by default */
  readonly maxPageCount?: number | undefined;
  readonly readonly?: boolean;
}

export function openConnection(settings: ConnectionSettings): Database.Database {
  const db = new Database(settings.file, {
    readonly: settings.readonly ?? false,
    fileMustExist: settings.readonly ?? false,
  });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!settings.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${settings.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      if (settings.maxPageCount !== undefined) {
        db.pragma(`max_page_count = ${settings.maxPageCount}`);
      }
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
