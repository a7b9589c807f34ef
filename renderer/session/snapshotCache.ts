// The last snapshot of each plan, kept in IndexedDB as JSON so a large plan shows its rows at
// once while its Y.Doc loads (applying a 10,000-action document takes about a second). The UI is
// read-only until the live document is loaded; the cache is only ever a picture of the past.
import type { PlanSnapshot } from '../../shared/plan/schema';

const DATABASE = 'accord-snapshots';
const STORE = 'snapshots';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let database: Promise<IDBDatabase> | null = null;
const db = () => (database ??= open());

/** The cached snapshot, or null when there is none or it cannot be read. */
export async function readCachedSnapshot(planId: string): Promise<PlanSnapshot | null> {
  try {
    const text = await new Promise<unknown>((resolve, reject) => {
      void db().then((opened) => {
        const request = opened.transaction(STORE, 'readonly').objectStore(STORE).get(planId);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      }, reject);
    });
    if (typeof text !== 'string') return null;
    const parsed: unknown = JSON.parse(text);
    return looksLikeSnapshot(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A light check of a picture shown read-only until the live document takes over (this cache, or
 * the server's snapshot on a first open): a damaged one must not break the open. The full schema
 * check would cost more than the picture saves on a large plan.
 */
export function looksLikeSnapshot(value: unknown): value is PlanSnapshot {
  const snapshot = value as Partial<PlanSnapshot> | null;
  return (
    typeof snapshot === 'object' &&
    snapshot !== null &&
    typeof snapshot.meta === 'object' &&
    snapshot.meta !== null &&
    Array.isArray(snapshot.objectives) &&
    Array.isArray(snapshot.actions) &&
    Array.isArray(snapshot.orgs) &&
    Array.isArray(snapshot.customFrameworks)
  );
}

export async function writeCachedSnapshot(planId: string, snapshot: PlanSnapshot): Promise<void> {
  const text = JSON.stringify(snapshot);
  const opened = await db();
  await new Promise<void>((resolve, reject) => {
    const transaction = opened.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).put(text, planId);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}

export async function forgetCachedSnapshot(planId: string): Promise<void> {
  const opened = await db();
  opened.transaction(STORE, 'readwrite').objectStore(STORE).delete(planId);
}
