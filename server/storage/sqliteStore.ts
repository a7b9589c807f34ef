// The embedded default backend: one SQLite database in WAL mode (better-sqlite3). Every write is a
// transaction committed with synchronous=FULL, so a resolved appendUpdates survives a crash or a
// power cut, not only a killed process. Every blob carries a checksum, checked when it is read
// (sqliteDocument.ts); a plan that fails a check is refused until `repair` (sqliteRepair.ts).
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { checksumOf, DamagedPlanError, readingPlan } from './integrity';
import { openConnection, type SynchronousMode } from './sqliteConnection';
import { mergeStoredDocument, readStoredDocument } from './sqliteDocument';
import { repairPlan, type RepairReport } from './sqliteRepair';
import { prepareWrites, type SqliteWrites } from './sqliteWrites';
import type { ReplayAnswer, ReplayRequest } from './replayWorker';
import type { WriterAnswer, WriterData } from './sqliteWriter';
import { startWorker } from './workerThread';
import type {
  AuditEntry,
  CheckpointRecord,
  CompactionLease,
  ClientIdRecord,
  DamagedPlan,
  InviteRecord,
  MemberChange,
  MemberChangeOutcome,
  MemberRecord,
  MergedDocument,
  NewInvite,
  NewMember,
  PlanRecord,
  PlanStore,
  RedeemOutcome,
  Role,
  StoredDocument,
  UpdateToStore,
} from './store';
import { removesOwner } from './store';
import {
  audit,
  bytes,
  invite,
  member,
  plan,
  type AuditRow,
  type InviteRow,
  type MemberRow,
  type PlanRow,
} from './rows';

export type { SynchronousMode } from './sqliteConnection';

/** Bumped with every schema change; `migrate` brings older files up to it. 2: coalesced audit
 * entries (last_seq, last_at, updates). 3: a checksum beside every blob; repairs; the probe. */
const SCHEMA_VERSION = 3;

/** Owner-only: the database holds every plan, member names and token hashes. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

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
  data BLOB NOT NULL, checksum TEXT, PRIMARY KEY (plan_id, seq));
CREATE TABLE IF NOT EXISTS states (
  plan_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data BLOB NOT NULL, compacted_at INTEGER NOT NULL,
  checksum TEXT);
CREATE TABLE IF NOT EXISTS checkpoints (
  id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, at INTEGER NOT NULL,
  seq INTEGER NOT NULL, data BLOB NOT NULL, checksum TEXT);
CREATE INDEX IF NOT EXISTS checkpoints_plan ON checkpoints(plan_id, at);
CREATE TABLE IF NOT EXISTS audit (
  plan_id TEXT NOT NULL, seq INTEGER NOT NULL, member_id TEXT, at INTEGER NOT NULL,
  actions TEXT NOT NULL, parts TEXT NOT NULL, last_seq INTEGER NOT NULL, last_at INTEGER NOT NULL,
  updates INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (plan_id, seq));
CREATE TABLE IF NOT EXISTS client_ids (
  plan_id TEXT NOT NULL, client_id INTEGER NOT NULL, member_id TEXT NOT NULL, at INTEGER NOT NULL,
  PRIMARY KEY (plan_id, client_id));
CREATE TABLE IF NOT EXISTS repairs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, at INTEGER NOT NULL,
  report TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
`;

/** Schema 1 -> 2: one audit entry may stand for several updates (appendUpdates.ts). */
const AUDIT_COALESCING = `
ALTER TABLE audit ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN last_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN updates INTEGER NOT NULL DEFAULT 1;
UPDATE audit SET last_seq = seq, last_at = at;
`;

/** Schema 2 -> 3: the tables whose blobs get a checksum, and each one's key. */
const CHECKSUMMED = { updates: 'rowid', states: 'rowid', checkpoints: 'id' } as const;

/** Finds a member's newest audit entry in a plan, which their next update may extend. */
const AUDIT_INDEX = 'CREATE INDEX IF NOT EXISTS audit_member ON audit(plan_id, member_id, seq);';

/**
 * Creates the file owner-only if it does not exist, and makes an existing one owner-only. SQLite
 * gives its WAL and shared-memory files the database file's permissions.
 */
