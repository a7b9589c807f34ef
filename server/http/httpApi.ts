// The HTTP API for the app (JSON): join with an invite, plan info with my role, members, invites,
// history, checkpoints, and the exports seam; plus /healthz and /metrics. Every body is checked by a
// zod schema; members authenticate with `Authorization: Bearer <personal token>`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ExportError } from '../../shared/exports/exportPlan';
import {
  ExportQuery,
  InviteRequest,
  JoinRequest,
  PLAN_ID,
  type Invite,
  type Member,
} from '../../shared/http';
import { CLOSE } from '../sync/closeCodes';
import type { Logger } from '../ops/log';
import { createInvite, join, memberForToken } from '../identity/members';
import type { Metrics } from '../ops/metrics';
import { exportStoredPlan, ExportRequestError } from './planExport';
import { plainJson, PlanSnapshots } from './planSnapshots';
import type { Rooms } from '../sync/rooms';
import type { InviteRecord, MemberRecord, PlanStore } from '../storage/store';
import { TokenBucket } from '../sync/tokenBucket';

/** Largest JSON body accepted; every body here is a few short strings. */
const MAX_BODY_BYTES = 64 * 1024;
/** Addresses whose join attempts are tracked; beyond this the table starts afresh (memory bound). */
const MAX_TRACKED_ADDRESSES = 10_000;
/** History entries per page, at most. */
const MAX_HISTORY_PAGE = 500;

export interface ApiContext {
  readonly store: PlanStore;
  readonly rooms: Rooms;
  /** the plans' snapshots for first opens, shared with what prepares them after changes */
  readonly snapshots?: PlanSnapshots;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly publicUrl: () => string;
  readonly joinsPerMinutePerAddress: number;
  readonly healthy: () => boolean;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const publicMember = (m: MemberRecord): Member => ({
  id: m.id,
  name: m.name,
  organisation: m.organisation,
  role: m.role,
  joinedAt: iso(m.createdAt),
  revokedAt: iso(m.revokedAt),
});
const publicInvite = (i: InviteRecord): Invite => ({
  id: i.id,
  role: i.role,
  label: i.label,
  maxUses: i.maxUses,
  uses: i.uses,
  expiresAt: iso(i.expiresAt),
  createdAt: iso(i.createdAt),
  revokedAt: iso(i.revokedAt),
});

const REFUSALS = {
  unknown: [404, 'This invite code is not valid.'],
  revoked: [403, 'This invite was revoked by the plan owner.'],
  expired: [410, 'This invite has expired; ask the plan owner for a new one.'],
  usedUp: [410, 'This invite has already been used.'],
} as const;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'too_large', 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_json', 'Request body is not JSON.');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(400, 'invalid_body', z.prettifyError(result.error));
  }
  return result.data;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(text);
}

