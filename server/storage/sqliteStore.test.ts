import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../ops/log';
import { Metrics } from '../ops/metrics';
import { COMPACTION_STEP_UPDATES, Compactor } from './compactor';
import { storageContractSuite } from './contractSuite';
import { notReady } from './readiness';
import { makePrivateFolder, SqliteStore } from './sqliteStore';

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

const NOTHING = { actions: {}, parts: [] };

/** `count` one-action updates of one editor's session, in order. */
function actionUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getMap('actions').set(`a${i}`, new Y.Map());
  return updates;
}

const entries = (planId: string, updates: readonly Uint8Array[]) =>
  updates.map((update) => ({ planId, update, memberId: null, at: 0, touched: NOTHING }));

const actionsOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getMap('actions').size;
};

describe('sqlite store integrity', () => {
  it('[D4] a schema 2 file gets a checksum for every blob once, loads, and refuses a blob changed after', async () => {
    const file = join(folder, 'schema2.db');
    const [first, second] = actionUpdates(2) as [Uint8Array, Uint8Array];
    const old = new Database(file);
    old.exec(`
      CREATE TABLE plans (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE updates (plan_id TEXT NOT NULL, seq INTEGER NOT NULL, member_id TEXT,
        at INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (plan_id, seq));
      CREATE TABLE states (plan_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data BLOB NOT NULL,
        compacted_at INTEGER NOT NULL);
      CREATE TABLE checkpoints (id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL,
        at INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL);
      INSERT INTO plans VALUES ('p', 'x', 0, 2);
      PRAGMA user_version = 2;`);
    old.prepare('INSERT INTO states VALUES (?, 1, ?, 0)').run('p', first);
    old
      .prepare('INSERT INTO checkpoints (plan_id, at, seq, data) VALUES (?, 0, 1, ?)')
      .run('p', first);
    old.prepare('INSERT INTO updates VALUES (?, 2, NULL, 0, ?)').run('p', second);
    old.close();

    const store = new SqliteStore({ file });
    expect(store.db.pragma('user_version', { simple: true })).toBe(3);
    expect(actionsOf((await store.loadMergedState('p')).state)).toBe(2);
    expect(await store.readCheckpoint('p', 1)).toEqual(first);
    await store.close();

    const tamper = new Database(file);
    tamper.prepare("UPDATE updates SET data = ? WHERE plan_id = 'p'").run(first);
    tamper.close();
    const damaged: string[] = [];
    const reopened = new SqliteStore({ file, onDamaged: (d) => damaged.push(d.reason) });
    await expect(reopened.loadMergedState('p')).rejects.toThrow(/log entry 2 fails its checksum/);
    expect(damaged).toEqual(['log entry 2 fails its checksum']);
    expect((await reopened.damagedPlans()).map((d) => d.planId)).toEqual(['p']);
    await reopened.close();
  });

  it('[D1] a log with a missing entry, or one that leaves Yjs waiting, is refused', async () => {
    const file = join(folder, 'gaps.db');
    const store = new SqliteStore({ file });
    await store.createPlan({ id: 'p', title: 'x', createdAt: 0 });
    await store.appendUpdates(entries('p', actionUpdates(3)));
    store.db.prepare("DELETE FROM updates WHERE plan_id = 'p' AND seq = 3").run();
    await expect(store.loadMergedState('p')).rejects.toThrow(/log entries from 3 to 3 are missing/);
    await store.close();

    // a gap the sequence numbers cannot show: entry 2 holds what entry 3 should follow
    const [a, , c] = actionUpdates(3) as [Uint8Array, Uint8Array, Uint8Array];
    const pending = new SqliteStore({ file: join(folder, 'pending.db') });
    await pending.createPlan({ id: 'p', title: 'x', createdAt: 0 });
    await pending.appendUpdates(entries('p', [a, c]));
    await expect(pending.loadMergedState('p')).rejects.toThrow(/entries it builds on are missing/);
    // never compacted over: the log stays as it is
    await expect(pending.compact('p', a, 2, 0)).rejects.toThrow(/damaged/);
    expect((await pending.loadDocument('p').catch(() => null)) === null).toBe(true);
    await pending.close();
  });

  it('[D8] compaction folds a long log in committed steps: a server killed after one keeps it', async () => {
    const file = join(folder, 'steps.db');
    const store = new SqliteStore({ file, writerThread: true });
    await store.createPlan({ id: 'p', title: 'x', createdAt: 0 });
    const total = COMPACTION_STEP_UPDATES * 2 + 500;
    await store.appendUpdates(entries('p', actionUpdates(total)));
    // the kill: the second step's commit never happens
    let commits = 0;
    const compact = store.compact.bind(store);
    store.compact = async (...args) => {
      if (++commits > 1) throw new Error('killed');
      return compact(...args);
    };
    const compactor = new Compactor({
      store,
      metrics: new Metrics(),
      log: silentLogger,
      checkpointEveryMs: 0,
      checkpointRetentionDays: 0,
    });
    await expect(compactor.compact('p')).rejects.toThrow('killed');
    expect((await store.loadDocument('p')).stateSeq).toBe(COMPACTION_STEP_UPDATES);
    store.compact = compact;
    await compactor.compact('p');
    const folded = await store.loadDocument('p');
    expect([folded.stateSeq, folded.updates.length]).toEqual([total, 0]);
    expect(actionsOf((await store.loadMergedState('p')).state)).toBe(total);
    await store.close();
  }, 120_000);

  it('[D9] the replay worker cuts a whole load into chunks, and a compaction step not', async () => {
    const store = new SqliteStore({ file: join(folder, 'chunks.db'), writerThread: true });
    await store.createPlan({ id: 'p', title: 'x', createdAt: 0 });
    const doc = new Y.Doc();
    const actions = doc.getMap<Y.Map<unknown>>('actions');
    for (let i = 0; i < 3_000; i++) actions.set(`a${i}`, new Y.Map([['progress', i]]));
    const touched = { actions: {}, parts: [] };
    await store.appendUpdates([
      { planId: 'p', update: Y.encodeStateAsUpdate(doc), memberId: null, at: 0, touched },
    ]);
    const whole = await store.loadMergedState('p');
    expect(whole.chunks?.length).toBeGreaterThan(2);
    const rebuilt = new Y.Doc();
    for (const chunk of whole.chunks ?? []) Y.applyUpdate(rebuilt, chunk);
    expect(rebuilt.getMap('actions').size).toBe(3_000);
    expect((await store.loadMergedState('p', 10)).chunks).toBeUndefined();
    await store.close();
  });

  it('[D5] the data folder is owner-only (700), and so are the database and backups (600)', async () => {
    const dataDir = join(folder, 'private');
    mkdirSync(dataDir, { mode: 0o755 });
    writeFileSync(join(dataDir, 'accord.db'), '');
    chmodSync(join(dataDir, 'accord.db'), 0o644);
    makePrivateFolder(dataDir);
    const store = new SqliteStore({ file: join(dataDir, 'accord.db') });
    await store.createPlan({ id: 'p', title: 'x', createdAt: 0 });
    await store.backup(join(dataDir, 'backup.db'));
    await store.close();
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'accord.db'))).toBe(0o600);
    expect(mode(join(dataDir, 'backup.db'))).toBe(0o600);
  });

  it('[D6] a full disk: the probe write fails and /readyz says why; a start that must write fails clearly', async () => {
    const file = join(folder, 'full.db');
    const probe = new SqliteStore({ file });
    await probe.createPlan({ id: 'p', title: 'x', createdAt: 0 });
    const pages = probe.db.pragma('page_count', { simple: true }) as number;
    await probe.close();
    // SQLite's max_page_count on every connection stands in for a full disk, without root
    const full = new SqliteStore({ file, writerThread: true, maxPageCount: pages });
    await expect(full.probeWrite()).rejects.toThrow(/full/);
    const reasons = await notReady({ store: full, dataDir: folder, minFreeDiskBytes: 0 });
    expect(reasons).toEqual([expect.stringMatching(/^storage cannot write: .*full/)]);
    expect(
      await notReady({
        store: full,
        dataDir: folder,
        minFreeDiskBytes: 10,
        freeBytes: async () => 0,
      }),
    ).toContain('free disk 0 MiB is below 0 MiB');
    await full.close();
    // an old file whose upgrade must write: the store refuses to open with SQLite's reason
    const old = new Database(join(folder, 'full-old.db'));
    old.exec(`CREATE TABLE updates (plan_id TEXT NOT NULL, seq INTEGER NOT NULL,
      member_id TEXT, at INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (plan_id, seq));
      PRAGMA user_version = 2;`);
    const oldPages = old.pragma('page_count', { simple: true }) as number;
    old.close();
    expect(
      () => new SqliteStore({ file: join(folder, 'full-old.db'), maxPageCount: oldPages }),
    ).toThrow(/full/);
  });
});
