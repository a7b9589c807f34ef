// The scale-out backend: PostgreSQL through node-postgres, the only durable store of a cluster of
// Accord nodes. It implements the same PlanStore as SQLite and passes the same contract suite.
// An update is committed here before any node acknowledges, relays or publishes it.
//
// Sequence numbers are per plan and in commit order: appending takes the plan rows' locks (sorted
// by plan id, so two batches never deadlock) and bumps `plans.last_seq`, so every node can tail a
// plan by sequence and notice a gap.
import pg from 'pg';
import { DamagedPlanError } from './integrity';
import { POSTGRES_MIGRATIONS } from './postgresMigrations';
import { mergeStored } from './storedDocument';
import type {
  AuditEntry,
  CheckpointRecord,
  DamagedPlan,
  MergedDocument,
  ClientIdRecord,
  CompactionLease,
  InviteRecord,
  MemberChange,
  MemberChangeOutcome,
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

/** int8 columns hold epoch milliseconds and sequence numbers: well within 2^53. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Any two nodes migrating at once take turns on this lock (pg_advisory_xact_lock). */
const MIGRATION_LOCK = 0x6163_636f; // "acco"
/** With hashtext(planId) the key of a plan's compaction lock (pg_try_advisory_lock(int, int)). */
const COMPACTION_LOCK = 0x6163_6370; // "accp"

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  readonly connectionString: string;
  /** see SqliteStoreOptions.auditCoalesceMs */
  readonly auditCoalesceMs?: number;
  /** connections in the pool; each node needs few: writes are batched */
  readonly maxConnections?: number;
}

export class PostgresStore implements PlanStore {
  readonly pool: pg.Pool;
  private readonly auditCoalesceMs: number;
  /** plans whose log did not apply (found on this node); refused until restarted after a fix */
  private readonly damaged = new Map<string, DamagedPlan>();

