// Member tokens (personal; the server keeps only their hashes) behind one seam, chosen once: in
// the browser the token stays with the plan's entry in the page's storage (a web page has no
// keychain); on the desktop the main process keeps it in the OS keychain (safeStorage,
// main/secrets/tokenStore.ts) and the page holds it only in memory, for this session, while the
// plan list keeps none. A token an older desktop version left in the plan list is moved to the
// keychain the first time tokens are read.
import { create } from 'zustand';
import type { DesktopApi, StoredToken } from '../../shared/contracts/ipc';
import { DESKTOP_API_GLOBAL } from '../../shared/contracts/desktopGlobal';
import * as localPlans from './localPlans';
import type { JoinedPlan } from './serverApi';
import type { LocalPlanEntry, ServerMembership } from './localPlans';

/** Which membership a token belongs to: one per plan per server. */
export interface TokenKey {
  readonly serverUrl: string;
  readonly planId: string;
}

export interface TokenKeeper {
  /** the token kept for this membership, or null when there is none */
  get(key: TokenKey): Promise<string | null>;
  /** `persisted` is false when the token lasts only until the app closes (no keychain) */
  keep(key: TokenKey, token: string): Promise<StoredToken>;
  forget(key: TokenKey): Promise<void>;
}

/** What the desktop keeper needs of the preload's API. */
export type DesktopTokenApi = Pick<
  DesktopApi,
  'getMemberToken' | 'setMemberToken' | 'forgetMemberToken'
>;

/** The browser: the token sits beside the membership in the plan list, as it always has. */
export function pageStorageTokens(): TokenKeeper {
  return {
    get: ({ planId, serverUrl }) => Promise.resolve(localPlans.storedToken(planId, serverUrl)),
    keep: ({ planId, serverUrl }, token) => {
      localPlans.storeToken(planId, serverUrl, token);
      return Promise.resolve({ persisted: true });
    },
    forget: ({ planId, serverUrl }) =>
      Promise.resolve(localPlans.dropStoredToken(planId, serverUrl)),
  };
}

/**
 * The desktop: the keychain through the preload, and a copy in memory for this session. Tokens in
 * the plan list (written by older versions) move to the keychain before the first read; one that
 * cannot be moved (the call failed) is still used, stays where it was and is tried again at the
 * next start.
 */
export function desktopTokens(
  api: DesktopTokenApi,
  onSessionOnly: () => void = () => undefined,
): TokenKeeper {
  const known = new Map<string, string>();
  const idOf = (key: TokenKey) => `${new URL(key.serverUrl).href} ${key.planId}`;

  const keep = async (key: TokenKey, token: string): Promise<StoredToken> => {
    const stored = await api.setMemberToken(
      { serverUrl: key.serverUrl, planId: key.planId },
      token,
    );
    known.set(idOf(key), token);
    if (!stored.persisted) onSessionOnly();
    return stored;
  };

  let migration: Promise<void> | null = null;
  const migrated = () =>
    (migration ??= (async () => {
      for (const legacy of localPlans.storedTokens()) {
        // Usable this session whether or not the keychain takes it.
        known.set(idOf(legacy), legacy.token);
        try {
          await keep(legacy, legacy.token);
          localPlans.dropStoredToken(legacy.planId, legacy.serverUrl);
        } catch {
          // left in place; the next start tries again
        }
      }
    })());

  return {
    get: async (key) => {
      await migrated();
      const remembered = known.get(idOf(key));
      if (remembered !== undefined) return remembered;
      const token = await api.getMemberToken({ serverUrl: key.serverUrl, planId: key.planId });
      if (token !== null) known.set(idOf(key), token);
      return token;
    },
    keep: async (key, token) => {
      await migrated();
      return keep(key, token);
    },
    forget: async (key) => {
      await migrated();
      known.delete(idOf(key));
      await api.forgetMemberToken({ serverUrl: key.serverUrl, planId: key.planId });
    },
  };
}

