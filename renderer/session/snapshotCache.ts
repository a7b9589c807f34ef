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
    const parsed = JSON.parse(text) as Partial<PlanSnapshot>;
    // A light check: the cache is ours, but a damaged one must not break the open.
    return parsed && parsed.meta && Array.isArray(parsed.actions) && Array.isArray(parsed.orgs)
      ? (parsed as PlanSnapshot)
      : null;
  } catch {
    return null;
  }
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
