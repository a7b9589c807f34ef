// The one module of the server that main/ may import (lint enforces it): the sync server embedded
// in the desktop app to host a workshop. It starts the same server as `npm run serve`, hosts a
// plan on it with the host as its owner, and makes and closes invites, without main/ knowing the
// server's storage, identity or sync internals.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { Role } from '../shared/contracts/api';
import { createInvite, hashSecret, memberForToken, newSecret } from './identity/members';
import { DEFAULT_LIMITS, type ServerConfig } from './ops/config';
import type { Logger } from './ops/log';
import { createAccordServer } from './server';
import type { MemberRecord, PlanStore, Touched } from './storage/store';
import { loadStoredDocument } from './storage/storedDocument';
import { touchedBy } from './sync/touched';

export { DEFAULT_PORT } from './ops/config';
export { createLogger, type Logger } from './ops/log';
export { SERVER_WORKERS } from './workers';

export interface EmbeddedServerOptions {
  /** the address to listen on (every interface for a workshop, 127.0.0.1 in tests) */
  readonly host: string;
  /** 0 picks a free port */
  readonly port: number;
  /** where the server keeps its database */
  readonly dataDir: string;
  /** the renderer's web build, served to participants' browsers */
  readonly webRoot: string;
  readonly log: Logger;
}

/** A plan to host: its id and title, and everything the host has of it. */
export interface HostedPlan {
  readonly planId: string;
  readonly title: string;
  /** one Yjs update, or null for an empty plan */
  readonly state: Uint8Array | null;
  readonly host: {
    readonly name: string;
    readonly organisation: string;
    /** the host's token from an earlier hosting of this plan, if the app kept it */
    readonly token?: string;
  };
}

export interface EmbeddedInvite {
  readonly role: Role;
  /** null: unlimited */
  readonly maxUses: number | null;
  /** epoch ms, or null for never */
  readonly expiresAt: number | null;
  readonly label: string;
  readonly createdBy: string | null;
}

export interface EmbeddedServer {
  readonly port: number;
  /**
   * Creates the plan if the server lacks it, makes the host its owner (the earlier membership
   * when the host's token is still good, so the members list shows the host once) and stores what
   * the host has that the server lacks. Returns the host's membership.
   */
  hostPlan(plan: HostedPlan, at: number): Promise<{ memberId: string; token: string }>;
  /** A new invite; its code is returned once. */
  createInvite(
    planId: string,
    invite: EmbeddedInvite,
    at: number,
  ): Promise<{ inviteId: string; code: string }>;
  /** Stops an invite working; the members who joined with it keep their access. */
  closeInvite(planId: string, inviteId: string, at: number): Promise<void>;
  /** The plan's members still in it who joined with an invite, in the order they joined. */
  membersJoinedWith(planId: string, inviteId: string): Promise<MemberRecord[]>;
  /** Graceful stop: closes every socket, stores everything. Idempotent. */
  close(): Promise<void>;
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const config: ServerConfig = {
    host: options.host,
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
  const { store } = server;
  return {
    port,
    hostPlan: async (plan, at) => {
      if (!(await store.getPlan(plan.planId))) {
        await store.createPlan({ id: plan.planId, title: plan.title, createdAt: at });
      }
      const member = await hostMembership(store, plan.planId, plan.host, at);
      if (plan.state) await uploadMissing(store, plan.planId, plan.state, member.memberId, at);
      return member;
    },
    createInvite: async (planId, invite, at) => {
      const created = await createInvite(store, planId, invite, at);
      return { inviteId: created.invite.id, code: created.code };
    },
    closeInvite: async (planId, inviteId, at) => {
      await store.revokeInvite(planId, inviteId, at, false);
    },
    membersJoinedWith: async (planId, inviteId) =>
      (await store.listMembers(planId))
        .filter((m) => m.inviteId === inviteId && m.revokedAt === null)
        .sort((a, b) => a.createdAt - b.createdAt),
    close: () => server.close(),
  };
}

async function hostMembership(
  store: PlanStore,
  planId: string,
  host: HostedPlan['host'],
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

/**
 * Stores what the host has that the hosted plan lacks, as one update by the host: the first
 * hosting uploads the whole plan; a later one only what changed offline in between, so the audit
 * log does not claim the host rewrote everything each time.
 */
async function uploadMissing(
  store: PlanStore,
  planId: string,
  state: Uint8Array,
  memberId: string,
  at: number,
): Promise<void> {
  const hosted = await loadStoredDocument(store, planId);
  try {
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
