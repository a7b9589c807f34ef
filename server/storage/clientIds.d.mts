import type Database from 'better-sqlite3';
import type { ClientIdRecord } from './store';

/** Prepares the insert of client-id records on `db` (run it inside the append transaction); a
 * client id already recorded keeps its first member and time. */
export function prepareRecordClientIds(
  db: Database.Database,
): (records: readonly ClientIdRecord[]) => void;