/** The desktop keeper when the preload offers the token capabilities, else the page's storage. */
export function chooseTokenKeeper(
  global: Record<string, unknown> = globalThis as Record<string, unknown>,
): TokenKeeper {
  const api = global[DESKTOP_API_GLOBAL] as Partial<DesktopTokenApi> | undefined;
  if (api?.getMemberToken && api.setMemberToken && api.forgetMemberToken) {
    return desktopTokens(api as DesktopTokenApi, () => tellOnce('sessionOnly'));
  }
  return pageStorageTokens();
}

let chosen: TokenKeeper | null = null;

/** This app's keeper, chosen on first use (the preload has run by then). */
export function memberTokens(): TokenKeeper {
  return (chosen ??= chooseTokenKeeper());
}

function keyOf(planId: string, server: ServerMembership): TokenKey {
  return { serverUrl: server.url, planId };
}

/** The token of a plan's membership, or null (then the user must join again). */
export async function tokenOf(
  planId: string,
  server: ServerMembership,
  keeper: TokenKeeper = memberTokens(),
): Promise<string | null> {
  const token = await keeper.get(keyOf(planId, server));
  if (token === null) tellOnce('rejoin');
  return token;
}

/** Like tokenOf, for server calls that cannot go on without one. */
export async function requireToken(
  planId: string,
  server: ServerMembership,
  keeper: TokenKeeper = memberTokens(),
): Promise<string> {
  const token = await tokenOf(planId, server, keeper);
  if (token === null) throw new Error('this computer holds no member token for this plan');
  return token;
}

/**
 * Saves a plan of a server on this computer: its entry in the plan list and its member token. The
 * entry is saved first (the browser keeps the token in it); if the token cannot be kept the entry
 * is put back as it was, so no membership is left without its token.
 */
export async function saveServerPlan(
  entry: LocalPlanEntry & { readonly server: ServerMembership },
  token: string,
  keeper: TokenKeeper = memberTokens(),
): Promise<StoredToken> {
  const previous = localPlans.findPlan(entry.planId);
  localPlans.savePlan(entry);
  try {
    const stored = await keeper.keep(keyOf(entry.planId, entry.server), token);
    if (previous?.server && previous.server.url !== entry.server.url) {
      await keeper.forget(keyOf(entry.planId, previous.server)).catch(() => undefined);
    }
    return stored;
  } catch (error) {
    if (previous) localPlans.savePlan(previous);
    else localPlans.forgetPlan(entry.planId);
    throw error;
  }
}

/** A membership a server just granted (joining with an invite), saved as this plan's entry. */
export function saveJoinedPlan(
  serverUrl: string,
  joined: JoinedPlan,
  title: string,
  keeper: TokenKeeper = memberTokens(),
): Promise<StoredToken> {
  return saveServerPlan(
    {
      planId: joined.planId,
      title,
      server: { url: serverUrl, memberId: joined.memberId, role: joined.role },
      lastSyncedAt: null,
      storedState: null,
      updatedAt: new Date().toISOString(),
    },
    joined.token,
    keeper,
  );
}

/** Removes a plan from this computer's list, and its member token wherever it is kept. */
export async function forgetPlanAndToken(
  planId: string,
  keeper: TokenKeeper = memberTokens(),
): Promise<void> {
  const server = localPlans.findPlan(planId)?.server;
  // The list entry goes even if the keychain cannot be reached: the user asked for it.
  if (server) await keeper.forget(keyOf(planId, server)).catch(() => undefined);
  localPlans.forgetPlan(planId);
}

/** What the app must tell the user about where their memberships are kept, once a session. */
export type MembershipNotice =
  /** no keychain: tokens last until the app closes, then the user joins again */
  | 'sessionOnly'
  /** a plan's token is gone (a restart without a keychain): join it again */
  | 'rejoin';

export const useMembershipNotice = create<{ readonly notice: MembershipNotice | null }>(() => ({
  notice: null,
}));

const told = new Set<MembershipNotice>();

function tellOnce(notice: MembershipNotice): void {
  if (told.has(notice)) return;
  told.add(notice);
  useMembershipNotice.setState({ notice });
}
