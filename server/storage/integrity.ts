// What storage checks before it trusts a stored blob (DESIGN.md, Sync server: "every stored blob
// carries a checksum; a plan whose storage is damaged is refused, never served smaller"). Shared
// by the store, its writer thread and the replay worker.
import { createHash } from 'node:crypto';

/** The checksum stored beside every blob (log entries, compacted states, checkpoints). */
export function checksumOf(blob: Uint8Array): string {
  return createHash('sha256').update(blob).digest('hex');
}

/**
 * A plan whose stored data failed a check: a blob whose checksum does not match, a missing log
 * entry, a page SQLite cannot read, a log that leaves Yjs waiting for structs it never gets. Such
 * a plan is never served, compacted or overwritten until `repair` rebuilds it.
 */
export class DamagedPlanError extends Error {
  override readonly name = 'DamagedPlanError';
  constructor(
    readonly planId: string,
    /** what failed, for the log, /readyz and the administrator */
    readonly reason: string,
  ) {
    super(`plan ${planId} storage is damaged: ${reason}`);
  }
}

/** What members and HTTP clients of a damaged plan are told (close reason, 503 message). */
export const DAMAGED_REASON =
  "This plan's stored data is damaged; the server's administrator must repair it. Your copy is kept.";

/** SQLite's own verdict that the file is not a (readable) database. */
const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX']);

export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CORRUPTION_CODES.has(code);
}

/** Runs a read of one plan's blobs; SQLite's corruption errors become the plan's damage. */
export function readingPlan<T>(planId: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isCorruption(error)) {
      throw new DamagedPlanError(planId, `the database cannot be read (${String(error)})`);
    }
    throw error;
  }
}
