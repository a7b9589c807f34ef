// Restores a plan to one of its saved checkpoints for the HTTP API and the admin CLI. The restore
// is a new change on top (shared/plan/restoreVersion.ts), made by the restoring member: through
// the loaded room when there is one (stored, audited and sent live to every connected copy, as
// any member's update), else appended to storage with its audit entry. The plan as it was just
// before is kept as a checkpoint first, so restoring that one undoes the restore.
import * as Y from 'yjs';
import { openPlan, type Actor } from '../../shared/plan/plan';
import { restoreVersion, type RestoredChanges } from '../../shared/plan/restoreVersion';
import { snapshotOf } from '../../shared/plan/snapshot';
import type { AuditTrail, CheckpointStore, Touched, UpdateLog } from '../storage/store';
import { loadStoredDocument } from '../storage/storedDocument';
import type { RoomPeer } from '../sync/room';
import type { Rooms } from '../sync/rooms';
import { touchedBy } from '../sync/touched';

/** A checkpoint the plan does not have; says which. */
export class RestoreRequestError extends Error {}

export interface RestoreTarget {
  readonly store: CheckpointStore & UpdateLog & AuditTrail;
  /** the server's loaded plans; the CLI has none and writes to storage */
  readonly rooms?: Rooms;
}

export interface RestoredCheckpoint {
  readonly checkpointId: number;
  /** the checkpoint of the plan as it was just before: restoring it undoes this restore */
  readonly undoCheckpointId: number;
  readonly changed: RestoredChanges;
}

/** The origin of the restore's update in the room: the restoring member, with no socket. */
function restorerPeer(memberId: string): RoomPeer {
  return { memberId, wantsAcks: false, send: () => undefined, close: () => undefined };
}

export async function restoreCheckpoint(
  target: RestoreTarget,
  planId: string,
  checkpointId: number,
  restorer: Actor,
  now: Date = new Date(),
): Promise<RestoredCheckpoint> {
  const { store, rooms } = target;
  const saved = await store.readCheckpoint(planId, checkpointId);
  if (!saved) throw new RestoreRequestError(`this plan has no checkpoint ${checkpointId}`);
  const versionDoc = new Y.Doc();
  Y.applyUpdate(versionDoc, saved);
  const version = snapshotOf(versionDoc);

  const room = rooms ? await rooms.acquire(planId) : undefined;
  try {
    const doc = room ? room.doc : await loadStoredDocument(store, planId);
    const at = now.getTime();
    const newest = (await store.history(planId, 1))[0];
    await store.addCheckpoint(
      planId,
      at,
      newest?.lastSeq ?? newest?.seq ?? 0,
      Y.encodeStateAsUpdate(doc),
    );
    const undoCheckpointId = (await store.listCheckpoints(planId))[0]?.id ?? checkpointId;

    // Computed on a copy with its own client id, then applied as that member's update.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    const changed = restoreVersion(openPlan(copy, { actor: restorer, now: () => now }), version);
    const update = Y.encodeStateAsUpdate(copy, before);
    const didChange =
      changed.meta || changed.actions + changed.objectives + changed.organisations > 0;
    if (didChange && room) {
      room.applyUpdate(restorerPeer(restorer.id), update, [copy.clientID]);
      await new Promise<void>((resolve) => room.afterStored(resolve));
    } else if (didChange) {
      let touched: Touched = { actions: {}, parts: [] };
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        touched = touchedBy(doc, transaction);
      });
      Y.applyUpdate(doc, update, restorer);
      await store.appendUpdates(
        [{ planId, update, memberId: restorer.id, at, touched }],
        [{ planId, clientId: copy.clientID, memberId: restorer.id, at }],
      );
    }
    return { checkpointId, undoCheckpointId, changed };
  } finally {
    if (room) rooms?.release(room);
  }
}
