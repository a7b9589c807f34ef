// The sync server's HTTP API as the app uses it (server/http/httpApi.ts): join with an invite, plan
// info with my role, members. Every request is built from the route table in
// shared/contracts/api.ts, the one the server registers its handlers from; every answer is parsed
// with that route's schema before use, and errors carry the server's words. The table is loaded on
// first use, so its validator (zod) stays out of the first screen's bundle.
import type { z } from 'zod';
import type {
  ApiRoute,
  HistoryEntry,
  Member,
  RestoreResponse,
  Role,
} from '../../shared/contracts/api';
import { pathOf, type PathParams } from '../../shared/contracts/apiPaths';
import { daysInMs } from '../../shared/calendar';
import { parseJoinLink, type JoinLink } from '../../shared/contracts/joinLink';

/** A plan this app joined: what it keeps of the server's JoinResponse. */
export interface JoinedPlan {
  readonly planId: string;
  readonly title: string;
  readonly token: string;
  readonly memberId: string;
  readonly role: Role;
}

export type InviteLink = JoinLink;

/**
 * Reads what a person pasted: a join link (`https://host/#/join?plan=…&code=…`) or a bare code
 * (then the server is `fallbackServer`, e.g. this page's origin).
 */
export function parseInvite(text: string, fallbackServer: string): InviteLink | null {
  return parseJoinLink(text, fallbackServer);
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

const contract = () => import('../../shared/contracts/api');
type Contract = Awaited<ReturnType<typeof contract>>;

/** The server's answer did not match the contract (another version, or not an Accord server). */
const NOT_UNDERSTOOD = 'the server answered in a way this app does not understand';

/** What one request carries besides its route: path parameters, query, body, member token. */
interface RequestParts<Path extends string, Body> {
  readonly params: PathParams<Path>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: Body;
  readonly token?: string;
  /** cancels the request (a panel closed, a query superseded) */
  readonly signal?: AbortSignal | undefined;
}

/** Calls a route of the table and returns its answer, checked by the route's schema. */
async function call<Path extends string, Body, Response>(
  serverUrl: string,
  pick: (routes: Contract['API_ROUTES']) => ApiRoute<Path, unknown, unknown, Body, Response>,
  parts: RequestParts<Path, NoInfer<Body>>,
): Promise<Response> {
  const api = await contract();
  const route = pick(api.API_ROUTES);
  const query = parts.query ? `?${new URLSearchParams(parts.query)}` : '';
  const headers: Record<string, string> = {};
  if (parts.body !== undefined) headers['content-type'] = 'application/json';
  if (parts.token !== undefined) headers.authorization = `Bearer ${parts.token}`;
  let response: globalThis.Response;
  try {
    response = await fetch(
      `${serverUrl.replace(/\/$/, '')}${pathOf(route.path, parts.params)}${query}`,
      {
        method: route.method,
        headers,
        ...(parts.body === undefined ? {} : { body: JSON.stringify(parts.body) }),
        ...(parts.signal ? { signal: parts.signal } : {}),
      },
    );
  } catch (error) {
    // A cancelled call (init.signal) is not a server problem: it rejects as it is.
    if (parts.signal?.aborted) throw error;
    // fetch rejects only when no answer came (a refused connection, DNS, no network, CORS).
    throw new ServerUnreachableError(serverUrl, error);
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = api.ApiError.safeParse(body);
    throw new Error(error.success ? error.data.message : `HTTP ${response.status}`);
  }
  const parsed = route.response?.safeParse(body);
  if (!parsed?.success) throw new Error(NOT_UNDERSTOOD);
  return parsed.data;
}

/** How many audit entries the plan screen shows. */
const HISTORY_LIMIT = 50;

export async function joinPlan(
  serverUrl: string,
  input: { code: string; name: string; organisation: string },
): Promise<JoinedPlan> {
  const body = await call(serverUrl, (routes) => routes.join, { params: {}, body: input });
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
  const body = await call(serverUrl, (routes) => routes.members, {
    params: { planId },
    token,
    signal,
  });
  return body.members;
}

/** My membership of the plan as the server holds it now (my role may have changed). */
export async function myMembership(
  serverUrl: string,
  planId: string,
  token: string,
): Promise<Member> {
  const body = await call(serverUrl, (routes) => routes.plan, { params: { planId }, token });
  return body.me;
}

/** Gives a member another role (owners only; the server keeps one owner at least). */
export async function changeMemberRole(
  serverUrl: string,
  planId: string,
  token: string,
  input: { memberId: string; role: Role },
): Promise<Member> {
  const body = await call(serverUrl, (routes) => routes.changeRole, {
    params: { planId, memberId: input.memberId },
    body: { role: input.role },
    token,
  });
  return body.member;
}

/** Removes a member from the plan (owners only): their token stops working at once. */
export async function removeMember(
  serverUrl: string,
  planId: string,
  token: string,
  memberId: string,
): Promise<Member> {
  const body = await call(serverUrl, (routes) => routes.revokeMember, {
    params: { planId, memberId },
    token,
  });
  return body.member;
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
  } satisfies z.input<Contract['InviteRequest']>;
  const body = await call(serverUrl, (routes) => routes.createInvite, {
    params: { planId },
    body: request,
    token,
    signal,
  });
  return { code: body.code, joinUrl: body.joinUrl };
}

/** Who changed what, newest first (the server's audit log): the last HISTORY_LIMIT entries. */
export async function listHistory(
  serverUrl: string,
  planId: string,
  token: string,
  signal?: AbortSignal,
): Promise<HistoryEntry[]> {
  const body = await call(serverUrl, (routes) => routes.history, {
    params: { planId },
    query: { limit: String(HISTORY_LIMIT) },
    token,
    signal,
  });
  return body.entries;
}

/** A saved version of the plan, newest first. */
export interface SavedVersion {
  readonly id: number;
  readonly at: string | null;
}

export async function listCheckpoints(
  serverUrl: string,
  planId: string,
  token: string,
  signal?: AbortSignal,
): Promise<SavedVersion[]> {
  const body = await call(serverUrl, (routes) => routes.checkpoints, {
    params: { planId },
    token,
    signal,
  });
  return body.checkpoints.map(({ id, at }) => ({ id, at }));
}

/** Brings the plan back to a saved version, as a change by this owner (every copy receives it). */
export async function restoreCheckpoint(
  serverUrl: string,
  planId: string,
  token: string,
  checkpointId: number,
): Promise<RestoreResponse> {
  return call(serverUrl, (routes) => routes.restoreCheckpoint, {
    params: { planId, checkpointId: String(checkpointId) },
    token,
  });
}