export function createApi(context: ApiContext) {
  const { store, rooms } = context;
  const joinLimits = new Map<string, TokenBucket>();
  const snapshots = context.snapshots ?? new PlanSnapshots();

  async function authenticate(request: IncomingMessage, planId: string): Promise<MemberRecord> {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!token) throw new HttpError(401, 'unauthorized', 'Sign in: no member token was sent.');
    const member = await memberForToken(store, planId, token);
    if (!member)
      throw new HttpError(
        401,
        'unauthorized',
        'This token does not belong to a member of this plan.',
      );
    if (member.revokedAt !== null) {
      throw new HttpError(403, 'revoked', 'Your membership of this plan was revoked.');
    }
    return member;
  }

  function ownerOnly(member: MemberRecord): void {
    if (member.role !== 'owner')
      throw new HttpError(403, 'forbidden', 'Only plan owners can do this.');
  }

  function closeRevoked(planId: string, members: readonly MemberRecord[]): void {
    for (const m of members) rooms.closeMember(planId, m.id, CLOSE.forbidden, 'membership revoked');
  }

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<boolean> {
    const method = request.method ?? 'GET';
    const path = url.pathname;
    if (path === '/healthz' && method === 'GET') {
      const ok = context.healthy();
      send(response, ok ? 200 : 503, { status: ok ? 'ok' : 'unhealthy' });
      return true;
    }
    if (path === '/metrics' && method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(context.metrics.render());
      return true;
    }
    if (path === '/api/join' && method === 'POST') {
      const address = request.socket.remoteAddress ?? 'unknown';
      let bucket = joinLimits.get(address);
      if (!bucket) {
        if (joinLimits.size >= MAX_TRACKED_ADDRESSES) joinLimits.clear();
        const perMinute = context.joinsPerMinutePerAddress;
        joinLimits.set(address, (bucket = new TokenBucket(perMinute / 60, perMinute)));
      }
      if (!bucket.take())
        throw new HttpError(429, 'rate_limited', 'Too many join attempts; wait a minute.');
      const body = parse(JoinRequest, await readJson(request));
      const outcome = await join(store, body.code, body);
      if (!outcome.ok) {
        const [status, message] = REFUSALS[outcome.refusal];
        throw new HttpError(status, `invite_${outcome.refusal}`, message);
      }
      const plan = await store.getPlan(outcome.member.planId);
      context.log.info('member joined', {
        planId: outcome.member.planId,
        memberId: outcome.member.id,
      });
      send(response, 201, {
        token: outcome.token,
        plan: plan && { id: plan.id, title: plan.title },
        member: publicMember(outcome.member),
        syncPath: `/sync/${outcome.member.planId}`,
      });
      return true;
    }
    const match = /^\/api\/plans\/([^/]+)(?:\/([a-z]+)(?:\/([^/]+))?)?$/.exec(path);
    if (!match) return false;
    const [, planId = '', collection, itemId] = match;
    if (!PLAN_ID.test(planId)) throw new HttpError(404, 'not_found', 'No such plan.');
    const me = await authenticate(request, planId);
    const plan = await store.getPlan(planId);
    if (!plan) throw new HttpError(404, 'not_found', 'No such plan.');

    if (collection === undefined && method === 'GET') {
      send(response, 200, {
        plan: { id: plan.id, title: plan.title, createdAt: iso(plan.createdAt) },
        me: publicMember(me),
        syncPath: `/sync/${plan.id}`,
      });
      return true;
    }
    if (collection === 'members' && itemId === undefined && method === 'GET') {
      send(response, 200, { members: (await store.listMembers(planId)).map(publicMember) });
      return true;
    }
    if (collection === 'members' && itemId !== undefined && method === 'DELETE') {
      ownerOnly(me);
      const revoked = await store.revokeMember(planId, itemId, Date.now());
      if (!revoked) throw new HttpError(404, 'not_found', 'No such member.');
      closeRevoked(planId, [revoked]);
      context.log.info('member revoked', { planId, memberId: itemId, by: me.id });
      send(response, 200, { member: publicMember(revoked) });
      return true;
    }
    if (collection === 'invites' && itemId === undefined && method === 'GET') {
      ownerOnly(me);
      send(response, 200, { invites: (await store.listInvites(planId)).map(publicInvite) });
      return true;
    }
    if (collection === 'invites' && itemId === undefined && method === 'POST') {
      ownerOnly(me);
      const body = parse(InviteRequest, await readJson(request));
      const created = await createInvite(store, planId, {
        role: body.role,
        maxUses: body.maxUses ?? null,
        expiresAt: body.expiresAt ? Date.parse(body.expiresAt) : null,
        label: body.label ?? '',
        createdBy: me.id,
      });
      send(response, 201, {
        invite: publicInvite(created.invite),
        code: created.code,
        joinUrl: joinUrl(context.publicUrl(), planId, created.code),
      });
      return true;
    }
    if (collection === 'invites' && itemId !== undefined && method === 'DELETE') {
      ownerOnly(me);
      // Revoking an invite also revokes the members who joined with it, unless asked not to: a
      // leaked link must not leave its users inside.
      const keepMembers = url.searchParams.get('keepMembers') === '1';
      const revoked = await store.revokeInvite(planId, itemId, Date.now(), !keepMembers);
      if (!revoked) throw new HttpError(404, 'not_found', 'No such invite.');
      closeRevoked(planId, revoked);
      send(response, 200, { revokedMembers: revoked.map((m) => m.id) });
      return true;
    }
    if (collection === 'history' && method === 'GET') {
      const limit = Math.min(MAX_HISTORY_PAGE, Number(url.searchParams.get('limit') ?? 100) || 100);
      const before = Number(url.searchParams.get('before') ?? '') || undefined;
      const members = new Map((await store.listMembers(planId)).map((m) => [m.id, m]));
      const entries = await store.history(planId, limit, before);
      send(response, 200, {
        entries: entries.map((e) => {
          const who = e.memberId === null ? undefined : members.get(e.memberId);
          return {
            seq: e.seq,
            at: iso(e.at),
            lastSeq: e.lastSeq,
            lastAt: iso(e.lastAt),
            updates: e.updates,
            member: who ? { id: who.id, name: who.name, organisation: who.organisation } : null,
            actions: e.touched.actions,
            parts: e.touched.parts,
          };
        }),
      });
      return true;
    }
    if (collection === 'checkpoints' && itemId !== undefined && method === 'GET') {
      // The plan as it was at that checkpoint: one Yjs update (apply it to an empty Y.Doc).
      const state = /^\d+$/.test(itemId)
        ? await store.readCheckpoint(planId, Number(itemId))
        : undefined;
      if (!state) throw new HttpError(404, 'not_found', 'No such checkpoint.');
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(state);
      return true;
    }
    if (collection === 'checkpoints' && method === 'GET') {
      const checkpoints = await store.listCheckpoints(planId);
      send(response, 200, {
        checkpoints: checkpoints.map((c) => ({
          id: c.id,
          at: iso(c.at),
          seq: c.seq,
          bytes: c.byteLength,
        })),
      });
      return true;
    }
    if (collection === 'snapshot' && itemId === undefined && method === 'GET') {
      // Any member, viewers included: the plan's rows to paint read-only on a first open, while the
      // live document syncs (planSnapshots.ts). Loading the room here also warms it for that sync.
      const room = await rooms.acquire(planId);
      const snapshot = await snapshots.of(room).finally(() => rooms.release(room));
      const gzipped = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      const body = gzipped ? snapshot.gzipped : await plainJson(snapshot);
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': body.byteLength,
        ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
        vary: 'accept-encoding',
        'cache-control': 'no-store',
      });
      response.end(body);
      return true;
    }
    if (collection === 'exports' && itemId === undefined && method === 'GET') {
      // Any member, viewers included: donors download reports without editing rights.
      const query = parse(ExportQuery, Object.fromEntries(url.searchParams));
      const file = await exportStoredPlan({ store, rooms }, planId, query).catch(
        (error: unknown) => {
          if (error instanceof ExportError || error instanceof ExportRequestError) {
            throw new HttpError(400, 'bad_export', error.message);
          }
          throw error;
        },
      );
      response.writeHead(200, {
        'content-type': file.mimeType,
        'content-length': file.bytes.byteLength,
        'content-disposition': contentDisposition(file.fileName),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      response.end(file.bytes);
      return true;
    }
    throw new HttpError(404, 'not_found', 'No such endpoint.');
  }

  /** Handles API requests; returns false for anything else (the web app). */
  return async function handle(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<boolean> {
    try {
      return await route(request, response, url);
    } catch (error) {
      if (error instanceof HttpError) {
        send(response, error.status, { error: error.code, message: error.message });
      } else {
        context.log.error('request failed', { path: url.pathname, error });
        send(response, 500, { error: 'internal', message: 'Something went wrong on the server.' });
      }
      return true;
    }
  };
}

/** An attachment header whose name survives any title (RFC 6266: ASCII fallback + UTF-8 name). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The link an invitee opens: the web app's join page with the code in the fragment (never sent
 * to the server in logs). */
export function joinUrl(base: string, planId: string, code: string): string {
  return `${base.replace(/\/$/, '')}/#/join?plan=${encodeURIComponent(planId)}&code=${encodeURIComponent(code)}`;
}
