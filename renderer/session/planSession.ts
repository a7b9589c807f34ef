// One open plan: its Y.Doc, the local replica, the server link, undo of this user's own changes,
// presence, and the snapshotter that projects the doc into the store. Opening is immediate: the
// last cached snapshot (if any) is shown read-only while the replica loads; then the live doc
// takes over, editing is enabled and the server connection starts. On a first open of a server
// plan the server's snapshot stands in for the cache, and stays until the live doc has synced.
// Components get the Plan to call shared operations with; everything they read comes from the
// store.
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import * as meta from '../../shared/plan/meta';
import { migrate } from '../../shared/plan/migrations';
import { openPlan, planParts, type Plan } from '../../shared/plan/plan';
import type { PlanSnapshot } from '../../shared/plan/schema';
import { PlanSnapshotter } from '../../shared/plan/snapshot';
import { initialPlanState, usePlanStore, type Peer } from '../state/planStore';
import { updatePlan, type LocalPlanEntry, type LocalUser } from './localPlans';
import type { LocalReplica, LocalReplicaFactory } from './localReplica';
import { tokenOf } from './memberTokens';
import { myMembership } from './serverApi';
import { connectToServer, type ServerLink } from './serverLink';
import { fetchServerSnapshot } from './serverSnapshot';
import { readCachedSnapshot, writeCachedSnapshot } from './snapshotCache';

/** Keystrokes closer together than this undo as one step. */
const UNDO_CAPTURE_MS = 600;
/** Lets the first live rows paint before the server handshake runs. */
const CONNECT_AFTER_MS = 50;
/** The snapshot cache is refreshed this long after a change (then when the page is idle), so a
 * busy workshop pays for one JSON copy of the plan every few seconds at most. */
const CACHE_AFTER_MS = 3_000;

export interface PlanSession {
  readonly plan: Plan;
  readonly undo: Y.UndoManager;
  readonly awareness: Awareness;
  /** resolves once the live document is loaded and editable */
  readonly loaded: Promise<void>;
  /** everything this copy holds, as one Yjs update (to publish or save the plan elsewhere) */
  state(): Uint8Array;
  /** tells others which action and field this user is editing (null: none) */
  focus(target: { actionId: string; field: string } | null): void;
  /**
   * Takes back `step` as if it had never been made: undone, and not left to redo. Only while it
   * is still the last undo step; returns whether it was.
   */
  discardStep(step: unknown): boolean;
  close(): void;
}