export function makePrivate(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Creates the data folder owner-only, or makes an existing one owner-only. */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  chmodSync(folder, PRIVATE_FOLDER_MODE);
}

export interface SqliteStoreOptions {
  /** a file path (created owner-only), or ':memory:' for tests */
  readonly file: string;
  readonly readonly?: boolean;
  /**
   * Append updates, and write compacted states and checkpoints, on a writer thread
   * (sqliteWriter.ts) so a commit's fsync never blocks the event loop; the server uses this.
   * Not for ':memory:' (the thread opens the file itself).
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
  /** caps the database at this many pages on every connection (tests simulate a full disk) */
  readonly maxPageCount?: number;
  /** told once each time a plan is found damaged (the server logs it) */
  readonly onDamaged?: (damaged: DamagedPlan) => void;
  readonly now?: () => number;
}

/** Replays run on a worker for files; in-process for ':memory:' (tests) and read-only stores. */
interface PendingReplay {
  readonly planId: string;
  resolve(merged: MergedDocument): void;
  reject(error: Error): void;
}

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
  private readonly settings: WriterData;
  private replayer: Worker | null = null;
  private readonly replays = new Map<number, PendingReplay>();
  private nextReplay = 0;
  /** plans refused as damaged, with the newest repair id seen when each was found */
  private readonly damaged = new Map<string, DamagedPlan & { repairsSeen: number }>();
  private readonly now: () => number;
  private readonly compacting = new Set<string>();

  constructor(private readonly options: SqliteStoreOptions) {
    this.auditCoalesceMs = options.auditCoalesceMs ?? 0;
    this.now = options.now ?? Date.now;
    this.settings = {
      file: options.file,
      synchronous: options.synchronous ?? 'full',
      maxPageCount: options.maxPageCount,
      auditCoalesceMs: this.auditCoalesceMs,
    };
    if (options.file !== ':memory:' && !options.readonly) makePrivate(options.file);
    this.db = openConnection({ ...this.settings, readonly: options.readonly ?? false });
    try {
      if (!options.readonly) {
        this.db.pragma('foreign_keys = ON');
        this.migrate();
      }
    } catch (error) {
      this.db.close();
      throw error;
    }
    if (options.writerThread) this.startWriter();
  }

  private startWriter(): void {
    const writer = startWorker(new URL('./sqliteWriter.mjs', import.meta.url), this.settings);
    writer.on('message', (message: WriterAnswer) => {
      if ('closed' in message) return;
      const pending = this.writes.get(message.id);
      this.writes.delete(message.id);
      if (!pending) return;
      if (message.error === undefined) pending.resolve(message.result);
      else pending.reject(Object.assign(new Error(message.error), { code: message.code }));
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
    if (version === SCHEMA_VERSION) return;
    this.db.transaction(() => {
      const existed = (table: string) => this.tableColumns(table).length > 0;
      const auditExisted = existed('audit');
      const unchecked = Object.keys(CHECKSUMMED).filter(
        (table) => existed(table) && !this.tableColumns(table).includes('checksum'),
      ) as (keyof typeof CHECKSUMMED)[];
      this.db.exec(SCHEMA);
      if (auditExisted && !this.tableColumns('audit').includes('last_seq')) {
        this.db.exec(AUDIT_COALESCING);
      }
      // Once, for the blobs stored before checksums: they are trusted as they read now.
      for (const table of unchecked) {
        const key = CHECKSUMMED[table];
        this.db.exec(`ALTER TABLE ${table} ADD COLUMN checksum TEXT`);
        const update = this.db.prepare(`UPDATE ${table} SET checksum = ? WHERE ${key} = ?`);
        // in batches: a connection cannot write while it iterates, and all blobs at once could
        // be more than memory holds
        const batch = this.db.prepare(
          `SELECT ${key} AS key, data FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT 500`,
        );
        for (let after = -1; ;) {
          const rows = batch.all(after) as { key: number; data: Buffer }[];
          for (const row of rows) update.run(checksumOf(row.data), row.key);
          const last = rows.at(-1);
          if (!last) break;
          after = last.key;
        }
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

  async changeMember(
    planId: string,
    memberId: string,
    change: MemberChange,
  ): Promise<MemberChangeOutcome> {
    // IMMEDIATE: the write lock is taken before the owner count is read, so another process (the
    // admin CLI) cannot demote the other owner in between.
    return this.db
      .transaction((): MemberChangeOutcome => {
        const row = this.db
          .prepare('SELECT * FROM members WHERE id = ? AND plan_id = ?')
          .get(memberId, planId) as MemberRow | undefined;
        if (!row) return { ok: false, refusal: 'unknown' };
        if (removesOwner(member(row), change)) {
          const others = this.db
            .prepare(
              `SELECT COUNT(*) AS n FROM members WHERE plan_id = ? AND id <> ? AND role = 'owner'
                 AND revoked_at IS NULL`,
            )
            .get(planId, memberId) as { n: number };
          if (others.n === 0) return { ok: false, refusal: 'lastOwner' };
        }
        const changed = (
          'role' in change
            ? this.db
                .prepare('UPDATE members SET role = ? WHERE id = ? RETURNING *')
                .get(change.role, memberId)
            : this.db
                .prepare(
                  'UPDATE members SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING *',
                )
                .get(change.revokedAt, memberId)
        ) as MemberRow;
        return { ok: true, member: member(changed) };
      })
      .immediate();
  }

  async membersRevokedSince(since: number): Promise<readonly MemberRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM members WHERE revoked_at > ? ORDER BY revoked_at')
      .all(since) as MemberRow[];
    return rows.map(member);
  }

  /** The inline writes (without a writer thread); prepared on first use. */
  private inline: SqliteWrites | undefined;

  private get inlineWrites(): SqliteWrites {
    this.inline ??= prepareWrites(this.db, this.auditCoalesceMs);
    return this.inline;
  }

  /** Runs a write on the writer thread (sqliteWriter.ts), or inline without one. */
  private async write<K extends keyof SqliteWrites>(
    kind: K,
    message: object,
    inline: (writes: SqliteWrites) => ReturnType<SqliteWrites[K]>,
  ): Promise<ReturnType<SqliteWrites[K]>> {
    if (this.writerFailure) throw this.writerFailure;
    const writer = this.writer;
    if (!writer) return inline(this.inlineWrites);
    const id = this.nextWrite++;
    return new Promise((resolve, reject) => {
      this.writes.set(id, { resolve: resolve as (result: unknown) => void, reject });
      writer.postMessage({ ...message, id, kind });
    });
  }

  async appendUpdates(
    updates: readonly UpdateToStore[],
    clientIds: readonly ClientIdRecord[] = [],
  ): Promise<readonly number[]> {
    if (updates.length === 0) return [];
    return this.write('append', { updates, clientIds }, (writes) =>
      writes.append(updates, clientIds),
    );
  }

  /** Refuses a plan known to be damaged, unless it was repaired since (by the CLI, say). */
  private refuseDamaged(planId: string): void {
    const damaged = this.damaged.get(planId);
    if (!damaged) return;
    if (this.newestRepair(planId) > damaged.repairsSeen) this.damaged.delete(planId);
    else throw new DamagedPlanError(planId, damaged.reason);
  }

  private newestRepair(planId: string): number {
    const row = this.db
      .prepare('SELECT MAX(id) AS id FROM repairs WHERE plan_id = ?')
      .get(planId) as { id: number | null } | undefined;
    return row?.id ?? 0;
  }

  /** Remembers (and reports once) a plan found damaged, then rethrows what was found. */
  private noteDamage(error: unknown): never {
    if (error instanceof DamagedPlanError && !this.damaged.has(error.planId)) {
      let repairsSeen = 0;
      try {
        repairsSeen = this.newestRepair(error.planId);
      } catch {
        // the repairs table may sit on the damaged page too: any later repair is then newer
      }
      const damaged = { planId: error.planId, reason: error.reason, at: this.now() };
      this.damaged.set(error.planId, { ...damaged, repairsSeen });
      this.options.onDamaged?.(damaged);
    }
    throw error;
  }

  async loadDocument(planId: string): Promise<StoredDocument> {
    this.refuseDamaged(planId);
    try {
      return readStoredDocument(this.db, planId);
    } catch (error) {
      return this.noteDamage(error);
    }
  }

  async loadMergedState(planId: string, maxUpdates?: number): Promise<MergedDocument> {
    this.refuseDamaged(planId);
    try {
      const replayer = this.startReplayer();
      if (!replayer) return mergeStoredDocument(this.db, planId, maxUpdates);
      const id = this.nextReplay++;
      return await new Promise<MergedDocument>((resolve, reject) => {
        this.replays.set(id, { planId, resolve, reject });
        replayer.postMessage({ id, planId, maxUpdates } satisfies ReplayRequest);
      });
    } catch (error) {
      return this.noteDamage(error);
    }
  }

  /** The replay worker for a file-backed store; null in-process (':memory:', read-only). */
  private startReplayer(): Worker | null {
    if (this.replayer) return this.replayer;
    if (this.options.file === ':memory:' || this.options.readonly) return null;
    const replayer = startWorker(new URL('./replayWorker.mjs', import.meta.url), this.settings);
    replayer.unref();
    replayer.on('message', (answer: ReplayAnswer) => {
      const pending = this.replays.get(answer.id);
      this.replays.delete(answer.id);
      if (!pending) return;
      if ('merged' in answer) pending.resolve(answer.merged);
      else if (answer.damaged !== undefined) {
        pending.reject(new DamagedPlanError(pending.planId, answer.damaged));
      } else pending.reject(new Error(answer.error));
    });
    const gone = (error: Error) => {
      this.replayer = null;
      for (const pending of this.replays.values()) pending.reject(error);
      this.replays.clear();
    };
    replayer.on('error', gone);
    replayer.on('exit', () => gone(new Error('replay worker exited')));
    this.replayer = replayer;
    return replayer;
  }

  async damagedPlans(): Promise<readonly DamagedPlan[]> {
    for (const planId of [...this.damaged.keys()]) {
      try {
        this.refuseDamaged(planId);
      } catch {
        // still damaged
      }
    }
    return [...this.damaged.values()].map(({ planId, reason, at }) => ({ planId, reason, at }));
  }

  async compactionLease(planId: string): Promise<CompactionLease | null> {
    // one process owns the file, so a set is the whole lock
    if (this.compacting.has(planId)) return null;
    this.compacting.add(planId);
    return { release: async () => void this.compacting.delete(planId) };
  }

  async compact(planId: string, state: Uint8Array, throughSeq: number, at: number): Promise<void> {
    // a damaged plan's log is all that is left of what the damage hid: never fold it away
    this.refuseDamaged(planId);
    const write = { planId, state, throughSeq, at };
    await this.write('compact', write, (writes) => writes.compact(write));
  }

  /**
   * Rebuilds a damaged plan (sqliteRepair.ts) and says what it recovered. A server running on the
   * same file serves the plan again at its next load: it sees the repair recorded here.
   */
  async repair(planId: string): Promise<RepairReport> {
    const report = repairPlan(this.db, planId, this.now());
    this.damaged.delete(planId);
    return report;
  }

  /** Writes and removes a page-sized row: rejects when a write would (full disk, read-only). */
  async probeWrite(): Promise<void> {
    await this.write('probe', {}, (writes) => writes.probe());
  }

  async history(planId: string, limit: number, beforeSeq?: number): Promise<readonly AuditEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM audit WHERE plan_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
      .all(planId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    return rows.map(audit);
  }

  async addCheckpoint(planId: string, at: number, seq: number, state: Uint8Array): Promise<void> {
    const write = { planId, at, seq, state };
    await this.write('checkpoint', write, (writes) => writes.checkpoint(write));
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

  /** Rejects with a DamagedPlanError when the checkpoint fails its checksum. */
  async readCheckpoint(planId: string, id: number): Promise<Uint8Array | undefined> {
    const row = readingPlan(
      planId,
      () =>
        this.db
          .prepare('SELECT data, checksum FROM checkpoints WHERE plan_id = ? AND id = ?')
          .get(planId, id) as { data: Buffer; checksum: string | null } | undefined,
    );
    if (row && row.checksum !== checksumOf(row.data)) {
      throw new DamagedPlanError(planId, `checkpoint ${id} fails its checksum`);
    }
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
    makePrivate(destination);
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
    const replayer = this.replayer;
    this.replayer = null;
    if (replayer) {
      replayer.removeAllListeners('exit');
      await replayer.terminate();
    }
    if (this.db.open) this.db.close();
  }
}
