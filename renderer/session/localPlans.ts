// The list of plans kept on this computer, for the start screen: local-only plans and plans of a
// sync server. Small and read at startup, so it lives in localStorage; the plans' contents live in
// the local replica (IndexedDB or the desktop store). Member tokens are not part of an entry as the
// app sees it: they go through a TokenKeeper (memberTokens.ts). In the browser that keeper stores
// the token beside the membership here (there is no keychain); on the desktop none is kept here,
// and a token an older version left here is moved to the keychain (storedTokens, dropStoredToken).
import type { Language } from '../../shared/frameworks/types';
import type { Role } from '../../shared/contracts/api';
import type { PendingEditRecord } from './syncState';

export interface ServerMembership {
  /** http(s) origin of the sync server, e.g. https://accord.example.org */
  readonly url: string;
  readonly memberId: string;
  readonly role: Role;
}

export interface LocalPlanEntry {
  readonly planId: string;
  readonly title: string;
  readonly server: ServerMembership | null;
  /** ISO timestamp of the last "stored" acknowledgement from the server */
  readonly lastSyncedAt: string | null;
  /** the server's last acknowledged state vector, base64, so a reload offline still counts what is unsent */
  readonly storedState: string | null;
  /** edits made here that the server had not stored yet (PendingEdits), so a reload offline still
   * counts them; absent in entries written before this was kept */
  readonly pendingEdits?: readonly PendingEditRecord[];
  readonly updatedAt: string;
}

const KEY = 'accord.plans.v1';

/** An entry as stored: in the browser (and in entries of older versions) the membership also
 * holds its token. */
type StoredEntry = LocalPlanEntry & {
  readonly server: (ServerMembership & { readonly token?: unknown }) | null;
};

function read(): StoredEntry[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  } catch {
    return [];
  }
}

function write(entries: readonly StoredEntry[]): void {
  localStorage.setItem(KEY, JSON.stringify(entries));
}

function isEntry(value: unknown): value is StoredEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.planId === 'string' && typeof entry.title === 'string';
}

/** The entry as the app sees it: the membership without its token, whatever is stored. */
function withoutToken(entry: StoredEntry): LocalPlanEntry {
  if (!entry.server) return entry;
  const { url, memberId, role } = entry.server;
  return { ...entry, server: { url, memberId, role } };
}

export function listPlans(): LocalPlanEntry[] {
  return read()
    .map(withoutToken)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function findPlan(planId: string): LocalPlanEntry | undefined {
  const entry = read().find((stored) => stored.planId === planId);
  return entry && withoutToken(entry);
}

/** Saves an entry; a token stored with the same membership (same plan, same server) stays. */
export function savePlan(entry: LocalPlanEntry): void {
  const entries = read();
  const token = tokenOf(entries, entry.planId, entry.server?.url);
  const others = entries.filter((existing) => existing.planId !== entry.planId);
  const stored = withoutToken(entry);
  write([
    ...others,
    stored.server && token !== null ? { ...stored, server: { ...stored.server, token } } : stored,
  ]);
}

export function updatePlan(planId: string, changes: Partial<Omit<LocalPlanEntry, 'planId'>>): void {
  const existing = findPlan(planId);
  if (existing) savePlan({ ...existing, ...changes });
}

export function forgetPlan(planId: string): void {
  write(read().filter((entry) => entry.planId !== planId));
}

function tokenOf(
  entries: readonly StoredEntry[],
  planId: string,
  serverUrl: string | undefined,
): string | null {
  const server = entries.find((entry) => entry.planId === planId)?.server;
  return server && server.url === serverUrl && typeof server.token === 'string' && server.token
    ? server.token
    : null;
}

/** The token stored with a plan's membership of this server, or null. */
export function storedToken(planId: string, serverUrl: string): string | null {
  return tokenOf(read(), planId, serverUrl);
}

/** Stores a token with the plan's membership of this server, which must be saved already. */
export function storeToken(planId: string, serverUrl: string, token: string): void {
  const entries = read();
  const entry = entries.find((stored) => stored.planId === planId);
  const server = entry?.server;
  if (!entry || !server || server.url !== serverUrl) {
    throw new Error(`no membership of ${serverUrl} is saved for plan ${planId}`);
  }
  const updated = { ...entry, server: { ...server, token } };
  write(entries.map((stored) => (stored === entry ? updated : stored)));
}

/** Removes the token stored with a plan's membership of this server, if any. */
export function dropStoredToken(planId: string, serverUrl: string): void {
  write(
    read().map((entry) =>
      entry.planId === planId && entry.server?.url === serverUrl ? withoutToken(entry) : entry,
    ),
  );
}

/** Every token stored in the plan list (the browser's, or those older versions left). */
export function storedTokens(): { planId: string; serverUrl: string; token: string }[] {
  return read().flatMap((entry) =>
    entry.server && typeof entry.server.token === 'string' && entry.server.token
      ? [{ planId: entry.planId, serverUrl: entry.server.url, token: entry.server.token }]
      : [],
  );
}

/** Who is using this computer: shown to others as presence and recorded on comments. */
export interface LocalUser {
  readonly id: string;
  readonly name: string;
  readonly org: string;
  readonly color: string;
  readonly language: Language | null;
}

const USER_KEY = 'accord.user.v1';
/** Presence colours with enough contrast on both themes. */
const COLORS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626'];

export function localUser(): LocalUser {
  try {
    const raw = JSON.parse(localStorage.getItem(USER_KEY) ?? 'null') as Partial<LocalUser> | null;
    if (raw && typeof raw.id === 'string') {
      return {
        id: raw.id,
        name: typeof raw.name === 'string' ? raw.name : '',
        org: typeof raw.org === 'string' ? raw.org : '',
        color: typeof raw.color === 'string' ? raw.color : COLORS[0]!,
        language: raw.language ?? null,
      };
    }
  } catch {
    // a damaged entry is replaced below
  }
  const id = crypto.randomUUID();
  const user: LocalUser = {
    id,
    name: '',
    org: '',
    color: COLORS[id.charCodeAt(0) % COLORS.length]!,
    language: null,
  };
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  return user;
}

export function saveLocalUser(changes: Partial<Omit<LocalUser, 'id'>>): LocalUser {
  const user = { ...localUser(), ...changes };
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  return user;
}
