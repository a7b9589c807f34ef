import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  truncate,
  writeFile,
  appendFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openPlanStore } from './planStore';
import type { PlanStore } from './planStore';

const PLAN = '3f1c2a9e-0b7d-4e38-9a51-6f0d2c4b8e11';
let root: string;
let store: PlanStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'accord-store-'));
  store = await openPlanStore(root);
});

afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

/** One Yjs update that sets actions[key] = value on a fresh replica. */
function actionUpdate(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('actions').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function actionsOf(update: Uint8Array | null): Record<string, unknown> {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc.getMap('actions').toJSON();
}

describe('plan store', () => {
  it('loads nothing for a plan it has never stored', async () => {
    expect(await store.load(PLAN)).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('[L1] loads every appended update after the store is reopened', async () => {
    await store.append(PLAN, actionUpdate('a', 1));
    await store.append(PLAN, actionUpdate('b', 2));
    await store.close();
    store = await openPlanStore(root);
    expect(actionsOf(await store.load(PLAN))).toEqual({ a: 1, b: 2 });
  });

  it('[L1] stores concurrent appends, each acknowledged once durable', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        store.append(PLAN, actionUpdate(`k${index}`, index)),
      ),
    );
    expect(Object.keys(actionsOf(await store.load(PLAN)))).toHaveLength(50);
  });

  it('[L3] keeps the same plan after compaction and empties the log', async () => {
    for (let index = 0; index < 10; index += 1)
      await store.append(PLAN, actionUpdate(`k${index}`, index));
    const before = actionsOf(await store.load(PLAN));
    await store.compact(PLAN);
    expect((await stat(join(root, 'plans', PLAN, 'updates.log'))).size).toBe(0);
    expect(actionsOf(await store.load(PLAN))).toEqual(before);
    await store.append(PLAN, actionUpdate('after', 1));
    expect(actionsOf(await store.load(PLAN))).toEqual({ ...before, after: 1 });
  });

  it('[L3] compacts on its own once the log passes the threshold', async () => {
    await store.close();
    store = await openPlanStore(root, { compactAfterLogBytes: 200 });
    for (let index = 0; index < 20; index += 1)
      await store.append(PLAN, actionUpdate(`k${index}`, index));
    await store.close(); // waits for background compaction
    const files = await readdir(join(root, 'plans', PLAN));
    expect(files).toContain('state.bin');
    store = await openPlanStore(root);
    expect(Object.keys(actionsOf(await store.load(PLAN)))).toHaveLength(20);
  });

  it('[L3] survives a crash between writing the compacted state and emptying the log', async () => {
    await store.append(PLAN, actionUpdate('a', 1));
    const log = await readFile(join(root, 'plans', PLAN, 'updates.log'));
    await store.compact(PLAN);
    await store.close();
    await writeFile(join(root, 'plans', PLAN, 'updates.log'), log); // the log was never emptied
    store = await openPlanStore(root);
    expect(actionsOf(await store.load(PLAN))).toEqual({ a: 1 });
  });

  it('[L2] drops a torn tail on open and appends after the last good record', async () => {
    await store.append(PLAN, actionUpdate('a', 1));
    await store.append(PLAN, actionUpdate('b', 2));
    await store.close();
    const logPath = join(root, 'plans', PLAN, 'updates.log');
    await truncate(logPath, (await stat(logPath)).size - 3);
    store = await openPlanStore(root);
    expect(actionsOf(await store.load(PLAN))).toEqual({ a: 1 });
    await store.append(PLAN, actionUpdate('c', 3));
    await store.close();
    store = await openPlanStore(root);
    expect(actionsOf(await store.load(PLAN))).toEqual({ a: 1, c: 3 });
  });

  it('[L2] ignores garbage after the last record', async () => {
    await store.append(PLAN, actionUpdate('a', 1));
    await store.close();
    await appendFile(
      join(root, 'plans', PLAN, 'updates.log'),
      Buffer.from('garbage that is no record'),
    );
    store = await openPlanStore(root);
    expect(actionsOf(await store.load(PLAN))).toEqual({ a: 1 });
  });

  it('[L4] says so when the compacted state is damaged instead of loading less', async () => {
    await store.append(PLAN, actionUpdate('a', 1));
    await store.compact(PLAN);
    await store.close();
    const statePath = join(root, 'plans', PLAN, 'state.bin');
    const state = await readFile(statePath);
    state[state.byteLength - 1] = (state[state.byteLength - 1] ?? 0) ^ 0xff;
    await writeFile(statePath, state);
    store = await openPlanStore(root);
    await expect(store.load(PLAN)).rejects.toThrow(/corrupt/);
    expect(await store.list()).toHaveLength(1); // the store and its list still open
  });

  it('lists described plans with their summary and last write', async () => {
    await store.describe({
      planId: PLAN,
      title: 'National action plan on business and human rights',
      serverUrl: 'wss://accord.example/sync',
      lastSyncedAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await store.append(PLAN, actionUpdate('a', 1));
    const [summary] = await store.list();
    expect(summary).toMatchObject({
      planId: PLAN,
      title: 'National action plan on business and human rights',
      serverUrl: 'wss://accord.example/sync',
      lastSyncedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(summary && summary.updatedAt > '2026-01-01T00:00:00.000Z').toBe(true);
  });

  it('lists a plan that was appended to but never described, untitled and local', async () => {
    await store.append(PLAN, actionUpdate('a', 1));
    expect(await store.list()).toEqual([
      expect.objectContaining({ planId: PLAN, title: '', serverUrl: null, lastSyncedAt: null }),
    ]);
  });

  it('[L6] removes a plan and everything stored for it', async () => {
    await store.append(PLAN, actionUpdate('a', 1));
    await store.remove(PLAN);
    expect(await store.list()).toEqual([]);
    expect(await store.load(PLAN)).toBeNull();
    await store.append(PLAN, actionUpdate('b', 2));
    expect(actionsOf(await store.load(PLAN))).toEqual({ b: 2 });
  });

  it('[L6] finishes a removal that a crash interrupted when it next opens', async () => {
    await store.close();
    await mkdir(join(root, 'trash', `${PLAN}.half-removed`), { recursive: true });
    await writeFile(join(root, 'trash', `${PLAN}.half-removed`, 'updates.log'), 'x');
    store = await openPlanStore(root);
    expect(await readdir(join(root, 'trash'))).toEqual([]);
    expect(await store.list()).toEqual([]);
  });

  it.each([
    ['parent folder', '..'],
    ['separator', 'a/b'],
    ['backslash', 'a\\b'],
    ['empty', ''],
    ['NUL', 'a\0b'],
    ['too long', 'a'.repeat(129)],
  ])('[L5] refuses a plan id with a %s', async (_name, planId) => {
    await expect(store.append(planId, actionUpdate('a', 1))).rejects.toThrow(/invalid plan id/);
    await expect(store.load(planId)).rejects.toThrow(/invalid plan id/);
  });

  it('[L5] refuses bytes that are not a Yjs update and keeps what was stored', async () => {
    await store.append(PLAN, actionUpdate('a', 1));
    await expect(store.append(PLAN, Uint8Array.of(0xff, 0xff, 0xff))).rejects.toThrow(
      /not a Yjs update/,
    );
    await expect(store.append(PLAN, new Uint8Array(0))).rejects.toThrow(/non-empty/);
    expect(actionsOf(await store.load(PLAN))).toEqual({ a: 1 });
  });
});
