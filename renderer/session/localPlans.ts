// The list of plans kept on this computer, for the start screen: local-only plans and plans of a
// sync server (with the member token the server issued). Small and read at startup, so it lives in
// localStorage; the plans' contents live in the local replica (IndexedDB or the desktop store).
import type { Language } from '../../shared/frameworks/types';
import type { Role } from '../../shared/http';
import type { PendingEditRecord } from './syncState';

export interface ServerMembership {
  /** http(s) origin of the sync server, e.g. https://accord.example.org */
  readonly url: string;
  readonly token: string;
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

function read(): LocalPlanEntry[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  } catch {
    return [];
  }
}

function isEntry(value: unknown): value is LocalPlanEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.planId === 'string' && typeof entry.title === 'string';
}

export function listPlans(): LocalPlanEntry[] {
  return read().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function findPlan(planId: string): LocalPlanEntry | undefined {
  return read().find((entry) => entry.planId === planId);
}

export function savePlan(entry: LocalPlanEntry): void {
  const others = read().filter((existing) => existing.planId !== entry.planId);
  localStorage.setItem(KEY, JSON.stringify([...others, entry]));
}

export function updatePlan(planId: string, changes: Partial<Omit<LocalPlanEntry, 'planId'>>): void {
  const existing = findPlan(planId);
  if (existing) savePlan({ ...existing, ...changes });
}

export function forgetPlan(planId: string): void {
  localStorage.setItem(KEY, JSON.stringify(read().filter((entry) => entry.planId !== planId)));
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
