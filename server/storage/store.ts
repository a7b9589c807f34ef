// The sync server's storage ports: plans, membership (invites and members), the update log, the
// audit trail, checkpoints and storage health. A backend (SqliteStore, PostgresStore) implements
// them all as one PlanStore and passes the contract suite (contractSuite.ts), one block per port;
// each consumer takes only the ports it uses. Methods are async so a networked backend fits; the
// SQLite backend resolves at once.

import type { Role } from '../../shared/contracts/api';

/** A member's role in one plan (owner, editor or viewer): the HTTP contract's roles. */
export { ROLE_LIST, ROLES, type Role } from '../../shared/contracts/api';

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

/** A change of one member's access: a new role, or revocation. */
export type MemberChange = { readonly role: Role } | { readonly revokedAt: number };

/** Why a member change was refused. */
export const MEMBER_CHANGE_REFUSALS = {
  /** no such member in this plan */
  unknown: 'unknown',
  /** the change would leave the plan with no owner, who alone can invite, revoke and adopt */
  lastOwner: 'lastOwner',
} as const;
export type MemberChangeRefusal = keyof typeof MEMBER_CHANGE_REFUSALS;

export type MemberChangeOutcome =
  | { readonly ok: true; readonly member: MemberRecord }
  | { readonly ok: false; readonly refusal: MemberChangeRefusal };

/** Whether `change` takes an active owner away: then another active owner must remain. */
export const removesOwner = (member: MemberRecord, change: MemberChange): boolean =>
  member.role === 'owner' &&
  member.revokedAt === null &&
  ('revokedAt' in change || change.role !== 'owner');

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

/** Held while a plan is compacted (PlanStore.compactionLease). */
export interface CompactionLease {
  release(): Promise<void>;
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

/** Which member first sent structs of a Yjs client id in a plan (the sync gate's ledger, which
 * bounds new client ids per member over time and tells who wrote with that id). */
export interface ClientIdRecord {
  readonly planId: string;
  readonly clientId: number;
  readonly memberId: string;
  /** epoch ms when the server first accepted an update from this client id */
  readonly at: number;
}

/** A plan's document merged into one state (a Yjs update), and how far it reaches. */
export interface MergedDocument {
  readonly state: Uint8Array;
  /** the sequence number of the compacted state it started from (0 if none) */
  readonly stateSeq: number;
  /** the last log entry folded in (stateSeq when the log after it was empty) */
  readonly seq: number;
  /** the plan's last sequence number: seq < lastSeq when the load was asked to stop early */
  readonly lastSeq: number;
  /**
   * `state` cut into updates that apply one by one in order (stateChunks.ts), set by a backend
   * that merges off the event loop when it loads a whole plan, so the room's load yields between
   * them ([D9])
   */
  readonly chunks?: readonly Uint8Array[];
}

/** A plan refused because its stored data failed a check (integrity.ts, DamagedPlanError). */
export interface DamagedPlan {
  readonly planId: string;
  readonly reason: string;
  /** epoch ms when the damage was found */
  readonly at: number;
}

export interface CheckpointRecord {
  readonly id: number;
  readonly planId: string;
  readonly at: number;
  readonly seq: number;
  readonly byteLength: number;
}

/** The plans a server holds. */
export interface PlanCatalog {
  createPlan(plan: PlanRecord): Promise<void>;
  getPlan(planId: string): Promise<PlanRecord | undefined>;
  listPlans(): Promise<readonly PlanRecord[]>;
}

/** Invites and members: who may open a plan, with which role. */
export interface MembershipStore {
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
  /**
   * Changes a member's role or revokes them, checking in the same transaction that an active owner
   * remains (two owners demoting each other at once cannot both succeed). Revoking twice keeps
   * the first time; a revoked member's role still changes (it shows in the list).
   */
  changeMember(
    planId: string,
    memberId: string,
    change: MemberChange,
  ): Promise<MemberChangeOutcome>;
  /** Members revoked after `since` (epoch ms), so a server notices revocations made elsewhere. */
  membersRevokedSince(since: number): Promise<readonly MemberRecord[]>;
}

/** A plan's update log, its compacted state and the client ids its updates brought. */
export interface UpdateLog {
  /**
   * Appends updates (any plans) durably in one transaction, with their audit entries, and
   * returns their sequence numbers in order. Resolves only once they survive a crash. An update
   * extends its member's newest audit entry instead of adding one when it touched the same
   * actions, fields and parts within the backend's audit coalescing window. `clientIds` are the
   * client ids these updates introduce, recorded in the same transaction; one already recorded
   * keeps its first member and time.
   */
  appendUpdates(
    updates: readonly UpdateToStore[],
    clientIds?: readonly ClientIdRecord[],
  ): Promise<readonly number[]>;
  /** Every blob checked; rejects with a DamagedPlanError when one fails (integrity.ts). */
  loadDocument(planId: string): Promise<StoredDocument>;
  /**
   * The state and at most `maxUpdates` log entries after it (all by default), checked and merged
   * into one state off the event loop where the backend can. Rejects with a DamagedPlanError when
   * anything fails a check, and from then on refuses the plan at once (never serves, compacts or
   * overwrites it) until it is repaired.
   */
  loadMergedState(planId: string, maxUpdates?: number): Promise<MergedDocument>;
  /**
   * The right to compact a plan, or null while someone else holds it: held for a whole
   * compaction, so two nodes never fold the same log at once. A node that dies gives it up with
   * its connection (PostgreSQL: a session advisory lock).
   */
  compactionLease(planId: string): Promise<CompactionLease | null>;
  /** Replaces the compacted state by `state` (which folds in every update up to `throughSeq`). */
  compact(planId: string, state: Uint8Array, throughSeq: number, at: number): Promise<void>;
  /** Every client id recorded for a plan (appendUpdates records them). */
  clientIds(planId: string): Promise<readonly ClientIdRecord[]>;
}

/** Who changed what, newest first. */
export interface AuditTrail {
  /** Newest first by first sequence number (`seq`); `beforeSeq` pages backwards. */
  history(planId: string, limit: number, beforeSeq?: number): Promise<readonly AuditEntry[]>;
}

/** Dated versions of a plan, for history and restore. */
export interface CheckpointStore {
  addCheckpoint(planId: string, at: number, seq: number, state: Uint8Array): Promise<void>;
  /** Newest first. */
  listCheckpoints(planId: string): Promise<readonly CheckpointRecord[]>;
  readCheckpoint(planId: string, id: number): Promise<Uint8Array | undefined>;
  /** Deletes checkpoints older than `before`, always keeping each plan's newest one. */
  pruneCheckpoints(before: number): Promise<number>;
}

/** What /readyz asks of storage. */
export interface StorageHealth {
  /** Plans refused as damaged, so /readyz and the log can name them. */
  damagedPlans(): Promise<readonly DamagedPlan[]>;
  /** Makes a small write and takes it back: rejects when storage cannot write (full, read-only). */
  probeWrite(): Promise<void>;
}

/** Every port, as one backend implements them. */
export interface PlanStore
  extends PlanCatalog, MembershipStore, UpdateLog, AuditTrail, CheckpointStore, StorageHealth {
  close(): Promise<void>;
}
