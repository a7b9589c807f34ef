// The sync server's HTTP API, stated once: each route's method, path, who may call it, and the
// zod schemas of its parameters, query, body and answer. The server registers its handlers from
// this table and validates every request with it; the app builds its requests from it and checks
// every answer before use.
import { z } from 'zod';
import { API_PATHS } from './apiPaths';
import { PLAN_ID_PATTERN } from './planId';

export const ROLES = {
  /** manages members and invites, and edits */
  owner: 'owner',
  /** edits the plan */
  editor: 'editor',
  /** reads the plan and its reports; the server drops a viewer's edits */
  viewer: 'viewer',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_LIST = Object.keys(ROLES) as Role[];

export const JoinRequest = z.object({
  code: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().min(1).max(300),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const InviteRequest = z.object({
  role: z.enum(ROLE_LIST),
  /** omitted or null: unlimited */
  maxUses: z.number().int().positive().nullable().optional(),
  /** ISO timestamp; omitted or null: never expires */
  expiresAt: z.iso.datetime().nullable().optional(),
  label: z.string().max(200).optional(),
});
export type InviteRequest = z.infer<typeof InviteRequest>;

/** `PATCH /api/plans/:id/members/:memberId`: an owner gives a member another role. */
export const ChangeRoleRequest = z.object({ role: z.enum(ROLE_LIST) });
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequest>;

export const Member = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  role: z.enum(ROLE_LIST),
  joinedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const Invite = z.object({
  id: z.string(),
  role: z.enum(ROLE_LIST),
  label: z.string(),
  maxUses: z.number().nullable(),
  uses: z.number(),
  expiresAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Invite = z.infer<typeof Invite>;

export const JoinResponse = z.object({
  token: z.string().min(1),
  plan: z.object({ id: z.string(), title: z.string() }).nullable(),
  member: Member,
  syncPath: z.string(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;

export const PlanInfoResponse = z.object({
  plan: z.object({ id: z.string(), title: z.string(), createdAt: z.string().nullable() }),
  me: Member,
  syncPath: z.string(),
});
export type PlanInfoResponse = z.infer<typeof PlanInfoResponse>;

export const MembersResponse = z.object({ members: z.array(Member) });
export const InvitesResponse = z.object({ invites: z.array(Invite) });
export const CreatedInviteResponse = z.object({
  invite: Invite,
  code: z.string(),
  joinUrl: z.string(),
});
export type CreatedInviteResponse = z.infer<typeof CreatedInviteResponse>;

/** One audit entry: a member's consecutive updates that touched the same things (seq/at: the
 * first; lastSeq/lastAt: the last; updates: how many). Servers before audit coalescing send
 * neither of the last three: such an entry is one update, at `at`. */
export const HistoryEntry = z.object({
  seq: z.number(),
  at: z.string().nullable(),
  lastSeq: z.number().optional(),
  lastAt: z.string().nullable().optional(),
  updates: z.number().optional(),
  member: z.object({ id: z.string(), name: z.string(), organisation: z.string() }).nullable(),
  /** action id → fields touched */
  actions: z.record(z.string(), z.array(z.string()).readonly()),
  /** other parts of the plan touched (meta, objectives, orgs, frameworks) */
  parts: z.array(z.string()).readonly(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryResponse = z.object({ entries: z.array(HistoryEntry) });

/** Every error the API sends: a stable code for programs and a sentence for people. */
export const ApiError = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

/**
 * `GET /api/plans/:id/exports?format=pdf&lang=ru&from=2025-01-01&to=2025-06-30&since=…`: any
 * member, viewers included (donors download reports without editing rights). `since` is a date
 * or `checkpoint:<id>`, a saved version from the plan's checkpoints. `ids=true` adds each action's
 * internal id to the action rows (people read refs; a program may match by id).
 */
export const ExportQuery = z
  .object({
    format: z.enum(['json', 'csv', 'xlsx', 'html', 'pdf', 'iati']),
    lang: z.enum(['en', 'ru', 'tk']).default('en'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    since: z.union([z.iso.date(), z.string().regex(/^checkpoint:\d+$/)]).optional(),
    ids: z.stringbool().optional(),
  })
  .refine((query) => (query.from === undefined) === (query.to === undefined), {
    message: 'a reporting period needs both from and to',
    path: ['from'],
  });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** A checkpoint in the plan's list of saved versions. */
export const Checkpoint = z.object({
  id: z.number(),
  at: z.string().nullable(),
  seq: z.number(),
  bytes: z.number(),
});
export const CheckpointsResponse = z.object({ checkpoints: z.array(Checkpoint) });
/** What `POST …/checkpoints/:checkpointId/restore` did: counts of entries changed per kind. */
export const RestoreResponse = z.object({
  checkpointId: z.number(),
  /** the plan just before the restore, kept as a checkpoint: restoring it undoes the restore */
  undoCheckpointId: z.number(),
  changed: z.object({
    actions: z.number(),
    objectives: z.number(),
    organisations: z.number(),
    meta: z.boolean(),
  }),
});
export type RestoreResponse = z.infer<typeof RestoreResponse>;
/** A member after a change (revoked, or a new role). */
export const RevokedMemberResponse = z.object({ member: Member });
export const RevokedInviteResponse = z.object({ revokedMembers: z.array(z.string()) });
export const HealthResponse = z.object({ status: z.enum(['ok', 'unhealthy']) });
/**
 * Ready to serve: storage writable, free disk above its threshold, no damaged plan (else 503,
 * 'not ready'); 'degraded' (200) when it serves but slower (a cluster node without Redis).
 */
export const ReadyResponse = z.object({
  status: z.enum(['ready', 'degraded', 'not ready']),
  reasons: z.array(z.string()),
});

/** A parameter that does not fit its rule names nothing: the server answers 404 with this. */
const planParams = { planId: z.string().regex(PLAN_ID_PATTERN, { error: 'No such plan.' }) };
const PlanParams = z.object(planParams);
const CheckpointParams = z.object({
  ...planParams,
  checkpointId: z.string().regex(/^\d+$/, { error: 'No such checkpoint.' }).transform(Number),
});

/** `GET …/history?limit&before`: at most this many entries a page. */
export const MAX_HISTORY_PAGE = 500;
const DEFAULT_HISTORY_PAGE = 100;
/** Lenient, as the first server was: a limit or cursor that is not a positive number is ignored. */
const positive = (text: string | undefined): number | undefined => {
  const value = Number(text ?? '');
  return Number.isFinite(value) && value > 0 ? value : undefined;
};
export const HistoryQuery = z.object({
  limit: z
    .string()
    .optional()
    .transform((text) => Math.min(MAX_HISTORY_PAGE, positive(text) ?? DEFAULT_HISTORY_PAGE)),
  before: z.string().optional().transform(positive),
});

/** Who may call a route. */
export const CALLERS = {
  /** anyone, signed in or not */
  anyone: 'anyone',
  /** a member of the plan, viewers included (`Authorization: Bearer <token>`) */
  member: 'member',
  /** an owner of the plan */
  owner: 'owner',
} as const;
export type Caller = keyof typeof CALLERS;

/** What a route answers: JSON checked by a schema, or bytes (a file, a Yjs update, text). */
export interface ApiRoute<
  Path extends string = string,
  Params = unknown,
  Query = unknown,
  Body = unknown,
  Response = unknown,
> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: Path;
  readonly who: Caller;
  /** the status of a successful answer; 200 unless said */
  readonly status?: 200 | 201;
  readonly params?: z.ZodType<Params>;
  readonly query?: z.ZodType<Query>;
  readonly body?: z.ZodType<Body>;
  /** the JSON answer's schema; absent when the answer is bytes */
  readonly response?: z.ZodType<Response>;
}

const route = <Path extends string, Params, Query, Body, Response>(
  definition: ApiRoute<Path, Params, Query, Body, Response>,
) => definition;

export const API_ROUTES = {
  join: route({
    method: 'POST',
    path: API_PATHS.join,
    who: 'anyone',
    status: 201,
    body: JoinRequest,
    response: JoinResponse,
  }),
  plan: route({
    method: 'GET',
    path: API_PATHS.plan,
    who: 'member',
    params: PlanParams,
    response: PlanInfoResponse,
  }),
  members: route({
    method: 'GET',
    path: API_PATHS.members,
    who: 'member',
    params: PlanParams,
    response: MembersResponse,
  }),
  revokeMember: route({
    method: 'DELETE',
    path: API_PATHS.member,
    who: 'owner',
    params: z.object({ ...planParams, memberId: z.string() }),
    response: RevokedMemberResponse,
  }),
  /** 409 `last_owner` when it would demote the plan's last owner */
  changeRole: route({
    method: 'PATCH',
    path: API_PATHS.member,
    who: 'owner',
    params: z.object({ ...planParams, memberId: z.string() }),
    body: ChangeRoleRequest,
    response: RevokedMemberResponse,
  }),
  invites: route({
    method: 'GET',
    path: API_PATHS.invites,
    who: 'owner',
    params: PlanParams,
    response: InvitesResponse,
  }),
  createInvite: route({
    method: 'POST',
    path: API_PATHS.invites,
    who: 'owner',
    status: 201,
    params: PlanParams,
    body: InviteRequest,
    response: CreatedInviteResponse,
  }),
  revokeInvite: route({
    method: 'DELETE',
    path: API_PATHS.invite,
    who: 'owner',
    params: z.object({ ...planParams, inviteId: z.string() }),
    /** keepMembers=1: the invite's members stay */
    query: z.object({
      keepMembers: z
        .string()
        .optional()
        .transform((text) => text === '1'),
    }),
    response: RevokedInviteResponse,
  }),
  history: route({
    method: 'GET',
    path: API_PATHS.history,
    who: 'member',
    params: PlanParams,
    query: HistoryQuery,
    response: HistoryResponse,
  }),
  checkpoints: route({
    method: 'GET',
    path: API_PATHS.checkpoints,
    who: 'member',
    params: PlanParams,
    response: CheckpointsResponse,
  }),
  /** the plan at that checkpoint: one Yjs update (apply it to an empty Y.Doc) */
  checkpoint: route({
    method: 'GET',
    path: API_PATHS.checkpoint,
    who: 'member',
    params: CheckpointParams,
  }),
  /**
   * Brings the plan back to a checkpoint as a new change by the caller, live to every copy.
   * Owners only: it rewrites every action at once, adoption (`stage`) included, which only owners
   * may change.
   */
  restoreCheckpoint: route({
    method: 'POST',
    path: API_PATHS.restoreCheckpoint,
    who: 'owner',
    params: CheckpointParams,
    response: RestoreResponse,
  }),
  /** the plan's plain snapshot (JSON, gzipped when accepted; checked by the app's own reader) */
  snapshot: route({ method: 'GET', path: API_PATHS.snapshot, who: 'member', params: PlanParams }),
  /** the export as an attachment */
  exports: route({
    method: 'GET',
    path: API_PATHS.exports,
    who: 'member',
    params: PlanParams,
    query: ExportQuery,
  }),
  healthz: route({
    method: 'GET',
    path: API_PATHS.healthz,
    who: 'anyone',
    response: HealthResponse,
  }),
  readyz: route({
    method: 'GET',
    path: API_PATHS.readyz,
    who: 'anyone',
    response: ReadyResponse,
  }),
  /** Prometheus text */
  metrics: route({ method: 'GET', path: API_PATHS.metrics, who: 'anyone' }),
} as const;
export type ApiRoutes = typeof API_ROUTES;
