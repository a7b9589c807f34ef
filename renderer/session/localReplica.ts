// The plan's copy on this computer, behind one seam (same build for both): IndexedDB through
// y-indexeddb when the renderer is a web page, or the desktop's durable store (a PlanPersistence
// reached through the preload API) in Electron. Chosen once at startup.
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import type { PlanPersistence } from '../../shared/contracts/persistence';
import { usePlanStore } from '../state/planStore';
import { DESKTOP_API_GLOBAL } from '../../shared/contracts/desktopGlobal';

export interface LocalReplica {
  /** resolves once everything stored has been applied to the doc */
  readonly whenLoaded: Promise<void>;
  destroy(): void;
}

export type LocalReplicaFactory = (planId: string, doc: Y.Doc) => LocalReplica;

const indexedDbName = (planId: string) => `accord-plan-${planId}`;

/** y-indexeddb keeps the doc in a database named after the plan and writes every update. */
export function indexedDbReplica(planId: string, doc: Y.Doc): LocalReplica {
  const persistence = new IndexeddbPersistence(indexedDbName(planId), doc);
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

/**
 * Where this computer keeps plans: each open plan's replica, whole states written in (publishing a
 * plan under the server's id), and removal. One implementation per platform, chosen at startup.
 */
export interface LocalStore {
  readonly open: LocalReplicaFactory;
  /** Merges a whole plan state into this computer's copy of `planId`; resolves once stored. */
  seed(planId: string, state: Uint8Array): Promise<void>;
  /** Removes a plan and everything stored for it from this computer. */
  remove(planId: string): Promise<void>;
}

export const indexedDbStore: LocalStore = {
  open: indexedDbReplica,
  async seed(planId, state) {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(indexedDbName(planId), doc);
    try {
      await persistence.whenSynced;
      Y.applyUpdate(doc, state);
      await storeState(persistence, true);
    } finally {
      await persistence.destroy();
      doc.destroy();
    }
  },
  remove: (planId) =>
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(indexedDbName(planId));
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    }),
};

/** The desktop's durable store (or any PlanPersistence) as this computer's store. */
export function persistenceStore(
  persistence: PlanPersistence,
  onError: (error: unknown) => void,
): LocalStore {
  return {
    open: persistenceReplica(persistence, onError),
    // A whole state is one more update for the log: merging is Yjs's job on the next load.
    seed: (planId, state) => persistence.append(planId, state),
    remove: (planId) => persistence.remove(planId),
  };
}

/** What this module needs of the preload's API (shared/contracts/desktopGlobal.ts). */
interface DesktopBridge {
  readonly connectPlanStore?: () => Promise<unknown>;
}

/**
 * The desktop's durable store when the preload offers one (handed over as a MessagePort, see
 * shared/contracts/ipcPlanStore.ts), else IndexedDB. If the desktop store cannot be reached the app says so
 * rather than silently keeping plans somewhere else.
 */
async function chooseLocalStore(): Promise<LocalStore> {
  const bridge = (globalThis as Record<string, unknown>)[DESKTOP_API_GLOBAL] as
    DesktopBridge | undefined;
  if (!bridge?.connectPlanStore) return indexedDbStore;
  // Loaded only on the desktop: the store's protocol brings its validators (zod) with it.
  const { connectDesktopPlanStore } = await import('../../shared/contracts/ipcPlanStore');
  const connect = bridge.connectPlanStore.bind(bridge);
  const persistence = await connectDesktopPlanStore(connect, window);
  return persistenceStore(persistence, (error) =>
    usePlanStore.setState({
      notice: { kind: 'storage', text: error instanceof Error ? error.message : String(error) },
    }),
  );
}

let chosen: Promise<LocalStore> | null = null;

/** This computer's store, chosen on first use and the same for the rest of the page's life. */
export function localStore(): Promise<LocalStore> {
  return (chosen ??= chooseLocalStore());
}