  private constructor(options: PostgresStoreOptions) {
    this.auditCoalesceMs = options.auditCoalesceMs ?? 0;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      types,
      // fail fast when PostgreSQL is down instead of queueing connections for ever
      connectionTimeoutMillis: 5_000,
    });
    // an idle client losing its connection (PostgreSQL restarted) must not crash the process
    this.pool.on('error', () => undefined);
  }

  /** Connects and brings the schema up to date (versioned migrations, in one transaction). */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const store = new PostgresStore(options);
    try {
      await store.migrate();
    } catch (error) {
      await store.pool.end();
      throw error;
    }
    return store;
  }

  /** A single connection for administration (creating databases in tests and setup). */
  static async adminPool(connectionString: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString, types });
    await client.connect();
    return client;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      );
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations',
      );
      const applied = new Set(rows.map((row) => row.version));
      const newest = POSTGRES_MIGRATIONS.length;
      const ahead = [...applied].find((version) => version > newest);
      if (ahead !== undefined) {
        throw new Error(
          `database schema ${ahead} is newer than this server (${newest}); upgrade the server`,
        );
      }
      for (const [index, sql] of POSTGRES_MIGRATIONS.entries()) {
        const version = index + 1;
        if (applied.has(version)) continue;
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          version,
          Date.now(),
        ]);
      }
    });
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async createPlan(record: PlanRecord): Promise<void> {
    await this.pool.query('INSERT INTO plans (id, title, created_at) VALUES ($1, $2, $3)', [
      record.id,
      record.title,
      record.createdAt,
    ]);
  }

  async getPlan(planId: string): Promise<PlanRecord | undefined> {
    const { rows } = await this.pool.query<PlanRow>('SELECT * FROM plans WHERE id = $1', [planId]);
    return rows[0] && plan(rows[0]);
  }

  async listPlans(): Promise<readonly PlanRecord[]> {
    const { rows } = await this.pool.query<PlanRow>('SELECT * FROM plans ORDER BY created_at, id');
    return rows.map(plan);
  }

  async createInvite(record: NewInvite): Promise<InviteRecord> {
    const { rows } = await this.pool.query<InviteRow>(
      `INSERT INTO invites (id, plan_id, code_hash, role, max_uses, expires_at, created_at,
         created_by, label) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        record.id,
        record.planId,
        record.codeHash,
        record.role,
        record.maxUses,
        record.expiresAt,
        record.createdAt,
        record.createdBy,
        record.label,
      ],
    );
    return invite(rows[0]!);
  }

  async listInvites(planId: string): Promise<readonly InviteRecord[]> {
    const { rows } = await this.pool.query<InviteRow>(
      'SELECT * FROM invites WHERE plan_id = $1 ORDER BY created_at, id',
      [planId],
    );
    return rows.map(invite);
  }

  async revokeInvite(
    planId: string,
    inviteId: string,
    at: number,
    revokeMembers: boolean,
  ): Promise<readonly MemberRecord[] | undefined> {
    return this.transaction(async (client) => {
      const found = await client.query(
        'UPDATE invites SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND plan_id = $3',
        [at, inviteId, planId],
      );
      if (found.rowCount === 0) return undefined;
      if (!revokeMembers) return [];
      const { rows } = await client.query<MemberRow>(
        `UPDATE members SET revoked_at = $1 WHERE invite_id = $2 AND plan_id = $3
           AND revoked_at IS NULL RETURNING *`,
        [at, inviteId, planId],
      );
      return rows.map(member);
    });
  }

  async redeemInvite(
    codeHash: string,
    newMember: Omit<NewMember, 'role' | 'inviteId' | 'planId'>,
  ): Promise<RedeemOutcome> {
    return this.transaction(async (client): Promise<RedeemOutcome> => {
      // the row lock makes "check the uses, then count one" atomic across nodes
      const { rows } = await client.query<InviteRow>(
        'SELECT * FROM invites WHERE code_hash = $1 FOR UPDATE',
        [codeHash],
      );
      const row = rows[0];
      if (!row) return { ok: false, refusal: 'unknown' };
      if (row.revoked_at !== null) return { ok: false, refusal: 'revoked' };
      if (row.expires_at !== null && row.expires_at <= newMember.createdAt) {
        return { ok: false, refusal: 'expired' };
      }
      if (row.max_uses !== null && row.uses >= row.max_uses) {
        return { ok: false, refusal: 'usedUp' };
      }
      await client.query('UPDATE invites SET uses = uses + 1 WHERE id = $1', [row.id]);
      const added = await insertMember(client, {
        ...newMember,
        planId: row.plan_id,
        role: row.role as Role,
        inviteId: row.id,
      });
      return { ok: true, member: added };
    });
  }

  async addMember(record: NewMember): Promise<MemberRecord> {
    const client = await this.pool.connect();
    try {
      return await insertMember(client, record);
    } finally {
      client.release();
    }
  }

  async memberByTokenHash(planId: string, tokenHash: string): Promise<MemberRecord | undefined> {
    const { rows } = await this.pool.query<MemberRow>(
      'SELECT * FROM members WHERE token_hash = $1 AND plan_id = $2',
      [tokenHash, planId],
    );
    return rows[0] && member(rows[0]);
  }

  async listMembers(planId: string): Promise<readonly MemberRecord[]> {
    const { rows } = await this.pool.query<MemberRow>(
      'SELECT * FROM members WHERE plan_id = $1 ORDER BY created_at, id',
      [planId],
    );
    return rows.map(member);
  }

  async revokeMember(
    planId: string,
    memberId: string,
    at: number,
  ): Promise<MemberRecord | undefined> {
    const { rows } = await this.pool.query<MemberRow>(
      `UPDATE members SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND plan_id = $3
         RETURNING *`,
      [at, memberId, planId],
    );
    return rows[0] && member(rows[0]);
  }

  async changeMember(
    planId: string,
    memberId: string,
    change: MemberChange,
  ): Promise<MemberChangeOutcome> {
    return this.transaction(async (client): Promise<MemberChangeOutcome> => {
      // The plan's row lock serialises member changes of one plan across nodes, so two owners
      // demoting each other at once cannot both see the other as the owner who remains.
      await client.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [planId]);
      const { rows } = await client.query<MemberRow>(
        'SELECT * FROM members WHERE id = $1 AND plan_id = $2',
        [memberId, planId],
      );
      const row = rows[0];
      if (!row) return { ok: false, refusal: 'unknown' };
      if (removesOwner(member(row), change)) {
        const others = await client.query<{ n: string }>(
          `SELECT COUNT(*) AS n FROM members WHERE plan_id = $1 AND id <> $2 AND role = 'owner'
             AND revoked_at IS NULL`,
          [planId, memberId],
        );
        if (Number(others.rows[0]?.n ?? 0) === 0) return { ok: false, refusal: 'lastOwner' };
      }
      const changed =
        'role' in change
          ? await client.query<MemberRow>(
              'UPDATE members SET role = $1 WHERE id = $2 RETURNING *',
              [change.role, memberId],
            )
          : await client.query<MemberRow>(
              'UPDATE members SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 RETURNING *',
              [change.revokedAt, memberId],
            );
      return { ok: true, member: member(changed.rows[0] as MemberRow) };
    });
  }

  async membersRevokedSince(since: number): Promise<readonly MemberRecord[]> {
    const { rows } = await this.pool.query<MemberRow>(
      'SELECT * FROM members WHERE revoked_at > $1 ORDER BY revoked_at',
      [since],
    );
    return rows.map(member);
  }

  async clientIds(planId: string): Promise<readonly ClientIdRecord[]> {
    const { rows } = await this.pool.query<ClientIdRecord>(
      `SELECT plan_id AS "planId", client_id AS "clientId", member_id AS "memberId", at
         FROM client_ids WHERE plan_id = $1`,
      [planId],
    );
    return rows;
  }

  async appendUpdates(
    updates: readonly UpdateToStore[],
    clientIds: readonly ClientIdRecord[] = [],
  ): Promise<readonly number[]> {
    if (updates.length === 0) return [];
    const append = (
      run: (sql: string, values: unknown[]) => Promise<pg.QueryResult<{ seq: number }>>,
    ) =>
      run('SELECT accord_append($1, $2, $3, $4, $5, $6, $7, $8) AS seq', [
        updates.map((entry) => entry.planId),
        updates.map((entry) => entry.memberId),
        updates.map((entry) => entry.at),
        updates.map((entry) => Buffer.from(entry.update)),
        updates.map((entry) => JSON.stringify(entry.touched.actions)),
        updates.map((entry) => JSON.stringify(entry.touched.parts)),
        updates.map((entry) => touchedKey(entry.touched)),
        this.auditCoalesceMs,
      ]);
    // The common case (no new client id) is one round trip; new client ids join the same
    // transaction, so the ledger never names a client id whose updates were not stored.
    if (clientIds.length === 0) {
      const { rows } = await append((sql, values) => this.pool.query(sql, values));
      return rows.map((row) => row.seq);
    }
    return this.transaction(async (client) => {
      const { rows } = await append((sql, values) => client.query(sql, values));
      await client.query(
        `INSERT INTO client_ids (plan_id, client_id, member_id, at)
           SELECT * FROM UNNEST($1::text[], $2::bigint[], $3::text[], $4::bigint[])
           ON CONFLICT DO NOTHING`,
        [
          clientIds.map((r) => r.planId),
          clientIds.map((r) => r.clientId),
          clientIds.map((r) => r.memberId),
          clientIds.map((r) => r.at),
        ],
      );
      return rows.map((row) => row.seq);
    });
  }

  async loadDocument(planId: string): Promise<StoredDocument> {
    // one snapshot of both tables: a compaction committing in between cannot drop rows from view
    return this.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      return readDocument(client, planId, 0);
    });
  }

  /**
   * The state and log merged into one state. PostgreSQL checks its own pages (data checksums), so
   * the check here is Yjs's: a log that leaves pending structs is refused and the plan marked
   * damaged. The merge runs on this node's event loop (a worker as SQLite has is left to do).
   */
  async loadMergedState(planId: string, maxUpdates?: number): Promise<MergedDocument> {
    const known = this.damaged.get(planId);
    if (known) throw new DamagedPlanError(planId, known.reason);
    const { stored, lastSeq } = await this.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const whole = await readDocument(client, planId, 0);
      const { rows } = await client.query<{ last_seq: number }>(
        'SELECT last_seq FROM plans WHERE id = $1',
        [planId],
      );
      const updates = maxUpdates === undefined ? whole.updates : whole.updates.slice(0, maxUpdates);
      return { stored: { ...whole, updates }, lastSeq: rows[0]?.last_seq ?? 0 };
    });
    try {
      return mergeStored(planId, stored, lastSeq);
    } catch (error) {
      if (error instanceof DamagedPlanError) {
        this.damaged.set(planId, { planId, reason: error.reason, at: Date.now() });
      }
      throw error;
    }
  }

  async damagedPlans(): Promise<readonly DamagedPlan[]> {
    return [...this.damaged.values()];
  }

  /** A standby (read-only) server or a lost connection cannot take writes. */
  async probeWrite(): Promise<void> {
    const { rows } = await this.pool.query<{ standby: boolean }>(
      'SELECT pg_is_in_recovery() AS standby',
    );
    if (rows[0]?.standby) throw new Error('PostgreSQL is a read-only standby');
  }

  /**
   * The log after `afterSeq` (or, when a compaction already folded some of it in, the compacted
   * state and what follows it): how a node repairs a gap in what it received from Redis.
   */
  async loadSince(planId: string, afterSeq: number): Promise<StoredDocument> {
    return this.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      return readDocument(client, planId, afterSeq);
    });
  }

  /** The plan's newest sequence number (0 for none, undefined for no such plan). */
  async lastSeq(planId: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ last_seq: number }>(
      'SELECT last_seq FROM plans WHERE id = $1',
      [planId],
    );
    return rows[0]?.last_seq;
  }

  async compactionLease(planId: string): Promise<CompactionLease | null> {
    // a session lock on a connection of its own: it ends with the node's connection if it dies
    const client = await this.pool.connect();
    // a checked-out client's errors reach no pool handler: lost, the lease is simply gone
    const lost = () => undefined;
    client.on('error', lost);
    const giveBack = (destroy: boolean) => {
      client.off('error', lost);
      client.release(destroy);
    };
    const key = [COMPACTION_LOCK, planId];
    try {
      const { rows } = await client.query<{ held: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS held',
        key,
      );
      if (!rows[0]?.held) {
        giveBack(false);
        return null;
      }
    } catch (error) {
      giveBack(true);
      throw error;
    }
    return {
      release: async () => {
        try {
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', key);
          giveBack(false);
        } catch {
          // a connection that may still hold the lock never goes back to the pool
          giveBack(true);
        }
      },
    };
  }

  async compact(planId: string, state: Uint8Array, throughSeq: number, at: number): Promise<void> {
    await this.transaction(async (client) => {
      // the plan row's lock orders this against appends and against another node's compaction
      await client.query('SELECT 1 FROM plans WHERE id = $1 FOR UPDATE', [planId]);
      const { rows } = await client.query<{ seq: number }>(
        'SELECT seq FROM states WHERE plan_id = $1',
        [planId],
      );
      // A slower compaction must never replace a newer one.
      if (rows[0] && rows[0].seq >= throughSeq) return;
      await client.query(
        `INSERT INTO states (plan_id, seq, data, compacted_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (plan_id) DO UPDATE SET seq = excluded.seq, data = excluded.data,
           compacted_at = excluded.compacted_at`,
        [planId, throughSeq, Buffer.from(state), at],
      );
      await client.query('DELETE FROM updates WHERE plan_id = $1 AND seq <= $2', [
        planId,
        throughSeq,
      ]);
    });
  }

  async history(planId: string, limit: number, beforeSeq?: number): Promise<readonly AuditEntry[]> {
    const { rows } = await this.pool.query<AuditRow>(
      'SELECT * FROM audit WHERE plan_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3',
      [planId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit],
    );
    return rows.map(audit);
  }

  async addCheckpoint(planId: string, at: number, seq: number, state: Uint8Array): Promise<void> {
    await this.pool.query(
      'INSERT INTO checkpoints (plan_id, at, seq, data) VALUES ($1, $2, $3, $4)',
      [planId, at, seq, Buffer.from(state)],
    );
  }

  async listCheckpoints(planId: string): Promise<readonly CheckpointRecord[]> {
    const { rows } = await this.pool.query<{
      id: number;
      plan_id: string;
      at: number;
      seq: number;
      size: number;
    }>(
      `SELECT id, plan_id, at, seq, octet_length(data) AS size FROM checkpoints
         WHERE plan_id = $1 ORDER BY at DESC, id DESC`,
      [planId],
    );
    return rows.map((row) => ({
      id: row.id,
      planId: row.plan_id,
      at: row.at,
      seq: row.seq,
      byteLength: row.size,
    }));
  }

  async readCheckpoint(planId: string, id: number): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM checkpoints WHERE plan_id = $1 AND id = $2',
      [planId, id],
    );
    return rows[0] && bytes(rows[0].data);
  }

  async pruneCheckpoints(before: number): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM checkpoints c WHERE at < $1 AND id <> (SELECT id FROM checkpoints n
         WHERE n.plan_id = c.plan_id ORDER BY at DESC, id DESC LIMIT 1)`,
      [before],
    );
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * What an update touched, with its actions, their fields and the parts sorted: equal keys mean the
 * same things touched, which is how accord_append coalesces audit entries (the rule SQLite's
 * appendUpdates.mjs states).
 */
function touchedKey(touched: Touched): string {
  return JSON.stringify([
    Object.keys(touched.actions)
      .sort()
      .map((id) => [id, [...(touched.actions[id] ?? [])].sort()]),
    [...touched.parts].sort(),
  ]);
}

async function insertMember(client: pg.PoolClient, record: NewMember): Promise<MemberRecord> {
  const { rows } = await client.query<MemberRow>(
    `INSERT INTO members (id, plan_id, token_hash, name, organisation, role, invite_id,
       created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [
      record.id,
      record.planId,
      record.tokenHash,
      record.name,
      record.organisation,
      record.role,
      record.inviteId,
      record.createdAt,
    ],
  );
  return member(rows[0]!);
}

async function readDocument(
  client: pg.PoolClient,
  planId: string,
  afterSeq: number,
): Promise<StoredDocument> {
  const state = await client.query<{ seq: number; data: Buffer }>(
    'SELECT seq, data FROM states WHERE plan_id = $1',
    [planId],
  );
  const compacted = state.rows[0];
  // rows folded into the compacted state are gone: then the state stands in for them
  const withState = compacted !== undefined && compacted.seq > afterSeq;
  const from = withState ? compacted.seq : Math.max(afterSeq, compacted?.seq ?? 0);
  const { rows } = await client.query<{ seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE plan_id = $1 AND seq > $2 ORDER BY seq',
    [planId, from],
  );
  return {
    state: withState ? bytes(compacted.data) : null,
    stateSeq: withState ? compacted.seq : from,
    updates: rows.map((row) => ({ seq: row.seq, update: bytes(row.data) })),
  };
}