export function openSession(
  entry: LocalPlanEntry,
  user: LocalUser,
  replicaFactory: LocalReplicaFactory,
): PlanSession {
  const doc = new Y.Doc();
  // No name is recorded when the user gave none; the UI names them (personName), never by an id.
  const plan = openPlan(doc, { actor: { id: user.id, name: user.name } });
  const canEdit = entry.server?.role !== 'viewer';
  const parts = planParts(doc);
  const undo = new Y.UndoManager(
    [parts.meta, parts.objectives, parts.actions, parts.orgs, parts.frameworks],
    { trackedOrigins: new Set([plan.origin]), captureTimeout: UNDO_CAPTURE_MS },
  );
  const snapshotter = new PlanSnapshotter(doc);
  let live = false;
  let closed = false;

  usePlanStore.setState({
    ...initialPlanState,
    planId: entry.planId,
    role: entry.server ? entry.server.role : 'local',
    organisation: entry.server ? user.org : null,
    sync: entry.server ? { kind: 'connecting', pending: 0 } : { kind: 'local', pending: 0 },
  });
  performance.mark('accord:open');
  // Fetched while the cache is read (on the desktop it comes from the keychain, over IPC).
  const token: Promise<string | null> = entry.server
    ? tokenOf(entry.planId, entry.server).catch(() => null)
    : Promise.resolve(null);
  // A first open of a server plan has no cached picture: the server's snapshot of the plan stands
  // in for it (serverSnapshot.ts), and the live document takes over once it has synced.
  const serverPicture = async (): Promise<PlanSnapshot | null> => {
    const member = entry.server && navigator.onLine ? await token : null;
    if (!entry.server || member === null || closed) return null;
    const snapshot = await fetchServerSnapshot(entry.server.url, entry.planId, member);
    if (snapshot) performance.mark('accord:server-snapshot');
    return snapshot;
  };
  let pictureFromServer = false;
  let replica: LocalReplica | null = null;
  let replicaLoaded: Promise<void> | null = null;
  const loadReplica = (): Promise<void> => {
    replica ??= replicaFactory(entry.planId, doc);
    return (replicaLoaded ??= replica.whenLoaded);
  };
  // The picture is painted before the replica starts loading: applying a large document holds
  // the main thread for a while, and the rows should already be on screen by then.
  const cacheShown = readCachedSnapshot(entry.planId).then(async (cached) => {
    performance.mark(cached ? 'accord:cache-read' : 'accord:cache-empty');
    // Nothing cached: the replica loads while the server's picture is fetched. On a first open it
    // holds nothing and loads at once; if it does hold the plan, the live document is near.
    if (!cached && entry.server && !closed) loadReplica().catch(() => {});
    const picture = cached ?? (await serverPicture());
    if (!picture || closed) return;
    pictureFromServer = !cached;
    usePlanStore.setState({ snapshot: picture });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });

  // The server closed our socket because an owner changed our role: ask it which role we hold
  // now, keep it with the plan, and let the screens follow (a viewer's become read-only).
  const roleChanged = async () => {
    const server = entry.server;
    const member = server ? await token : null;
    if (!server || member === null || closed) return;
    const me = await myMembership(server.url, entry.planId, member).catch(() => null);
    if (!me || closed) return;
    updatePlan(entry.planId, { server: { ...server, role: me.role } });
    usePlanStore.setState({ role: me.role, notice: { kind: 'role', role: me.role } });
  };

  let link: ServerLink | null = null;
  let onServerSynced = () => {};
  const serverSynced = new Promise<void>((resolve) => (onServerSynced = resolve));
  if (entry.server) {
    link = connectToServer({
      serverUrl: entry.server.url,
      planId: entry.planId,
      doc,
      storedState: entry.storedState,
      pendingEdits: entry.pendingEdits ?? [],
      readOnly: !canEdit,
      onState: (sync) => usePlanStore.setState({ sync }),
      onStored: (storedState) =>
        updatePlan(entry.planId, { storedState, lastSyncedAt: new Date().toISOString() }),
      onPendingEdits: (pendingEdits) => updatePlan(entry.planId, { pendingEdits }),
      onDenied: (reason) => usePlanStore.setState({ notice: { kind: 'server', text: reason } }),
      onRoleChanged: () => void roleChanged(),
      // The server creates a plan empty (the admin CLI names it): the first member who may edit
      // writes the meta with that name, so a plan joined before its owner opened it has its
      // title in every header and export.
      onSynced: () => {
        performance.mark('accord:server-synced');
        if (canEdit && entry.title && !parts.meta.has('id')) {
          meta.initialise(plan, {
            id: entry.planId,
            title: entry.title,
            languages: ['en', 'ru', 'tk'],
          });
        }
        onServerSynced();
      },
    });
  }
  // No token (a restart on a computer with no keychain): the plan stays usable here, offline, and
  // tokenOf has told the user to join again.
  let connecting = false;
  const connect = () => {
    if (!link || connecting || closed) return;
    connecting = true;
    const server = link;
    void token.then((member) => !closed && server.connect(member));
  };
  const awareness = link?.awareness ?? new Awareness(doc);
  awareness.setLocalStateField('user', {
    id: user.id,
    name: user.name,
    org: user.org,
    color: user.color,
  });
  const onPresence = () => usePlanStore.setState({ peers: peersOf(awareness) });
  awareness.on('change', onPresence);

  // Project the doc after each transaction; several in one task (a sync step) paint once.
  let scheduled = false;
  let cacheTimer: ReturnType<typeof setTimeout> | null = null;
  const saveCache = () => {
    cacheTimer = null;
    if (live) void writeCachedSnapshot(entry.planId, snapshotter.snapshot()).catch(() => {});
  };
  const project = () => {
    scheduled = false;
    if (closed) return;
    const snapshot = snapshotter.snapshot();
    publish(snapshot);
    cacheTimer ??= setTimeout(
      () => requestIdleCallback(saveCache, { timeout: CACHE_AFTER_MS }),
      CACHE_AFTER_MS,
    );
  };
  const publish = (snapshot: PlanSnapshot) => {
    usePlanStore.setState({ snapshot, canUndo: undo.canUndo(), canRedo: undo.canRedo() });
    if (canEdit && snapshot.meta.title && snapshot.meta.title !== entry.title) {
      updatePlan(entry.planId, { title: snapshot.meta.title, updatedAt: new Date().toISOString() });
    }
  };
  const onUpdate = () => {
    if (scheduled || !live) return;
    scheduled = true;
    queueMicrotask(project);
  };
  undo.on('stack-item-added', onUpdate);
  undo.on('stack-item-popped', onUpdate);
  const onHide = () => saveCache();
  window.addEventListener('pagehide', onHide);

  const loaded = cacheShown
    .then(() => {
      if (closed) return;
      return loadReplica();
    })
    .then(async () => {
      if (closed) return;
      performance.mark('accord:replica-loaded');
      if (pictureFromServer && !parts.meta.has('id')) {
        // Nothing of the plan on this computer yet: the server's picture stays, read-only, until
        // the live document has synced (an empty document must not replace it, nor take edits).
        usePlanStore.setState({ waitingForServer: true });
        connect();
        await serverSynced;
        if (closed) return;
      }
      // A local plan is created on this computer; a server plan's meta arrives from the server.
      if (canEdit && !parts.meta.has('id') && !entry.server) {
        meta.initialise(plan, {
          id: entry.planId,
          title: entry.title,
          languages: ['en', 'ru', 'tk'],
        });
      }
      if (canEdit && parts.meta.has('id')) migrate(plan);
      undo.clear();
      live = true;
      const first = snapshotter.snapshot();
      performance.mark('accord:first-snapshot');
      publish(first);
      usePlanStore.setState({ live: true });
      doc.on('update', onUpdate);
      if (link) setTimeout(connect, CONNECT_AFTER_MS);
      void writeCachedSnapshot(entry.planId, first).catch(() => {});
    });

  return {
    plan,
    undo,
    awareness,
    loaded,
    state: () => Y.encodeStateAsUpdate(doc),
    focus: (target) => awareness.setLocalStateField('focus', target),
    discardStep: (step) => {
      if (step === undefined || undo.undoStack[undo.undoStack.length - 1] !== step) return false;
      const redoable = undo.redoStack.length;
      undo.undo();
      if (undo.redoStack.length > redoable) undo.redoStack.pop();
      onUpdate();
      return true;
    },
    close: () => {
      closed = true;
      if (cacheTimer) clearTimeout(cacheTimer);
      if (live) void writeCachedSnapshot(entry.planId, snapshotter.snapshot()).catch(() => {});
      window.removeEventListener('pagehide', onHide);
      awareness.off('change', onPresence);
      doc.off('update', onUpdate);
      link?.destroy();
      if (!link) awareness.destroy();
      undo.destroy();
      snapshotter.destroy();
      replica?.destroy();
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
