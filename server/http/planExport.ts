// Exports a stored plan for the HTTP API and the admin CLI: reads the plan (the live document if
// it is loaded, else storage), resolves "changes since" a date or a saved checkpoint, and hands
// the snapshot to shared/exports, which produces the file.
import * as Y from 'yjs';
import { todayIn } from '../../shared/calendar';
import { exportPlan, type ExportedFile } from '../../shared/exports/exportPlan';
import type { ExportQuery } from '../../shared/contracts/api';
import { snapshotOf } from '../../shared/plan/snapshot';
import type { PlanSnapshot } from '../../shared/plan/schema';
import type { Rooms } from '../sync/rooms';
import type { CheckpointStore, PlanCatalog, UpdateLog } from '../storage/store';
import { loadStoredDocument } from '../storage/storedDocument';

/** A request the server cannot turn into a report (unknown checkpoint); says why. */
export class ExportRequestError extends Error {}

export interface ExportSource {
  readonly store: PlanCatalog & UpdateLog & CheckpointStore;
  /** loaded plans, whose live document is newer than storage by at most the unflushed batch */
  readonly rooms?: Rooms;
}

export async function exportStoredPlan(
  source: ExportSource,
  planId: string,
  query: ExportQuery,
  now: Date = new Date(),
): Promise<ExportedFile> {
  const live = source.rooms?.room(planId);
  const stored = snapshotOf(live ? live.doc : await loadStoredDocument(source.store, planId));
  // A plan nobody who may edit has opened yet has no meta: its name is the one it was created with.
  const snapshot = stored.meta.title
    ? stored
    : {
        ...stored,
        meta: { ...stored.meta, title: (await source.store.getPlan(planId))?.title ?? '' },
      };
  const changesSince = query.since ? await sinceOf(source.store, planId, query.since) : undefined;
  return exportPlan(snapshot, {
    format: query.format,
    language: query.lang,
    today: todayIn(undefined, now),
    generatedAt: now.toISOString(),
    ...(query.from && query.to ? { period: { from: query.from, to: query.to } } : {}),
    ...(changesSince ? { changesSince } : {}),
    includeIds: query.ids ?? false,
  });
}

async function sinceOf(
  store: CheckpointStore,
  planId: string,
  since: string,
): Promise<string | PlanSnapshot> {
  if (!since.startsWith('checkpoint:')) return since;
  const id = Number(since.slice('checkpoint:'.length));
  const state = await store.readCheckpoint(planId, id);
  if (!state) throw new ExportRequestError(`this plan has no checkpoint ${id}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return snapshotOf(doc);
}
