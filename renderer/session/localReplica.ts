// The plan's copy on this computer, behind one seam (DESIGN.md, Architecture): IndexedDB through
// y-indexeddb when the renderer is a web page, or the desktop's durable store (a PlanPersistence
// reached through the preload API) in Electron. Chosen once at startup.
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { PlanPersistence } from '../../shared/persistence';
import { usePlanStore } from '../state/planStore';
import { DESKTOP_GLOBAL_NAME } from './desktopGlobal';

export interface LocalReplica {
  /** resolves once everything stored has been applied to the doc */
  readonly whenLoaded: Promise<void>;
  destroy(): void;
}

export type LocalReplicaFactory = (planId: string, doc: Y.Doc) => LocalReplica;

/** y-indexeddb keeps the doc in a database named after the plan and writes every update. */
export function indexedDbReplica(planId: string, doc: Y.Doc): LocalReplica {
  const persistence = new IndexeddbPersistence(`accord-plan-${planId}`, doc);
  return {
    whenLoaded: persistence.whenSynced.then(() => undefined),
    destroy: () => void persistence.destroy(),
  };
}

/**
 * Any PlanPersistence (the desktop store): load once, then append each update as it happens. A
 * failed append is reported (the change is still in memory and on the server, if any).
 */
export function persistenceReplica(
  persistence: PlanPersistence,
  onError: (error: unknown) => void,
): LocalReplicaFactory {
  return (planId, doc) => {
    const origin = { kind: 'local-replica', planId } as const;
    const onUpdate = (update: Uint8Array, from: unknown) => {
      if (from !== origin) persistence.append(planId, update).catch(onError);
    };
    const whenLoaded = persistence.load(planId).then((stored) => {
      if (stored) Y.applyUpdate(doc, stored, origin);
      doc.on('update', onUpdate);
    });
    return { whenLoaded, destroy: () => doc.off('update', onUpdate) };
  };
}

/** Removes a plan's IndexedDB copy (the start screen's "remove from this computer"). */
export async function clearIndexedDbReplica(planId: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(`accord-plan-${planId}`);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** What this module needs of the preload's API (shared/ipc.ts, DESKTOP_API_GLOBAL). */
interface DesktopBridge {
  readonly connectPlanStore?: () => Promise<unknown>;
}

/**
 * The desktop's durable store when the preload offers one (handed over as a MessagePort, see
 * shared/ipcPlanStore.ts), else IndexedDB. If the desktop store cannot be reached the app says so
 * rather than silently keeping plans somewhere else.
 */
export async function chooseLocalReplica(): Promise<LocalReplicaFactory> {
  const bridge = (globalThis as Record<string, unknown>)[DESKTOP_GLOBAL_NAME] as
    DesktopBridge | undefined;
  if (!bridge?.connectPlanStore) return indexedDbReplica;
  // Loaded only on the desktop: the store's protocol brings its validators (zod) with it.
  const { connectDesktopPlanStore } = await import('../../shared/ipcPlanStore');
  const connect = bridge.connectPlanStore.bind(bridge);
  const persistence = await connectDesktopPlanStore(connect, window);
  return persistenceReplica(persistence, (error) =>
    usePlanStore.setState({
      notice: { kind: 'storage', text: error instanceof Error ? error.message : String(error) },
    }),
  );
}
