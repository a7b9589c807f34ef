// The HTTP API (JSON) on Hono, registered from the route table in shared/contracts/api.ts: join
// with an invite, plan info with my role, members, invites, history, checkpoints (and restoring
// one), snapshots, exports; plus /healthz, /metrics and, for every other path, the web app. Each route's
// parameters, query and body are checked with the table's zod schemas before its handler runs;
// members authenticate with `Authorization: Bearer <personal token>`.
import type { HttpBindings } from '@hono/node-server';
import { create as contentDisposition } from 'content-disposition';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { API_PATHS, pathOf } from '../../shared/contracts/apiPaths';
import { API_ROUTES, type ApiRoute, type Invite, type Member } from '../../shared/contracts/api';
import { joinLink } from '../../shared/contracts/joinLink';
import { ExportError } from '../../shared/exports/exportPlan';
import { createInvite, join, memberForToken } from '../identity/members';
import type { Logger } from '../ops/log';
import type { Metrics } from '../ops/metrics';
import { DAMAGED_REASON, DamagedPlanError } from '../storage/integrity';
import type {
  InviteRecord,
  MemberChange,
  MemberRecord,
  PlanRecord,
  PlanStore,
} from '../storage/store';
import type { Rooms } from '../sync/rooms';
import { TokenBucket } from '../sync/tokenBucket';
import { AddressLimits } from './addressLimits';
import { exportStoredPlan, ExportRequestError } from './planExport';
import { restoreCheckpoint, RestoreRequestError } from './planRestore';
import { plainJson, PlanSnapshots } from './planSnapshots';
import { serveWebApp } from './webApp';

/** Largest JSON body accepted; every body here is a few short strings. */
const MAX_BODY_BYTES = 64 * 1024;
/** Addresses whose join attempts are tracked at most (memory bound); the least recent go first. */
const MAX_TRACKED_ADDRESSES = 10_000;

export interface ApiContext {
  readonly store: PlanStore;
  readonly rooms: Rooms;
  /**
   * Call after changing a member's access (removal, invite revocation, role change): closes their
   * sockets on this node and, in a cluster, on every other node.
   */
  readonly accessChanged: (member: MemberRecord) => void;
  /** the plans' snapshots for first opens, shared with what prepares them after changes */
  readonly snapshots?: PlanSnapshots;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly publicUrl: () => string;
  readonly joinsPerMinutePerAddress: number;
  readonly healthy: () => boolean;
  /** the renderer's web build, served at every path the API does not answer */
  readonly webRoot: string;
  /** why the server is not ready (/readyz: storage writable, free disk, no damaged plan) */
  readonly notReady?: () => Promise<readonly string[]>;
  /** what works but slower (a cluster node without Redis): ready, and says so */
  readonly degraded?: () => readonly string[];
}

class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429,
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

const NO_STORE = { 'cache-control': 'no-store' } as const;

/** Checks a value with a schema, or refuses the request with the schema's words. */
function parse<T>(schema: z.ZodType<T>, value: unknown, status: 400 | 404, code: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // A parameter that fits no rule names nothing: its schema's message says what is missing.
  const message =
    status === 404
      ? (result.error.issues[0]?.message ?? 'Not found.')
      : z.prettifyError(result.error);
  throw new HttpError(status, code, message);
}

type Env = { Bindings: HttpBindings };

/** What a handler is given: the checked parameters, query and body, and the caller. */
interface Call<Params, Query, Body> {
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  /** the signed-in member (routes for members and owners) */
  readonly me: MemberRecord;
  /** the plan the path names (plan routes) */
  readonly plan: PlanRecord;
  readonly c: Context<Env>;
}

