// The sync server's HTTP API as the app uses it (server/httpApi.ts): join with an invite, plan
// info with my role, members. Responses are checked before use; errors carry the server's words.
import type { Role } from './localPlans';

export interface JoinedPlan {
  readonly planId: string;
  readonly title: string;
  readonly token: string;
  readonly memberId: string;
  readonly role: Role;
}

export interface Member {
  readonly id: string;
  readonly name: string;
  readonly organisation: string;
  readonly role: Role;
  readonly revokedAt: string | null;
}

export interface InviteLink {
  readonly serverUrl: string;
  readonly code: string;
  readonly planId: string | null;
}

/**
 * Reads what a person pasted: a join link (`https://host/#/join?plan=…&code=…`) or a bare code
 * (then the server is `fallbackServer`, e.g. this page's origin).
 */
export function parseInvite(text: string, fallbackServer: string): InviteLink | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    const query = url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?')) : url.search;
    const params = new URLSearchParams(query);
    const code = params.get('code');
    if (!code) return null;
    return { serverUrl: url.origin, code, planId: params.get('plan') };
  } catch {
    return fallbackServer ? { serverUrl: fallbackServer, code: trimmed, planId: null } : null;
  }
}

async function call(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => ({}))) as { message?: unknown };
  if (!response.ok) {
    throw new Error(typeof body.message === 'string' ? body.message : `HTTP ${response.status}`);
  }
  return body;
}

const isRole = (value: unknown): value is Role =>
  value === 'owner' || value === 'editor' || value === 'viewer';

export async function joinPlan(
  serverUrl: string,
  input: { code: string; name: string; organisation: string },
): Promise<JoinedPlan> {
  const body = (await call(`${serverUrl.replace(/\/$/, '')}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })) as {
    token?: unknown;
    plan?: { id?: unknown; title?: unknown } | null;
    member?: { id?: unknown; role?: unknown; planId?: unknown };
    syncPath?: unknown;
  };
  const planId =
    typeof body.plan?.id === 'string'
      ? body.plan.id
      : typeof body.syncPath === 'string'
        ? body.syncPath.split('/').pop()
        : undefined;
  if (
    typeof body.token !== 'string' ||
    !planId ||
    typeof body.member?.id !== 'string' ||
    !isRole(body.member.role)
  ) {
    throw new Error('the server answered in a way this app does not understand');
  }
  return {
    planId,
    title: typeof body.plan?.title === 'string' ? body.plan.title : planId,
    token: body.token,
    memberId: body.member.id,
    role: body.member.role,
  };
}

export async function listMembers(
  serverUrl: string,
  planId: string,
  token: string,
): Promise<Member[]> {
  const body = (await call(
    `${serverUrl.replace(/\/$/, '')}/api/plans/${encodeURIComponent(planId)}/members`,
    { headers: { authorization: `Bearer ${token}` } },
  )) as { members?: unknown };
  if (!Array.isArray(body.members)) return [];
  return body.members.filter(
    (member): member is Member =>
      typeof member === 'object' &&
      member !== null &&
      typeof (member as Member).id === 'string' &&
      isRole((member as Member).role),
  );
}

export interface CreatedInvite {
  readonly code: string;
  readonly joinUrl: string;
}

/** An invite to the plan with a role (owners only); multi-use, expiring in `days`. */
export async function createInvite(
  serverUrl: string,
  planId: string,
  token: string,
  input: { role: Role; days: number },
): Promise<CreatedInvite> {
  const body = (await call(
    `${serverUrl.replace(/\/$/, '')}/api/plans/${encodeURIComponent(planId)}/invites`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        role: input.role,
        maxUses: null,
        expiresAt: new Date(Date.now() + input.days * 86_400_000).toISOString(),
      }),
    },
  )) as { code?: unknown; joinUrl?: unknown };
  if (typeof body.code !== 'string' || typeof body.joinUrl !== 'string') {
    throw new Error('the server answered in a way this app does not understand');
  }
  return { code: body.code, joinUrl: body.joinUrl };
}

export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly member: { readonly name: string; readonly organisation: string } | null;
  /** the actions the change touched, each with the fields it changed ('*': the whole action) */
  readonly actions: readonly { readonly id: string; readonly fields: readonly string[] }[];
}

/** Who changed what, newest first (the server's audit log). */
export async function listHistory(
  serverUrl: string,
  planId: string,
  token: string,
  limit = 50,
): Promise<HistoryEntry[]> {
  const body = (await call(
    `${serverUrl.replace(/\/$/, '')}/api/plans/${encodeURIComponent(planId)}/history?limit=${limit}`,
    { headers: { authorization: `Bearer ${token}` } },
  )) as { entries?: unknown };
  if (!Array.isArray(body.entries)) return [];
  return body.entries.flatMap((raw): HistoryEntry[] => {
    const entry = raw as Partial<Omit<HistoryEntry, 'actions'>> & {
      member?: Partial<HistoryEntry['member']>;
      actions?: unknown;
    };
    if (typeof entry.seq !== 'number' || typeof entry.at !== 'string') return [];
    const member =
      entry.member && typeof entry.member.name === 'string'
        ? { name: entry.member.name, organisation: String(entry.member.organisation ?? '') }
        : null;
    // The server sends { actionId: fields[] }.
    const touched: unknown = entry.actions;
    const actions =
      typeof touched === 'object' && touched !== null && !Array.isArray(touched)
        ? Object.entries(touched as Record<string, unknown>).map(([id, fields]) => ({
            id,
            fields: Array.isArray(fields)
              ? fields.filter((field): field is string => typeof field === 'string')
              : [],
          }))
        : [];
    return [{ seq: entry.seq, at: entry.at, member, actions }];
  });
}
