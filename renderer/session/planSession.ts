// One open plan: its Y.Doc, the local replica, the server link, undo of this user's own changes,
// presence, and the snapshotter that projects the doc into the store. Components get the Plan to
// call shared operations with; everything they read comes from the store.
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import * as meta from '../../shared/plan/meta';
import { migrate } from '../../shared/plan/migrations';
import { openPlan, planParts, type Plan } from '../../shared/plan/plan';
import { PlanSnapshotter } from '../../shared/plan/snapshot';
import { initialPlanState, usePlanStore, type Peer } from '../state/planStore';
import { updatePlan, type LocalPlanEntry, type LocalUser } from './localPlans';
import type { LocalReplicaFactory } from './localReplica';
import { connectToServer, type ServerLink } from './serverLink';

/** Keystrokes closer together than this undo as one step. */
const UNDO_CAPTURE_MS = 600;

export interface PlanSession {
  readonly plan: Plan;
  readonly undo: Y.UndoManager;
  readonly awareness: Awareness;
  /** tells others which action and field this user is editing (null: none) */
  focus(target: { actionId: string; field: string } | null): void;
  close(): void;
}

export async function openSession(
  entry: LocalPlanEntry,
  user: LocalUser,
  replicaFactory: LocalReplicaFactory,
): Promise<PlanSession> {
  const doc = new Y.Doc();
  const replica = replicaFactory(entry.planId, doc);
  await replica.whenLoaded;
  // Marks for the benchmark (tests/bench/renderer.bench.ts) and for anyone profiling an open.
  performance.mark('accord:replica-loaded');
  const plan = openPlan(doc, { actor: { id: user.id, name: user.name || user.id.slice(0, 8) } });
  const canEdit = entry.server?.role !== 'viewer';
  // A local plan is created on this computer; a server plan's meta arrives from the server (its
  // owner's first client writes it).
  if (canEdit && !planParts(doc).meta.has('id') && !entry.server) {
    meta.initialise(plan, { id: entry.planId, title: entry.title, languages: ['en', 'ru', 'tk'] });
  }
  if (canEdit && planParts(doc).meta.has('id')) migrate(plan);

  const snapshotter = new PlanSnapshotter(doc);
  const parts = planParts(doc);
  const undo = new Y.UndoManager(
    [parts.meta, parts.objectives, parts.actions, parts.orgs, parts.frameworks],
    { trackedOrigins: new Set([plan.origin]), captureTimeout: UNDO_CAPTURE_MS },
  );

  const first = snapshotter.snapshot();
  performance.mark('accord:first-snapshot');
  usePlanStore.setState({
    ...initialPlanState,
    planId: entry.planId,
    role: entry.server ? entry.server.role : 'local',
    snapshot: first,
  });

  // Project the doc after each transaction; several in one task (a sync step) paint once.
  let scheduled = false;
  const project = () => {
    scheduled = false;
    const snapshot = snapshotter.snapshot();
    usePlanStore.setState({
      snapshot,
      canUndo: undo.canUndo(),
      canRedo: undo.canRedo(),
    });
    if (canEdit && snapshot.meta.title && snapshot.meta.title !== entry.title) {
      updatePlan(entry.planId, { title: snapshot.meta.title, updatedAt: new Date().toISOString() });
    }
  };
  const onUpdate = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(project);
  };
  doc.on('update', onUpdate);
  const onStack = () => onUpdate();
  undo.on('stack-item-added', onStack);
  undo.on('stack-item-popped', onStack);

  let link: ServerLink | null = null;
  if (entry.server) {
    link = connectToServer({
      serverUrl: entry.server.url,
      planId: entry.planId,
      token: entry.server.token,
      doc,
      storedState: entry.storedState,
      onState: (sync) => usePlanStore.setState({ sync }),
      onStored: (storedState) =>
        updatePlan(entry.planId, { storedState, lastSyncedAt: new Date().toISOString() }),
      onDenied: (reason) => usePlanStore.setState({ notice: reason }),
      // The server creates a plan empty; its owner's first client writes the meta.
      onSynced: () => {
        if (entry.server?.role === 'owner' && !planParts(doc).meta.has('id')) {
          meta.initialise(plan, {
            id: entry.planId,
            title: entry.title,
            languages: ['en', 'ru', 'tk'],
          });
        }
      },
    });
  }
  const awareness = link?.awareness ?? new Awareness(doc);
  awareness.setLocalStateField('user', {
    id: user.id,
    name: user.name,
    org: user.org,
    color: user.color,
  });
  const onPresence = () => usePlanStore.setState({ peers: peersOf(awareness) });
  awareness.on('change', onPresence);

  return {
    plan,
    undo,
    awareness,
    focus: (target) => awareness.setLocalStateField('focus', target),
    close: () => {
      awareness.off('change', onPresence);
      doc.off('update', onUpdate);
      link?.destroy();
      if (!link) awareness.destroy();
      undo.destroy();
      snapshotter.destroy();
      replica.destroy();
      doc.destroy();
      usePlanStore.setState(initialPlanState);
    },
  };
}

function peersOf(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = (state as { user?: Partial<Peer> }).user;
    if (!user || typeof user.id !== 'string') continue;
    const focus = (state as { focus?: Peer['focus'] }).focus ?? null;
    peers.push({
      clientId,
      id: user.id,
      name: typeof user.name === 'string' ? user.name : '',
      org: typeof user.org === 'string' ? user.org : '',
      color: typeof user.color === 'string' ? user.color : '#888',
      focus: focus && typeof focus.actionId === 'string' ? focus : null,
    });
  }
  return peers;
}
