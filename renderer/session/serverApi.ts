// The sync server's HTTP API as the app uses it (server/http/httpApi.ts): join with an invite, plan
// info with my role, members. The contract (paths, roles, response schemas) is shared/http.ts,
// the one the server builds its responses with; every response is parsed with it before use, and
// errors carry the server's words. The contract is loaded on first use, so its validator (zod)
// stays out of the first screen's bundle.
import type { z } from 'zod';
import { daysInMs } from '../../shared/calendar';
import type { HistoryEntry, Member, Role } from '../../shared/http';

/** A plan this app joined: what it keeps of the server's JoinResponse. */
export interface JoinedPlan {
  readonly planId: string;
  readonly title: string;
  readonly token: string;
  readonly memberId: string;
  readonly role: Role;
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

/**
 * The server could not be reached at all (no answer: wrong address, server down, no network), as
 * opposed to a server that answered with an error. The UI says so in the user's language
 * (`serverErrorText`) instead of the browser's "Failed to fetch".
 */
export class ServerUnreachableError extends Error {
  /** the server's host and port as the user gave it, e.g. `10.0.0.9:8787` */
  readonly host: string;
  constructor(serverUrl: string, cause: unknown) {
    const host = hostOf(serverUrl);
    super(`the server at ${host} could not be reached`, { cause });
    this.name = 'ServerUnreachableError';
    this.host = host;
  }
}

function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host;
  } catch {
    return serverUrl;
  }
}

const contract = () => import('../../shared/http');

/** The server's answer did not match the contract (another version, or not an Accord server). */
const NOT_UNDERSTOOD = 'the server answered in a way this app does not understand';

async function call<T>(
  serverUrl: string,
  path: string,
  init: RequestInit,
  schema: (http: Awaited<ReturnType<typeof contract>>) => z.ZodType<T>,
): Promise<T> {
  const http = await contract();
  let response: Response;
  try {
    response = await fetch(`${serverUrl.replace(/\/$/, '')}${path}`, init);
  } catch (error) {
    // A cancelled call (init.signal) is not a server problem: it rejects as it is.
    if (init.signal?.aborted) throw error;
    // fetch rejects only when no answer came (a refused connection, DNS, no network, CORS).
    throw new ServerUnreachableError(serverUrl, error);
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = http.ApiError.safeParse(body);
    throw new Error(error.success ? error.data.message : `HTTP ${response.status}`);
  }
  const parsed = schema(http).safeParse(body);
  if (!parsed.success) throw new Error(NOT_UNDERSTOOD);
  return parsed.data;
}

const paths = async () => (await contract()).API_PATHS;

/** How many audit entries the plan screen shows. */
const HISTORY_LIMIT = 50;

export async function joinPlan(
  serverUrl: string,
  input: { code: string; name: string; organisation: string },
): Promise<JoinedPlan> {
  const body = await call(
    serverUrl,
    (await paths()).join,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    },
    (http) => http.JoinResponse,
  );
  const planId = body.plan?.id ?? body.syncPath.split('/').pop();
  if (!planId) throw new Error(NOT_UNDERSTOOD);
  return {
    planId,
    title: body.plan?.title ?? planId,
    token: body.token,
    memberId: body.member.id,
    role: body.member.role,
  };
}

export async function listMembers(
  serverUrl: string,
  planId: string,
  token: string,
  signal?: AbortSignal,
): Promise<Member[]> {
  const body = await call(
    serverUrl,
    (await paths()).members(planId),
    { headers: { authorization: `Bearer ${token}` }, signal },
    (http) => http.MembersResponse,
  );
  return body.members;
}

/** An invite to the plan with a role (owners only); multi-use, expiring in `days`. */
export async function createInvite(
  serverUrl: string,
  planId: string,
  token: string,
  input: { role: Role; days: number },
  signal?: AbortSignal,
): Promise<{ readonly code: string; readonly joinUrl: string }> {
  const request = {
    role: input.role,
    maxUses: null,
    expiresAt: new Date(Date.now() + daysInMs(input.days)).toISOString(),
  } satisfies z.input<Awaited<ReturnType<typeof contract>>['InviteRequest']>;
  const body = await call(
    serverUrl,
    (await paths()).invites(planId),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
      signal,
    },
    (http) => http.CreatedInviteResponse,
  );
  return { code: body.code, joinUrl: body.joinUrl };
}

/** Who changed what, newest first (the server's audit log): the last HISTORY_LIMIT entries. */
export async function listHistory(
  serverUrl: string,
  planId: string,
  token: string,
  signal?: AbortSignal,
): Promise<HistoryEntry[]> {
  const body = await call(
    serverUrl,
    `${(await paths()).history(planId)}?limit=${HISTORY_LIMIT}`,
    { headers: { authorization: `Bearer ${token}` }, signal },
    (http) => http.HistoryResponse,
  );
  return body.entries;
}
