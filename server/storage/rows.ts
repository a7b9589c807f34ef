// The rows both SQL backends store (the same columns in SQLite and PostgreSQL) and the records
// they become.
import type { AuditEntry, InviteRecord, MemberRecord, PlanRecord, Role, Touched } from './store';

export interface PlanRow {
  id: string;
  title: string;
  created_at: number;
}
export interface MemberRow {
  id: string;
  plan_id: string;
  name: string;
  organisation: string;
  role: string;
  invite_id: string | null;
  created_at: number;
  revoked_at: number | null;
}
export interface InviteRow {
  id: string;
  plan_id: string;
  role: string;
  max_uses: number | null;
  uses: number;
  expires_at: number | null;
  created_at: number;
  created_by: string | null;
  revoked_at: number | null;
  label: string;
}
export interface AuditRow {
  plan_id: string;
  seq: number;
  member_id: string | null;
  at: number;
  actions: string;
  parts: string;
  last_seq: number;
  last_at: number;
  updates: number;
}

export const plan = (row: PlanRow): PlanRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
});
export const member = (row: MemberRow): MemberRecord => ({
  id: row.id,
  planId: row.plan_id,
  name: row.name,
  organisation: row.organisation,
  role: row.role as Role,
  inviteId: row.invite_id,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
export const invite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  planId: row.plan_id,
  role: row.role as Role,
  maxUses: row.max_uses,
  uses: row.uses,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
  createdBy: row.created_by,
  revokedAt: row.revoked_at,
  label: row.label,
});
export const audit = (row: AuditRow): AuditEntry => ({
  planId: row.plan_id,
  seq: row.seq,
  memberId: row.member_id,
  at: row.at,
  lastSeq: row.last_seq,
  lastAt: row.last_at,
  updates: row.updates,
  touched: {
    actions: JSON.parse(row.actions) as Touched['actions'],
    parts: JSON.parse(row.parts) as Touched['parts'],
  },
});
/** A Buffer as the Uint8Array records carry, without a copy. */
export const bytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
