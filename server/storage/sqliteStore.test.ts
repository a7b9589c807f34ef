import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storageContractSuite } from './contractSuite';
import { SqliteStore } from './sqliteStore';

const folder = mkdtempSync(join(tmpdir(), 'accord-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

storageContractSuite(
  'sqlite',
  async (options) => new SqliteStore({ file: join(folder, `${files++}.db`), ...options }),
);
storageContractSuite(
  'sqlite with a writer thread',
  async (options) =>
    new SqliteStore({ file: join(folder, `${files++}.db`), writerThread: true, ...options }),
);

describe('sqlite store', () => {
  it('[ST9] keeps appended updates after the file is closed and reopened', async () => {
    const file = join(folder, 'reopen.db');
    const first = new SqliteStore({ file });
    await first.createPlan({ id: 'p', title: 'x', createdAt: 0 });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'kept');
    await first.appendUpdates([
      {
        planId: 'p',
        update: Y.encodeStateAsUpdate(doc),
        memberId: null,
        at: 0,
        touched: { actions: {}, parts: [] },
      },
    ]);
    await first.close();
    const second = new SqliteStore({ file });
    const stored = await second.loadDocument('p');
    const copy = new Y.Doc();
    for (const { update } of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe('kept');
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await second.close();
  });

  it('[ST10] a schema 1 file keeps its audit entries, each standing for one update, and coalesces new ones', async () => {
    const file = join(folder, 'schema1.db');
    const old = new Database(file);
    old.exec(`
      CREATE TABLE plans (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE audit (plan_id TEXT NOT NULL, seq INTEGER NOT NULL, member_id TEXT,
        at INTEGER NOT NULL, actions TEXT NOT NULL, parts TEXT NOT NULL,
        PRIMARY KEY (plan_id, seq));
      INSERT INTO plans VALUES ('p', 'x', 0, 1);
      INSERT INTO audit VALUES ('p', 1, 'm1', 1000, '{"a1":["title"]}', '["actions"]');
      PRAGMA user_version = 1;`);
    old.close();
    const store = new SqliteStore({ file, auditCoalesceMs: 60_000 });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    const touched = { actions: { a1: ['title'] }, parts: ['actions'] };
    await store.appendUpdates([
      { planId: 'p', update: Y.encodeStateAsUpdate(doc), memberId: 'm1', at: 2000, touched },
    ]);
    expect(await store.history('p', 10)).toEqual([
      {
        planId: 'p',
        seq: 1,
        memberId: 'm1',
        at: 1000,
        lastSeq: 2,
        lastAt: 2000,
        updates: 2,
        touched,
      },
    ]);
    expect(store.db.pragma('user_version', { simple: true })).toBe(3);
    await store.close();
  });
});
