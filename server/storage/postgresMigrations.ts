// PostgreSQL schema, one entry per version: append new migrations, never edit an applied one.
// Epoch milliseconds and sequence numbers are BIGINT (parsed to numbers by postgresStore.ts).

export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: the schema of SQLite's version 2 (plans, invites, members, log, states, checkpoints,
  // coalesced audit entries)
  `
  CREATE TABLE plans (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at BIGINT NOT NULL,
    last_seq BIGINT NOT NULL DEFAULT 0);
  CREATE TABLE invites (
    id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES plans(id), code_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL, max_uses INTEGER, uses INTEGER NOT NULL DEFAULT 0, expires_at BIGINT,
    created_at BIGINT NOT NULL, created_by TEXT, revoked_at BIGINT, label TEXT NOT NULL DEFAULT '');
  CREATE INDEX invites_plan ON invites(plan_id);
  CREATE TABLE members (
    id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES plans(id), token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, organisation TEXT NOT NULL, role TEXT NOT NULL, invite_id TEXT,
    created_at BIGINT NOT NULL, revoked_at BIGINT);
  CREATE INDEX members_plan ON members(plan_id);
  CREATE INDEX members_revoked ON members(revoked_at);
  CREATE TABLE updates (
    plan_id TEXT NOT NULL REFERENCES plans(id), seq BIGINT NOT NULL, member_id TEXT,
    at BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (plan_id, seq));
  CREATE TABLE states (
    plan_id TEXT PRIMARY KEY REFERENCES plans(id), seq BIGINT NOT NULL, data BYTEA NOT NULL,
    compacted_at BIGINT NOT NULL);
  CREATE TABLE checkpoints (
    id BIGSERIAL PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES plans(id), at BIGINT NOT NULL,
    seq BIGINT NOT NULL, data BYTEA NOT NULL);
  CREATE INDEX checkpoints_plan ON checkpoints(plan_id, at);
  CREATE TABLE audit (
    plan_id TEXT NOT NULL REFERENCES plans(id), seq BIGINT NOT NULL, member_id TEXT,
    at BIGINT NOT NULL, actions TEXT NOT NULL, parts TEXT NOT NULL, last_seq BIGINT NOT NULL,
    last_at BIGINT NOT NULL, updates INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (plan_id, seq));
  CREATE INDEX audit_member ON audit(plan_id, member_id, seq);
  `,
  // 2: which member introduced each Yjs client id of a plan (SPEC.md [G6])
  `
  CREATE TABLE client_ids (
    plan_id TEXT NOT NULL REFERENCES plans(id), client_id BIGINT NOT NULL, member_id TEXT NOT NULL,
    at BIGINT NOT NULL, PRIMARY KEY (plan_id, client_id));
  `,
  // 3: one round trip per appended batch (the commit path of every edit): sequence numbers, log
  // rows and coalesced audit entries in one function. Each audit entry also keeps a canonical key
  // of what it touched (sorted actions, fields and parts), so an update extends its member's
  // newest entry when the keys are equal, whatever order the fields were listed in.
  `
  ALTER TABLE audit ADD COLUMN touched_key TEXT;
  CREATE FUNCTION accord_append(
    p_plans TEXT[], p_members TEXT[], p_ats BIGINT[], p_data BYTEA[], p_actions TEXT[],
    p_parts TEXT[], p_keys TEXT[], p_coalesce_ms BIGINT) RETURNS SETOF BIGINT AS $$
  DECLARE
    i INTEGER;
    s BIGINT;
    n_seq BIGINT;
    n_last_at BIGINT;
    n_key TEXT;
  BEGIN
    -- sorted row locks: two batches over the same plans never deadlock
    PERFORM 1 FROM plans WHERE id = ANY(p_plans) ORDER BY id FOR UPDATE;
    FOR i IN 1 .. COALESCE(array_length(p_plans, 1), 0) LOOP
      UPDATE plans SET last_seq = last_seq + 1 WHERE id = p_plans[i] RETURNING last_seq INTO s;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no plan %', p_plans[i];
      END IF;
      INSERT INTO updates (plan_id, seq, member_id, at, data)
        VALUES (p_plans[i], s, p_members[i], p_ats[i], p_data[i]);
      n_seq := NULL;
      IF p_coalesce_ms > 0 AND p_members[i] IS NOT NULL THEN
        SELECT seq, last_at, touched_key INTO n_seq, n_last_at, n_key FROM audit
          WHERE plan_id = p_plans[i] AND member_id = p_members[i] ORDER BY seq DESC LIMIT 1;
      END IF;
      IF n_seq IS NOT NULL AND p_ats[i] - n_last_at <= p_coalesce_ms
          AND n_key = p_keys[i] THEN
        UPDATE audit SET last_seq = s, last_at = GREATEST(last_at, p_ats[i]), updates = updates + 1
          WHERE plan_id = p_plans[i] AND seq = n_seq;
      ELSE
        INSERT INTO audit (plan_id, seq, member_id, at, actions, parts, last_seq, last_at, updates,
            touched_key)
          VALUES (p_plans[i], s, p_members[i], p_ats[i], p_actions[i], p_parts[i], s, p_ats[i], 1,
            p_keys[i]);
      END IF;
      RETURN NEXT s;
    END LOOP;
  END;
  $$ LANGUAGE plpgsql;
  `,
];
