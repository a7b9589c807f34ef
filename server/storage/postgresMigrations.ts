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
];
