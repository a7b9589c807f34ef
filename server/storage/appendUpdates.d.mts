import type Database from 'better-sqlite3';
import type { UpdateToStore } from './store';

/**
 * Prepares the append transaction's body on `db` (run it inside `db.transaction`): stores each
 * update, coalescing its audit entry into its member's newest one when it touched the same things
 * within `auditCoalesceMs` (0: one entry per update). Returns the updates' sequence numbers.
 */
export function prepareAppend(
  db: Database.Database,
  auditCoalesceMs: number,
): (updates: readonly UpdateToStore[]) => number[];

/** The same actions, fields and parts (audit JSON columns), whatever order they were listed in. */
export function canonicalTouched(actionsJson: string, partsJson: string): string;
