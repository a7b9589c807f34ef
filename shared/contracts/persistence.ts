// The one interface through which the renderer keeps plans on this computer. Two implementations:
// IndexedDB (y-indexeddb) when the renderer runs as a web page, and the Electron main process's
// durable store (over a MessagePort) on the desktop.

export interface StoredPlanSummary {
  readonly planId: string;
  readonly title: string;
  /** the sync server this plan belongs to, or null for a local-only plan */
  readonly serverUrl: string | null;
  /** ISO timestamp of the last acknowledged sync with the server, or null */
  readonly lastSyncedAt: string | null;
  /** ISO timestamp of the last local write */
  readonly updatedAt: string;
}

export interface PlanPersistence {
  /** Every plan kept on this computer. */
  list(): Promise<readonly StoredPlanSummary[]>;
  /** Everything stored for a plan as one Yjs update, or null if nothing is stored. */
  load(planId: string): Promise<Uint8Array | null>;
  /** Appends one Yjs update; resolves only once it is durably stored. */
  append(planId: string, update: Uint8Array): Promise<void>;
  /** Records what the start screen lists about a plan (title, server, last sync). */
  describe(summary: StoredPlanSummary): Promise<void>;
  /** Removes a plan and everything stored for it from this computer. */
  remove(planId: string): Promise<void>;
}
