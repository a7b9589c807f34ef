// The plan's rows on a first open: this computer holds nothing of a server plan yet (no cached
// snapshot, an empty replica), so the server's plain snapshot of it (GET /api/plans/:id/snapshot,
// server/http/planSnapshots.ts) is painted read-only while the live document syncs. A plan of 10,000
// actions is 8.4 MB as one Yjs update and about a second of applying on the main thread; its
// snapshot is 0.4 MB gzipped and tens of milliseconds to parse. The picture is never written
// anywhere (not even the snapshot cache): the live document replaces it.
import type { PlanSnapshot } from '../../shared/plan/schema';
import { looksLikeSnapshot } from './snapshotCache';

/** Past this the open goes on without the picture; the live document comes anyway. */
const FETCH_TIMEOUT_MS = 5_000;

/** API_PATHS.snapshot (shared/http.ts), written out here: that module brings its validator (zod)
 * into the first screen's bundle. A test keeps the two the same. */
export function serverSnapshotUrl(serverUrl: string, planId: string): string {
  return `${serverUrl.replace(/\/$/, '')}/api/plans/${encodeURIComponent(planId)}/snapshot`;
}

/**
 * The plan's snapshot from its server, or null when there is none to show: offline, refused, timed
 * out, not a snapshot, or not yet a plan (the server creates a plan empty; its owner's first client
 * writes the meta).
 */
export async function fetchServerSnapshot(
  serverUrl: string,
  planId: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<PlanSnapshot | null> {
  try {
    const response = await fetchImpl(serverSnapshotUrl(serverUrl, planId), {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const snapshot: unknown = await response.json();
    return looksLikeSnapshot(snapshot) && snapshot.meta.id === planId ? snapshot : null;
  } catch {
    return null;
  }
}