export function createHttpApp(context: ApiContext): Hono<Env> {
  const { store, rooms } = context;
  const snapshots = context.snapshots ?? new PlanSnapshots();
  const joinLimits = new AddressLimits(MAX_TRACKED_ADDRESSES, () => {
    const perMinute = context.joinsPerMinutePerAddress;
    return new TokenBucket(perMinute / 60, perMinute);
  });
  const app = new Hono<Env>();

  async function authenticate(c: Context<Env>, planId: string): Promise<MemberRecord> {
    const header = c.req.header('authorization') ?? '';
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

  /**
   * The body as JSON, at most MAX_BODY_BYTES. Read here rather than with hono/body-limit, which
   * rebuilds the Request and so needs @hono/node-server to replace the global Request and
   * Response: the desktop app embeds this server in its main process, whose globals stay Node's.
   */
  async function readJson(c: Context<Env>): Promise<unknown> {
    const tooLarge = () => new HttpError(413, 'too_large', 'Request body too large.');
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of c.req.raw.body ?? []) {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new HttpError(400, 'bad_json', 'Request body is not JSON.');
    }
  }

  /**
   * Registers a route of the table. Order of checks, as the first server had it: the path's
   * parameters (404), the member (401/403), the plan (404), an owner's right (403), then the
   * query and body (400). A handler returns the route's JSON answer, or a Response for bytes.
   */
  function on<Path extends string, Params, Query, Body, Answer>(
    route: ApiRoute<Path, Params, Query, Body, Answer>,
    handle: (call: Call<Params, Query, Body>) => Promise<Answer | Response>,
  ): void {
    app.on(route.method, route.path, async (c) => {
      const params = route.params
        ? parse(route.params, c.req.param(), 404, 'not_found')
        : (undefined as Params);
      let me: MemberRecord | undefined;
      let plan: PlanRecord | undefined;
      const planId = (c.req.param() as Record<string, string | undefined>).planId;
      if (route.who !== 'anyone' && planId !== undefined) {
        me = await authenticate(c, planId);
        plan = await store.getPlan(planId);
        if (!plan) throw new HttpError(404, 'not_found', 'No such plan.');
        if (route.who === 'owner' && me.role !== 'owner') {
          throw new HttpError(403, 'forbidden', 'Only plan owners can do this.');
        }
      }
      const query = route.query
        ? parse(route.query, c.req.query(), 400, 'invalid_body')
        : (undefined as Query);
      const body = route.body
        ? parse(route.body, await readJson(c), 400, 'invalid_body')
        : (undefined as Body);
      const answer = await handle({
        params,
        query,
        body,
        me: me as MemberRecord,
        plan: plan as PlanRecord,
        c,
      });
      if (answer instanceof Response) return answer;
      return c.json(answer, route.status ?? 200, NO_STORE);
    });
  }

  app.use(API_ROUTES.join.path, async (c, next) => {
    if (c.req.method !== API_ROUTES.join.method) return next();
    const address = c.env.incoming.socket.remoteAddress ?? 'unknown';
    if (!joinLimits.take(address))
      throw new HttpError(429, 'rate_limited', 'Too many join attempts; wait a minute.');
    return next();
  });

  on(API_ROUTES.healthz, async ({ c }) => {
    const ok = context.healthy();
    return c.json({ status: ok ? 'ok' : 'unhealthy' }, ok ? 200 : 503, NO_STORE);
  });
  on(API_ROUTES.readyz, async ({ c }) => {
    const reasons = (await context.notReady?.()) ?? [];
    if (reasons.length > 0) return c.json({ status: 'not ready', reasons }, 503, NO_STORE);
    const degraded = context.degraded?.() ?? [];
    return c.json(
      { status: degraded.length > 0 ? 'degraded' : 'ready', reasons: degraded },
      200,
      NO_STORE,
    );
  });
  on(API_ROUTES.metrics, async () => {
    return new Response(await context.metrics.render(), {
      headers: { 'content-type': context.metrics.contentType },
    });
  });

  on(API_ROUTES.join, async ({ body }) => {
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
    return {
      token: outcome.token,
      plan: plan ? { id: plan.id, title: plan.title } : null,
      member: publicMember(outcome.member),
      syncPath: pathOf(API_PATHS.sync, { planId: outcome.member.planId }),
    };
  });

  on(API_ROUTES.plan, async ({ plan, me }) => ({
    plan: { id: plan.id, title: plan.title, createdAt: iso(plan.createdAt) },
    me: publicMember(me),
    syncPath: pathOf(API_PATHS.sync, { planId: plan.id }),
  }));

  on(API_ROUTES.members, async ({ plan }) => ({
    members: (await store.listMembers(plan.id)).map(publicMember),
  }));

  /** Revokes or re-roles a member in one guarded store transaction, then tells live sockets. */
  async function changeMember(
    plan: PlanRecord,
    memberId: string,
    change: MemberChange,
    by: MemberRecord,
  ): Promise<{ member: Member }> {
    const outcome = await store.changeMember(plan.id, memberId, change);
    if (!outcome.ok) {
      if (outcome.refusal === 'unknown') throw new HttpError(404, 'not_found', 'No such member.');
      // A plan with no owner left could never again invite, revoke or adopt an action.
      throw new HttpError(
        409,
        'last_owner',
        'The plan needs an owner: make another member an owner before this change.',
      );
    }
    context.accessChanged(outcome.member);
    context.log.info('member access changed', {
      planId: plan.id,
      memberId,
      role: outcome.member.role,
      revoked: outcome.member.revokedAt !== null,
      by: by.id,
    });
    return { member: publicMember(outcome.member) };
  }

  on(API_ROUTES.revokeMember, async ({ plan, params, me }) =>
    changeMember(plan, params.memberId, { revokedAt: Date.now() }, me),
  );

  on(API_ROUTES.changeRole, async ({ plan, params, body, me }) =>
    changeMember(plan, params.memberId, { role: body.role }, me),
  );

  on(API_ROUTES.invites, async ({ plan }) => ({
    invites: (await store.listInvites(plan.id)).map(publicInvite),
  }));

  on(API_ROUTES.createInvite, async ({ plan, body, me }) => {
    const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= Date.now()) {
      throw new HttpError(400, 'invalid_body', 'An invite cannot expire in the past.');
    }
    const created = await createInvite(store, plan.id, {
      role: body.role,
      maxUses: body.maxUses ?? null,
      expiresAt,
      label: body.label ?? '',
      createdBy: me.id,
    });
    return {
      invite: publicInvite(created.invite),
      code: created.code,
      joinUrl: joinLink(context.publicUrl(), plan.id, created.code),
    };
  });

  on(API_ROUTES.revokeInvite, async ({ plan, params, query }) => {
    // Revoking an invite also revokes the members who joined with it, unless asked not to: a
    // leaked link must not leave its users inside.
    const revoked = await store.revokeInvite(
      plan.id,
      params.inviteId,
      Date.now(),
      !query.keepMembers,
    );
    if (!revoked) throw new HttpError(404, 'not_found', 'No such invite.');
    revoked.forEach((m) => context.accessChanged(m));
    return { revokedMembers: revoked.map((m) => m.id) };
  });

  on(API_ROUTES.history, async ({ plan, query }) => {
    const members = new Map((await store.listMembers(plan.id)).map((m) => [m.id, m]));
    const entries = await store.history(plan.id, query.limit, query.before);
    return {
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
    };
  });

  on(API_ROUTES.checkpoints, async ({ plan }) => ({
    checkpoints: (await store.listCheckpoints(plan.id)).map((c) => ({
      id: c.id,
      at: iso(c.at),
      seq: c.seq,
      bytes: c.byteLength,
    })),
  }));

  on(API_ROUTES.checkpoint, async ({ plan, params }) => {
    const state = await store.readCheckpoint(plan.id, params.checkpointId);
    if (!state) throw new HttpError(404, 'not_found', 'No such checkpoint.');
    // a plain ArrayBuffer-backed view: what BodyInit takes under both Node's and the DOM's types
    return new Response(state as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': 'application/octet-stream', ...NO_STORE },
    });
  });

  on(API_ROUTES.restoreCheckpoint, async ({ plan, params, me }) => {
    const restored = await restoreCheckpoint({ store, rooms }, plan.id, params.checkpointId, {
      id: me.id,
      name: me.name,
    }).catch((error: unknown) => {
      if (error instanceof RestoreRequestError)
        throw new HttpError(404, 'not_found', 'No such checkpoint.');
      throw error;
    });
    context.log.info('checkpoint restored', { planId: plan.id, ...restored, by: me.id });
    return restored;
  });

  on(API_ROUTES.snapshot, async ({ plan, c }) => {
    // Any member, viewers included: the plan's rows to paint read-only on a first open, while the
    // live document syncs (planSnapshots.ts). Loading the room here also warms it for that sync.
    const room = await rooms.acquire(plan.id);
    const snapshot = await snapshots.of(room).finally(() => rooms.release(room));
    const gzipped = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const body = gzipped ? snapshot.gzipped : await plainJson(snapshot);
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(body.byteLength),
        ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
        vary: 'accept-encoding',
        ...NO_STORE,
      },
    });
  });

  on(API_ROUTES.exports, async ({ plan, query }) => {
    // Any member, viewers included: donors download reports without editing rights.
    const file = await exportStoredPlan({ store, rooms }, plan.id, query).catch(
      (error: unknown) => {
        if (error instanceof ExportError || error instanceof ExportRequestError) {
          throw new HttpError(400, 'bad_export', error.message);
        }
        throw error;
      },
    );
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': file.mimeType,
        'content-length': String(file.bytes.byteLength),
        'content-disposition': contentDisposition(file.fileName),
        'x-content-type-options': 'nosniff',
        ...NO_STORE,
      },
    });
  });

  app.all('/api/*', () => {
    throw new HttpError(404, 'not_found', 'No such endpoint.');
  });
  app.all('*', (c) => serveWebApp(context.webRoot, c.req.method, c.req.path));

  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return c.json({ error: error.code, message: error.message }, error.status, NO_STORE);
    }
    if (error instanceof DamagedPlanError) {
      return c.json({ error: 'plan_damaged', message: DAMAGED_REASON }, 503, NO_STORE);
    }
    if (c.req.raw.signal.aborted) {
      // The client went away mid-request (a closed tab, a lost network): its doing, not ours.
      context.log.info('request aborted by the client', { path: c.req.path });
      return new Response(null, { status: 499 });
    }
    context.log.error('request failed', { path: c.req.path, error });
    return c.json(
      { error: 'internal', message: 'Something went wrong on the server.' },
      500,
      NO_STORE,
    );
  });
  return app;
}
