// The embedded default backend: one SQLite database in WAL mode (better-sqlite3). Every write is a
// transaction committed with synchronous=FULL, so a resolved appendUpdates survives a crash or a
// power cut, not only a killed process.
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareAppend } from './appendUpdates.mjs';
import { prepareRecordClientIds } from './clientIds.mjs';
import type {
  AuditEntry,
  CheckpointRecord,
  ClientIdRecord,
  InviteRecord,
  MemberRecord,
  NewInvite,
  NewMember,
  PlanRecord,
  PlanStore,
  RedeemOutcome,
  Role,
  StoredDocument,
  Touched,
  UpdateToStore,
} from './store';

/** Bumped with every schema change; `migrate` brings older files up to it. 2: coalesced audit
 * entries (last_seq, last_at, updates). */
const SCHEMA_VERSION = 2;

/** How long a writer waits for another connection's lock (the CLI, a backup) before failing. */
const BUSY_TIMEOUT_MS = 5_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS plans (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS invites (
  id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES plans(id), code_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL, max_uses INTEGER, uses INTEGER NOT NULL DEFAULT 0, expires_at INTEGER,
  created_at INTEGER NOT NULL, created_by TEXT, revoked_at INTEGER, label TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS invites_plan ON invites(plan_id);
CREATE TABLE IF NOT EXISTS members (
  id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES plans(id), token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL, organisation TEXT NOT NULL, role TEXT NOT NULL, invite_id TEXT,
  created_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE INDEX IF NOT EXISTS members_plan ON members(plan_id);
CREATE INDEX IF NOT EXISTS members_revoked ON members(revoked_at);
CREATE TABLE IF NOT EXISTS updates (
  plan_id TEXT NOT NULL, seq INTEGER NOT NULL, member_id TEXT, at INTEGER NOT NULL,
  data BLOB NOT NULL, PRIMARY KEY (plan_id, seq));
CREATE TABLE IF NOT EXISTS states (
  plan_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data BLOB NOT NULL, compacted_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints (
  id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, at INTEGER NOT NULL,
  seq INTEGER NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS checkpoints_plan ON checkpoints(plan_id, at);
CREATE TABLE IF NOT EXISTS audit (
  plan_id TEXT NOT NULL, seq INTEGER NOT NULL, member_id TEXT, at INTEGER NOT NULL,
  actions TEXT NOT NULL, parts TEXT NOT NULL, last_seq INTEGER NOT NULL, last_at INTEGER NOT NULL,
  updates INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (plan_id, seq));
CREATE TABLE IF NOT EXISTS client_ids (
  plan_id TEXT NOT NULL, client_id INTEGER NOT NULL, member_id TEXT NOT NULL, at INTEGER NOT NULL,
  PRIMARY KEY (plan_id, client_id));
`;

/** Schema 1 -> 2: one audit entry may stand for several updates (appendUpdates.mjs). */
const AUDIT_COALESCING = `
ALTER TABLE audit ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN last_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN updates INTEGER NOT NULL DEFAULT 1;
UPDATE audit SET last_seq = seq, last_at = at;
`;

/** Finds a member's newest audit entry in a plan, which their next update may extend. */
const AUDIT_INDEX = 'CREATE INDEX IF NOT EXISTS audit_member ON audit(plan_id, member_id, seq);';

interface PlanRow {
  id: string;
  title: string;
  created_at: number;
}
interface MemberRow {
  id: string;
  plan_id: string;
  name: string;
  organisation: string;
  role: string;
  invite_id: string | null;
  created_at: number;
  revoked_at: number | null;
}
interface InviteRow {
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
interface AuditRow {
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

const plan = (row: PlanRow): PlanRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
});
const member = (row: MemberRow): MemberRecord => ({
  id: row.id,
  planId: row.plan_id,
  name: row.name,
  organisation: row.organisation,
  role: row.role as Role,
  inviteId: row.invite_id,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
const invite = (row: InviteRow): InviteRecord => ({
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
const audit = (row: AuditRow): AuditEntry => ({
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
const bytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export interface SqliteStoreOptions {
  /** a file path, or ':memory:' for tests */
  readonly file: string;
  readonly readonly?: boolean;
  /**
   * Append updates, and write compacted states and checkpoints, on a writer thread
   * (sqliteWriter.mjs) so a commit's fsync never blocks the event loop; the server uses this. Not for ':memory:' (the thread opens the file itself).
   */
  readonly writerThread?: boolean;
  /**
   * 'full' (default): every commit is fsynced, so an acknowledged update survives a power cut.
   * 'normal': commits reach the WAL file (the OS page cache) and survive the server process being
   * killed, but the last ones may be lost if the machine itself loses power; fsyncs happen only at
   * WAL checkpoints. Clients still hold what they sent and resend it on their next sync.
   */
  readonly synchronous?: SynchronousMode;
  /**
   * An update extends its member's newest audit entry when it touched the same actions, fields
   * and parts at most this long after that entry's last update (appendUpdates.mjs); 0 (default):
   * one audit entry per update. The server passes `limits.auditCoalesceMs`.
   */
  readonly auditCoalesceMs?: number;
}

export type SynchronousMode = 'full' | 'normal';

interface PendingWrite {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class SqliteStore implements PlanStore {
  readonly db: Database.Database;
  private writer: Worker | null = null;
  private writerFailure: Error | null = null;
  private readonly writes = new Map<number, PendingWrite>();
  private nextWrite = 0;
  private readonly auditCoalesceMs: number;

  constructor(options: SqliteStoreOptions) {
    this.auditCoalesceMs = options.auditCoalesceMs ?? 0;
    this.db = new Database(options.file, { readonly: options.readonly ?? false });
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      this.db.pragma('foreign_keys = ON');
      this.migrate();
    }
    if (options.writerThread) this.startWriter(options.file, options.synchronous ?? 'full');
  }

  private startWriter(file: string, synchronous: SynchronousMode): void {
    const writer = new Worker(new URL('./sqliteWriter.mjs', import.meta.url), {
      workerData: {
        file,
        busyTimeoutMs: BUSY_TIMEOUT_MS,
        synchronous,
        auditCoalesceMs: this.auditCoalesceMs,
      },
    });
    writer.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const pending = this.writes.get(message.id);
      this.writes.delete(message.id);
      if (!pending) return;
      if (message.error === undefined) pending.resolve(message.result);
      else pending.reject(new Error(message.error));
    });
    const fail = (error: Error) => {
      this.writerFailure = error;
      this.writer = null;
      for (const pending of this.writes.values()) pending.reject(error);
      this.writes.clear();
    };
    writer.on('error', fail);
    writer.on('exit', () => fail(new Error('storage writer thread stopped')));
    this.writer = writer;
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `database schema ${version} is newer than this server (${SCHEMA_VERSION}); upgrade the server`,
      );
    }
    this.db.transaction(() => {
      const auditExisted = this.tableColumns('audit').length > 0;
      this.db.exec(SCHEMA);
      if (auditExisted && !this.tableColumns('audit').includes('last_seq')) {
        this.db.exec(AUDIT_COALESCING);
      }
      this.db.exec(AUDIT_INDEX);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }

  private tableColumns(table: string): string[] {
    return (this.db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  }

  async createPlan(record: PlanRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO plans (id, title, created_at) VALUES (?, ?, ?)')
      .run(record.id, record.title, record.createdAt);
  }

  async getPlan(planId: string): Promise<PlanRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM plans WHERE id = ?').get(planId) as
      PlanRow | undefined;
    return row && plan(row);
  }

  async listPlans(): Promise<readonly PlanRecord[]> {
    const rows = this.db.prepare('SELECT * FROM plans ORDER BY created_at, id').all() as PlanRow[];
    return rows.map(plan);
  }

  async createInvite(record: NewInvite): Promise<InviteRecord> {
    this.db
      .prepare(
        `INSERT INTO invites (id, plan_id, code_hash, role, max_uses, expires_at, created_at,
           created_by, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id,
        record.planId,
        record.codeHash,
        record.role,
        record.maxUses,
        record.expiresAt,
        record.createdAt,
        record.createdBy,
        record.label,
      );
    return this.inviteById(record.id) as InviteRecord;
  }

  private inviteById(id: string): InviteRecord | undefined {
    const row = this.db.prepare('SELECT * FROM invites WHERE id = ?').get(id) as
      InviteRow | undefined;
    return row && invite(row);
  }

  async listInvites(planId: string): Promise<readonly InviteRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM invites WHERE plan_id = ? ORDER BY created_at, id')
      .all(planId) as InviteRow[];
    return rows.map(invite);
  }

  async revokeInvite(
    planId: string,
    inviteId: string,
    at: number,
    revokeMembers: boolean,
  ): Promise<readonly MemberRecord[] | undefined> {
    return this.db.transaction(() => {
      const found = this.db
        .prepare(
          'UPDATE invites SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND plan_id = ?',
        )
        .run(at, inviteId, planId);
      if (found.changes === 0) return undefined;
      if (!revokeMembers) return [];
      const rows = this.db
        .prepare(
          `UPDATE members SET revoked_at = ? WHERE invite_id = ? AND plan_id = ?
             AND revoked_at IS NULL RETURNING *`,
        )
        .all(at, inviteId, planId) as MemberRow[];
      return rows.map(member);
    })();
  }

  async redeemInvite(
    codeHash: string,
    newMember: Omit<NewMember, 'role' | 'inviteId' | 'planId'>,
  ): Promise<RedeemOutcome> {
    return this.db.transaction((): RedeemOutcome => {
      const row = this.db.prepare('SELECT * FROM invites WHERE code_hash = ?').get(codeHash) as
        InviteRow | undefined;
      if (!row) return { ok: false, refusal: 'unknown' };
      if (row.revoked_at !== null) return { ok: false, refusal: 'revoked' };
      if (row.expires_at !== null && row.expires_at <= newMember.createdAt) {
        return { ok: false, refusal: 'expired' };
      }
      if (row.max_uses !== null && row.uses >= row.max_uses) {
        return { ok: false, refusal: 'usedUp' };
      }
      this.db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ?').run(row.id);
      const added = this.insertMember({
        ...newMember,
        planId: row.plan_id,
        role: row.role as Role,
        inviteId: row.id,
      });
      return { ok: true, member: added };
    })();
  }

  private insertMember(record: NewMember): MemberRecord {
    this.db
      .prepare(
        `INSERT INTO members (id, plan_id, token_hash, name, organisation, role, invite_id,
           created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id,
        record.planId,
        record.tokenHash,
        record.name,
        record.organisation,
        record.role,
        record.inviteId,
        record.createdAt,
      );
    return member(
      this.db.prepare('SELECT * FROM members WHERE id = ?').get(record.id) as MemberRow,
    );
  }

  async addMember(record: NewMember): Promise<MemberRecord> {
    return this.insertMember(record);
  }

  async memberByTokenHash(planId: string, tokenHash: string): Promise<MemberRecord | undefined> {
    const row = this.db
      .prepare('SELECT * FROM members WHERE token_hash = ? AND plan_id = ?')
      .get(tokenHash, planId) as MemberRow | undefined;
    return row && member(row);
  }

  async listMembers(planId: string): Promise<readonly MemberRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM members WHERE plan_id = ? ORDER BY created_at, id')
      .all(planId) as MemberRow[];
    return rows.map(member);
  }

  async revokeMember(
    planId: string,
    memberId: string,
    at: number,
  ): Promise<MemberRecord | undefined> {
    const row = this.db
      .prepare(
        `UPDATE members SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND plan_id = ?
           RETURNING *`,
      )
      .get(at, memberId, planId) as MemberRow | undefined;
    return row && member(row);
  }

  async membersRevokedSince(since: number): Promise<readonly MemberRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM members WHERE revoked_at > ? ORDER BY revoked_at')
      .all(since) as MemberRow[];
    return rows.map(member);
  }

  /** The inline append (without a writer thread); prepared on first use. */
  private append:
    | ((updates: readonly UpdateToStore[], clientIds: readonly ClientIdRecord[]) => number[])
    | undefined;

  /** Runs a write on the writer thread (sqliteWriter.mjs, WRITES); undefined without one. */
  private onWriter(
    kind: 'append' | 'compact' | 'checkpoint',
    message: object,
  ): Promise<unknown> | undefined {
    if (this.writerFailure) return Promise.reject(this.writerFailure);
    const writer = this.writer;
    if (!writer) return undefined;
    const id = this.nextWrite++;
    return new Promise((resolve, reject) => {
      this.writes.set(id, { resolve, reject });
      writer.postMessage({ ...message, id, kind });
    });
  }

  async appendUpdates(
    updates: readonly UpdateToStore[],
    clientIds: readonly ClientIdRecord[] = [],
  ): Promise<readonly number[]> {
    if (updates.length === 0) return [];
    const written = this.onWriter('append', { updates, clientIds });
    if (written) return (await written) as number[];
    if (!this.append) {
      const append = prepareAppend(this.db, this.auditCoalesceMs);
      const record = prepareRecordClientIds(this.db);
      this.append = this.db.transaction(
        (batch: readonly UpdateToStore[], ids: readonly ClientIdRecord[]) => {
          record(ids);
          return append(batch);
        },
      );
    }
    return this.append(updates, clientIds);
  }

  async loadDocument(planId: string): Promise<StoredDocument> {
    return this.db.transaction((): StoredDocument => {
      const state = this.db
        .prepare('SELECT seq, data FROM states WHERE plan_id = ?')
        .get(planId) as { seq: number; data: Buffer } | undefined;
      const stateSeq = state?.seq ?? 0;
      const rows = this.db
        .prepare('SELECT seq, data FROM updates WHERE plan_id = ? AND seq > ? ORDER BY seq')
        .all(planId, stateSeq) as { seq: number; data: Buffer }[];
      return {
        state: state ? bytes(state.data) : null,
        stateSeq,
        updates: rows.map((row) => ({ seq: row.seq, update: bytes(row.data) })),
      };
    })();
  }

  async compact(planId: string, state: Uint8Array, throughSeq: number, at: number): Promise<void> {
    const written = this.onWriter('compact', { planId, state, throughSeq, at });
    if (written) {
      await written;
      return;
    }
    this.db.transaction(() => {
      const current = this.db.prepare('SELECT seq FROM states WHERE plan_id = ?').get(planId) as
        { seq: number } | undefined;
      // A slower compaction must never replace a newer one.
      if (current && current.seq >= throughSeq) return;
      this.db
        .prepare(
          `INSERT INTO states (plan_id, seq, data, compacted_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (plan_id) DO UPDATE SET seq = excluded.seq, data = excluded.data,
             compacted_at = excluded.compacted_at`,
        )
        .run(planId, throughSeq, state, at);
      this.db.prepare('DELETE FROM updates WHERE plan_id = ? AND seq <= ?').run(planId, throughSeq);
    })();
  }

  async history(planId: string, limit: number, beforeSeq?: number): Promise<readonly AuditEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM audit WHERE plan_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
      .all(planId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    return rows.map(audit);
  }

  async addCheckpoint(planId: string, at: number, seq: number, state: Uint8Array): Promise<void> {
    const written = this.onWriter('checkpoint', { planId, at, seq, state });
    if (written) {
      await written;
      return;
    }
    this.db
      .prepare('INSERT INTO checkpoints (plan_id, at, seq, data) VALUES (?, ?, ?, ?)')
      .run(planId, at, seq, state);
  }

  async listCheckpoints(planId: string): Promise<readonly CheckpointRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT id, plan_id, at, seq, length(data) AS size FROM checkpoints WHERE plan_id = ?
           ORDER BY at DESC, id DESC`,
      )
      .all(planId) as { id: number; plan_id: string; at: number; seq: number; size: number }[];
    return rows.map((row) => ({
      id: row.id,
      planId: row.plan_id,
      at: row.at,
      seq: row.seq,
      byteLength: row.size,
    }));
  }

  async readCheckpoint(planId: string, id: number): Promise<Uint8Array | undefined> {
    const row = this.db
      .prepare('SELECT data FROM checkpoints WHERE plan_id = ? AND id = ?')
      .get(planId, id) as { data: Buffer } | undefined;
    return row && bytes(row.data);
  }

  async pruneCheckpoints(before: number): Promise<number> {
    const result = this.db
      .prepare(
        `DELETE FROM checkpoints WHERE at < ? AND id NOT IN
           (SELECT id FROM checkpoints c WHERE c.plan_id = checkpoints.plan_id
              ORDER BY at DESC, id DESC LIMIT 1)`,
      )
      .run(before);
    return result.changes;
  }

  /** An online, consistent copy of the whole database (SQLite's backup API). */
  async clientIds(planId: string): Promise<readonly ClientIdRecord[]> {
    return this.db
      .prepare(
        `SELECT plan_id AS planId, client_id AS clientId, member_id AS memberId, at
           FROM client_ids WHERE plan_id = ?`,
      )
      .all(planId) as ClientIdRecord[];
  }

  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  async close(): Promise<void> {
    const writer = this.writer;
    if (writer) {
      // appends already posted are answered first: the thread handles messages in order
      await Promise.allSettled(
        [...this.writes.values()].map(
          (pending) =>
            new Promise<void>((settled) => {
              const { resolve, reject } = pending;
              pending.resolve = (result) => (resolve(result), settled());
              pending.reject = (error) => (reject(error), settled());
            }),
        ),
      );
      writer.removeAllListeners('exit');
      this.writer = null;
      await new Promise<void>((resolve) => {
        writer.once('message', () => resolve());
        writer.once('exit', () => resolve());
        writer.postMessage({ close: true });
      });
      await writer.terminate();
    }
    if (this.db.open) this.db.close();
  }
}
