// The storage contract over a real PostgreSQL (started by this file on a free loopback port), and
// what only a networked store adds: concurrent appends from several nodes, tailing by sequence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../../server/ops/log';
import { Metrics } from '../../server/ops/metrics';
import { Compactor } from '../../server/storage/compactor';
import { storageContractSuite } from '../../server/storage/contractSuite';
import { PostgresStore } from '../../server/storage/postgresStore';
import { postgresMissing, startPostgres, type PostgresInstance } from '../support/engines';

const missing = postgresMissing();
let postgres: PostgresInstance | undefined;
let databases = 0;

/** A fresh database per store, so every contract test starts empty. */
async function freshDatabase(): Promise<string> {
  const admin = await PostgresStore.adminPool(postgres!.url());
  const name = `contract_${databases++}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return postgres!.url(name);
}

describe.skipIf(missing)(`postgres store${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(() => postgres?.stop());

  storageContractSuite('postgres', async (options) =>
    PostgresStore.open({ connectionString: await freshDatabase(), ...options }),
  );

  it("[PG1] numbers each plan's updates without gaps when several nodes append at once", async () => {
    const url = await freshDatabase();
    const nodes = await Promise.all(
      [1, 2, 3].map(() => PostgresStore.open({ connectionString: url })),
    );
    await nodes[0]!.createPlan({ id: 'a', title: 'A', createdAt: 0 });
    await nodes[0]!.createPlan({ id: 'b', title: 'B', createdAt: 0 });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 60; i++) doc.getText('t').insert(0, String(i % 10));
    // batches touching both plans in opposite orders: sorted row locks keep them deadlock-free
    await Promise.all(
      updates.map((update, i) =>
        nodes[i % 3]!.appendUpdates([
          {
            planId: i % 2 ? 'a' : 'b',
            update,
            memberId: null,
            at: i,
            touched: { actions: {}, parts: [] },
          },
          {
            planId: i % 2 ? 'b' : 'a',
            update,
            memberId: null,
            at: i,
            touched: { actions: {}, parts: [] },
          },
        ]),
      ),
    );
    for (const planId of ['a', 'b']) {
      const stored = await nodes[1]!.loadDocument(planId);
      expect(stored.updates.map((u) => u.seq)).toEqual(updates.map((_, i) => i + 1));
      expect(await nodes[2]!.lastSeq(planId)).toBe(60);
    }
    await Promise.all(nodes.map((node) => node.close()));
  });

  it('[PG2] a node behind the compaction point gets the compacted state and what follows', async () => {
    const store = await PostgresStore.open({ connectionString: await freshDatabase() });
    await store.createPlan({ id: 'p', title: 'P', createdAt: 0 });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const letter of 'abcde') doc.getText('t').insert(doc.getText('t').length, letter);
    const none = { actions: {}, parts: [] };
    await store.appendUpdates(
      updates.map((update, at) => ({ planId: 'p', update, memberId: null, at, touched: none })),
    );
    const upTo3 = new Y.Doc();
    for (const update of updates.slice(0, 3)) Y.applyUpdate(upTo3, update);
    await store.compact('p', Y.encodeStateAsUpdate(upTo3), 3, 10);

    const after4 = await store.loadSince('p', 4);
    expect(after4.state).toBeNull();
    expect(after4.updates.map((u) => u.seq)).toEqual([5]);
    const after1 = await store.loadSince('p', 1);
    expect(after1.stateSeq).toBe(3);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, after1.state!);
    for (const { update } of after1.updates) Y.applyUpdate(rebuilt, update);
    expect(rebuilt.getText('t').toString()).toBe('abcde');
    await store.close();
  });

  it('[PG4] nodes take turns compacting a plan, and a node that dies frees its turn', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all(
      [1, 2].map(() => PostgresStore.open({ connectionString: url })),
    );
    await a!.createPlan({ id: 'p', title: 'P', createdAt: 0 });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const letter of 'abc') doc.getText('t').insert(doc.getText('t').length, letter);
    const none = { actions: {}, parts: [] };
    await a!.appendUpdates(
      updates.map((update, at) => ({ planId: 'p', update, memberId: null, at, touched: none })),
    );
    const compactorOf = (store: PostgresStore) =>
      new Compactor({
        store,
        metrics: new Metrics(),
        log: silentLogger,
        checkpointEveryMs: 0,
        checkpointRetentionDays: 0,
      });

    // node A is compacting: node B skips the plan and leaves its log as it is
    const held = await a!.compactionLease('p');
    expect(held).not.toBeNull();
    expect(await compactorOf(b!).compact('p')).toBe('elsewhere');
    expect((await b!.loadDocument('p')).updates).toHaveLength(3);

    // node A dies with the lease: its session ends, and B's turn comes
    await a!.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND pid <> pg_backend_pid()
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(await compactorOf(b!).compact('p')).toBe('done');
    const compacted = await b!.loadDocument('p');
    expect(compacted.updates).toHaveLength(0);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, compacted.state!);
    expect(rebuilt.getText('t').toString()).toBe('abc');
    await held!.release(); // its connection is gone: released without error, not pooled again
    await Promise.all([a!.close(), b!.close()]);
  });

  it('[PG3] refuses to open a database whose schema is newer than this server', async () => {
    const url = await freshDatabase();
    const store = await PostgresStore.open({ connectionString: url });
    await store.pool.query('INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)');
    await store.close();
    await expect(PostgresStore.open({ connectionString: url })).rejects.toThrow(
      /newer than this server/,
    );
  });
});
