// The sync server's HTTP API, shared by the server (which validates requests and builds
// responses with these schemas) and the app (which checks every response before use).
import { z } from 'zod';

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

/** Plan ids in URLs and sync paths: random UUIDs, or short slugs in tests. */
export const PLAN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const API_PATHS = {
  join: '/api/join',
  plan: (planId: string) => `/api/plans/${encodeURIComponent(planId)}`,
  members: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/members`,
  member: (planId: string, memberId: string) =>
    `/api/plans/${encodeURIComponent(planId)}/members/${encodeURIComponent(memberId)}`,
  invites: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/invites`,
  invite: (planId: string, inviteId: string) =>
    `/api/plans/${encodeURIComponent(planId)}/invites/${encodeURIComponent(inviteId)}`,
  history: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/history`,
  checkpoints: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/checkpoints`,
  exports: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/exports`,
  snapshot: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/snapshot`,
  sync: (planId: string) => `/sync/${encodeURIComponent(planId)}`,
} as const;

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
  actions: z.record(z.string(), z.array(z.string())),
  /** other parts of the plan touched (meta, objectives, orgs, frameworks) */
  parts: z.array(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryResponse = z.object({ entries: z.array(HistoryEntry) });

/** Every error the API sends: a stable code for programs and a sentence for people. */
export const ApiError = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

/**
 * `GET /api/plans/:id/exports?format=pdf&lang=ru&from=2025-01-01&to=2025-06-30&since=…`: any
 * member, viewers included (donors download reports without editing rights). `since` is a date
 * or `checkpoint:<id>`, a saved version from the plan's checkpoints.
 */
export const ExportQuery = z
  .object({
    format: z.enum(['json', 'csv', 'xlsx', 'html', 'pdf']),
    lang: z.enum(['en', 'ru', 'tk']).default('en'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    since: z.union([z.iso.date(), z.string().regex(/^checkpoint:\d+$/)]).optional(),
  })
  .refine((query) => (query.from === undefined) === (query.to === undefined), {
    message: 'a reporting period needs both from and to',
    path: ['from'],
  });
export type ExportQuery = z.infer<typeof ExportQuery>;
