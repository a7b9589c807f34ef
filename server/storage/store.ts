// The one storage interface of the sync server. SQLite implements it
// today (sqliteStore.ts); a PostgreSQL backend implements the same interface and must pass the same
// contract suite (contractSuite.ts). Methods are async so a networked backend fits; the SQLite
// backend resolves at once.

import type { Role } from '../../shared/http';

/** A member's role in one plan (owner, editor or viewer): the HTTP contract's roles. */
export { ROLE_LIST, ROLES, type Role } from '../../shared/http';

export interface PlanRecord {
  readonly id: string;
  readonly title: string;
  /** epoch milliseconds */
  readonly createdAt: number;
}

export interface MemberRecord {
  readonly id: string;
  readonly planId: string;
  readonly name: string;
  readonly organisation: string;
  readonly role: Role;
  /** the invite this member joined with; null for members added another way */
  readonly inviteId: string | null;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface NewMember extends Omit<MemberRecord, 'revokedAt'> {
  /** sha-256 of the member's personal token; the token itself is never stored */
  readonly tokenHash: string;
}

export interface InviteRecord {
  readonly id: string;
  readonly planId: string;
  readonly role: Role;
  /** null: any number of uses */
  readonly maxUses: number | null;
  readonly uses: number;
  /** epoch ms after which the invite no longer works; null: never expires */
  readonly expiresAt: number | null;
  readonly createdAt: number;
  /** the member who created it, or null for the admin CLI */
  readonly createdBy: string | null;
  readonly revokedAt: number | null;
  /** a note for the owner ("Ministry of Labour", "workshop 12 May") */
  readonly label: string;
}

export interface NewInvite extends Omit<InviteRecord, 'uses' | 'revokedAt'> {
  /** sha-256 of the invite code; the code itself is never stored */
  readonly codeHash: string;
}

/** Why an invite could not be redeemed. */
export const INVITE_REFUSALS = {
  /** no invite with this code for this plan */
  unknown: 'unknown',
  revoked: 'revoked',
  expired: 'expired',
  /** a single- or n-use invite whose uses are spent */
  usedUp: 'usedUp',
} as const;
export type InviteRefusal = keyof typeof INVITE_REFUSALS;

export type RedeemOutcome =
  | { readonly ok: true; readonly member: MemberRecord }
  | { readonly ok: false; readonly refusal: InviteRefusal };

/** What one update touched, for the audit log. */
export interface Touched {
  /** action id -> the fields of that action the update changed */
  readonly actions: Readonly<Record<string, readonly string[]>>;
  /** the top-level parts of the document (meta, objectives, orgs, ...) it changed */
  readonly parts: readonly string[];
}

export interface UpdateToStore {
  readonly planId: string;
  /** a Yjs update (v1 encoding) */
  readonly update: Uint8Array;
  readonly memberId: string | null;
  readonly at: number;
  readonly touched: Touched;
}

/**
 * Who touched what, when. One entry may stand for several consecutive updates of one member that
 * touched the same things (a title typed one keystroke at a time): `seq`/`at` are the first of
 * them, `lastSeq`/`lastAt` the last, `updates` how many.
 */
export interface AuditEntry {
  readonly planId: string;
  readonly seq: number;
  readonly memberId: string | null;
  readonly at: number;
  readonly lastSeq: number;
  readonly lastAt: number;
  readonly updates: number;
  readonly touched: Touched;
}

/** Everything needed to rebuild a plan's document: the compacted state and the log after it. */
export interface StoredDocument {
  /** the compacted state (a Yjs update), or null if the plan was never compacted */
  readonly state: Uint8Array | null;
  /** the last log sequence number folded into `state` (0 if none) */
  readonly stateSeq: number;
  /** log entries after stateSeq, in order */
  readonly updates: readonly { readonly seq: number; readonly update: Uint8Array }[];
}

export interface CheckpointRecord {
  readonly id: number;
  readonly planId: string;
  readonly at: number;
  readonly seq: number;
  readonly byteLength: number;
}

export interface PlanStore {
  createPlan(plan: PlanRecord): Promise<void>;
  getPlan(planId: string): Promise<PlanRecord | undefined>;
  listPlans(): Promise<readonly PlanRecord[]>;

  createInvite(invite: NewInvite): Promise<InviteRecord>;
  listInvites(planId: string): Promise<readonly InviteRecord[]>;
  /**
   * Revokes an invite; with `revokeMembers`, also every member who joined with it. Returns the
   * members revoked (so their live sockets can be closed), or undefined if there is no such invite.
   */
  revokeInvite(
    planId: string,
    inviteId: string,
    at: number,
    revokeMembers: boolean,
  ): Promise<readonly MemberRecord[] | undefined>;
  /** Atomically checks the invite, counts one use and adds the member. */
  redeemInvite(
    codeHash: string,
    member: Omit<NewMember, 'role' | 'inviteId' | 'planId'>,
  ): Promise<RedeemOutcome>;

  addMember(member: NewMember): Promise<MemberRecord>;
  /** The member holding this token in this plan, revoked or not. */
  memberByTokenHash(planId: string, tokenHash: string): Promise<MemberRecord | undefined>;
  listMembers(planId: string): Promise<readonly MemberRecord[]>;
  /** Returns the member as revoked, or undefined if there is no such member. */
  revokeMember(planId: string, memberId: string, at: number): Promise<MemberRecord | undefined>;
  /** Members revoked after `since` (epoch ms), so a server notices revocations made elsewhere. */
  membersRevokedSince(since: number): Promise<readonly MemberRecord[]>;

  /**
   * Appends updates (any plans) durably in one transaction, with their audit entries, and
   * returns their sequence numbers in order. Resolves only once they survive a crash. An update
   * extends its member's newest audit entry instead of adding one when it touched the same
   * actions, fields and parts within the backend's audit coalescing window.
   */
  appendUpdates(updates: readonly UpdateToStore[]): Promise<readonly number[]>;
  loadDocument(planId: string): Promise<StoredDocument>;
  /** Replaces the compacted state by `state` (which folds in every update up to `throughSeq`). */
  compact(planId: string, state: Uint8Array, throughSeq: number, at: number): Promise<void>;
  /** Newest first by first sequence number (`seq`); `beforeSeq` pages backwards. */
  history(planId: string, limit: number, beforeSeq?: number): Promise<readonly AuditEntry[]>;

  addCheckpoint(planId: string, at: number, seq: number, state: Uint8Array): Promise<void>;
  /** Newest first. */
  listCheckpoints(planId: string): Promise<readonly CheckpointRecord[]>;
  readCheckpoint(planId: string, id: number): Promise<Uint8Array | undefined>;
  /** Deletes checkpoints older than `before`, always keeping each plan's newest one. */
  pruneCheckpoints(before: number): Promise<number>;

  close(): Promise<void>;
}
