// One running workshop: the embedded sync server (the same `createAccordServer` as `npm run
// serve`) listening on the local network, the host's plan on it with everything the host has,
// the host as its owner, and one multi-use editor invite for the room.
//
// Runs in the main process rather than a utilityProcess: the server already keeps its slow work
// off the event loop (SQLite commits and compaction on worker threads), a workshop is at most a
// few hundred people, and in-process the host can create the plan, the owner and the invite
// directly on the store, with no second protocol to keep in step. Plain Node: tests run it as is.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { DEFAULT_LIMITS, type ServerConfig } from '../../server/ops/config';
import type { Logger } from '../../server/ops/log';
import { createInvite, hashSecret, memberForToken, newSecret } from '../../server/identity/members';
import { createAccordServer, type AccordServer } from '../../server/server';
import type { PlanStore, Touched } from '../../server/storage/store';
import { touchedBy } from '../../server/sync/touched';

/** Every interface: participants reach the host on whichever network they share with it. */
export const ALL_INTERFACES = '0.0.0.0';

/**
 * A workshop invite stops working after this long even if the host forgets to stop hosting: a
 * link photographed off a projector should not open the plan next week.
 */
export const WORKSHOP_INVITE_TTL_MS = 24 * 60 * 60 * 1000;

/** Shown to the owner in the plan's invite list, so they know where these members came from. */
export const WORKSHOP_INVITE_LABEL = 'workshop';

export interface WorkshopOptions {
  /** the plan's id on this computer; the hosted plan keeps it, so the local copy keeps syncing */
  readonly planId: string;
  readonly title: string;
  /** everything the host has of the plan (one Yjs update), or null for an empty plan */
  readonly state: Uint8Array | null;
  readonly host: {
    readonly name: string;
    readonly organisation: string;
    /** the host's token from an earlier workshop of this plan, if the app kept it */
    readonly token?: string;
  };
  /** where the server keeps its database (under the app's userData) */
  readonly dataDir: string;
  /** the renderer's web build, served to participants' browsers */
  readonly webRoot: string;
  /** the address to listen on: ALL_INTERFACES for a workshop, 127.0.0.1 in tests */
  readonly listenAddress: string;
  /** 0 picks a free port */
  readonly port: number;
  readonly log: Logger;
  readonly now?: () => number;
}

export interface Participant {
  readonly memberId: string;
  readonly name: string;
  readonly organisation: string;
  /** epoch ms */
  readonly joinedAt: number;
}

export interface WorkshopHost {
  readonly planId: string;
  readonly port: number;
  /** the multi-use editor invite's code (shown once, in the dialog and the link) */
  readonly inviteCode: string;
  /** the host's own membership: an owner token for the app's connection to this server */
  readonly hostMember: { readonly memberId: string; readonly token: string };
  /** people who joined with this workshop's invite, in the order they joined */
  participants(): Promise<Participant[]>;
  /** Revokes the invite (members keep their access to the plan), closes every socket, flushes
   * storage. Idempotent. */
  stop(): Promise<void>;
}

export async function startWorkshop(options: WorkshopOptions): Promise<WorkshopHost> {
  const now = options.now ?? Date.now;
  const config: ServerConfig = {
    host: options.listenAddress,
    port: options.port,
    dataDir: options.dataDir,
    publicUrl: undefined,
    webRoot: options.webRoot,
    limits: DEFAULT_LIMITS,
    logLevel: 'warn',
    // A host's laptop may lose power mid-workshop; acknowledged edits must survive that.
    sqliteSynchronous: 'full',
  };
  const server = createAccordServer(config, options.log);
  let port: number;
  try {
    port = await server.listen();
  } catch (error) {
    await server.close().catch(() => undefined);
    throw error;
  }
  try {
    const { store } = server;
    const at = now();
    if (!(await store.getPlan(options.planId))) {
      await store.createPlan({ id: options.planId, title: options.title, createdAt: at });
    }
    const member = await hostMembership(store, options.planId, options.host, at);
    if (options.state)
      await uploadMissing(store, options.planId, options.state, member.memberId, at);
    const { invite, code } = await createInvite(
      store,
      options.planId,
      {
        role: 'editor',
        maxUses: null,
        expiresAt: at + WORKSHOP_INVITE_TTL_MS,
        label: WORKSHOP_INVITE_LABEL,
        createdBy: member.memberId,
      },
      at,
    );
    return {
      planId: options.planId,
      port,
      inviteCode: code,
      hostMember: member,
      participants: async () =>
        (await store.listMembers(options.planId))
          .filter((m) => m.inviteId === invite.id && m.revokedAt === null)
          .sort((a, b) => a.createdAt - b.createdAt)
          .map((m) => ({
            memberId: m.id,
            name: m.name,
            organisation: m.organisation,
            joinedAt: m.createdAt,
          })),
      stop: stopOnce(server, async () => {
        // Members keep their access (their work is theirs); only new joins are refused.
        await store.revokeInvite(options.planId, invite.id, now(), false);
      }),
    };
  } catch (error) {
    await server.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The host's owner membership: the one from an earlier workshop when the app still holds its
 * token (so the members list shows the host once), else a new one.
 */
async function hostMembership(
  store: PlanStore,
  planId: string,
  host: WorkshopOptions['host'],
  at: number,
): Promise<{ memberId: string; token: string }> {
  if (host.token) {
    const known = await memberForToken(store, planId, host.token);
    if (known && known.role === 'owner' && known.revokedAt === null) {
      return { memberId: known.id, token: host.token };
    }
  }
  const token = newSecret();
  const member = await store.addMember({
    id: randomUUID(),
    planId,
    name: host.name,
    organisation: host.organisation,
    role: 'owner',
    inviteId: null,
    createdAt: at,
    tokenHash: hashSecret(token),
  });
  return { memberId: member.id, token };
}

function stopOnce(server: AccordServer, beforeClose: () => Promise<void>): () => Promise<void> {
  let stopped: Promise<void> | null = null;
  return () =>
    (stopped ??= (async () => {
      try {
        await beforeClose();
      } finally {
        await server.close();
      }
    })());
}

/**
 * Stores what the host has that the hosted plan lacks, as one update by the host: the first
 * workshop uploads the whole plan; a later one only what changed offline in between, so the audit
 * log does not claim the host rewrote everything each time.
 */
async function uploadMissing(
  store: PlanStore,
  planId: string,
  state: Uint8Array,
  memberId: string,
  at: number,
): Promise<void> {
  const hosted = new Y.Doc();
  try {
    const stored = await store.loadDocument(planId);
    if (stored.state) Y.applyUpdate(hosted, stored.state);
    for (const { update } of stored.updates) Y.applyUpdate(hosted, update);
    const missing = Y.diffUpdate(state, Y.encodeStateVector(hosted));
    let touched: Touched | null = null;
    hosted.on('afterTransaction', (transaction) => {
      touched = touchedBy(hosted, transaction);
    });
    Y.applyUpdate(hosted, missing);
    // Read through a function: TypeScript cannot see the callback above assign it.
    const change = (): Touched | null => touched;
    const changed = change();
    if (!changed || (changed.parts.length === 0 && Object.keys(changed.actions).length === 0)) {
      return;
    }
    await store.appendUpdates([{ planId, update: missing, memberId, at, touched: changed }]);
  } finally {
    hosted.destroy();
  }
}
