// How the server's costs grow with a plan (issue 15): at 1,000, 10,000 and 50,000 actions
// (`BENCH_SIZES=1000,10000` to limit), the state's size, a cold load against Y.applyUpdate in plain
// Node, a first (cold) and a later (warm) join, the snapshot route for a plan not loaded,
// compaction after one new update (replay against merge, storage/storedDocument.ts) and the
// server's memory per loaded plan, for Accord and the reference y-websocket server in one run.
// Each server runs in its own process (serverProcesses.ts). Measures; never fails on timing.
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { API_PATHS, pathOf } from '../../shared/contracts/apiPaths';
import { createInvite, createPlan, join as joinPlan } from '../../server/identity/members';
import { openSqliteStore } from '../../server/storage/sqliteFile';
import { mergeStored, replayStored } from '../../server/storage/storedDocument';
import { connectEditor, type Editor } from './benchClients';
import { accordServer, referenceInMemory, type RunningServer } from './serverProcesses';
import { seedPlan } from '../e2e/seed';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const WARM_JOINS = 3;
const touched = { actions: {}, parts: [] };

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** A join: a fresh client's connect until it has synced the whole plan. */
async function join(server: RunningServer, planId: string, token: string, actions: number) {
  const { ms, value } = await timed(() => connectEditor(server.wsUrl, planId, token));
  const size = value.doc.getMap('actions').size;
  value.destroy();
  if (size !== actions) throw new Error(`a join got ${size} of ${actions} actions`);
  return ms;
}

/** A second plan in Accord's data folder with `state`, and an editor's token for it. */
async function storedPlan(dataDir: string, state: Uint8Array) {
  const store = openSqliteStore(dataDir);
  const { plan } = await createPlan(store, 'Growth plan');
  await store.appendUpdates([{ planId: plan.id, update: state, memberId: null, at: 0, touched }]);
  await store.compact(plan.id, state, 1, 0);
  const { code } = await createInvite(store, plan.id, {
    role: 'editor',
    maxUses: null,
    expiresAt: null,
    label: 'bench',
    createdBy: null,
  });
  const joined = await joinPlan(store, code, { name: 'bench', organisation: 'bench' });
  await store.close();
  if (!joined.ok) throw new Error(joined.refusal);
  return { planId: plan.id, token: joined.token };
}

interface Row {
  readonly label: string;
  readonly cells: Record<number, string>;
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  const cell = (label: string, size: number, value: string) => {
    let row = rows.find((r) => r.label === label);
    if (!row) rows.push((row = { label, cells: {} }));
    row.cells[size] = value;
  };
  for (const size of SIZES) {
    const doc = seedPlan(new Y.Doc(), { planId: 'growth', actions: size });
    const state = Y.encodeStateAsUpdate(doc);
    cell('state (one Yjs update)', size, mb(state.byteLength));
    cell(
      'Y.applyUpdate, plain Node',
      size,
      s((await timed(() => Y.applyUpdate(new Y.Doc(), state))).ms),
    );

    // compaction after one new update: what it folds, by replay (before) and by merge (now)
    const before = Y.encodeStateVector(doc);
    doc.getMap('meta').set('growthMarker', size);
    const oneUpdate = Y.encodeStateAsUpdate(doc, before);
    const stored = { state, stateSeq: 1, updates: [{ seq: 2, update: oneUpdate }] };
    cell(
      'compaction after 1 update: replay',
      size,
      s((await timed(() => replayStored('p', stored))).ms),
    );
    cell(
      'compaction after 1 update: merge (accord)',
      size,
      s((await timed(() => mergeStored('p', stored, 2))).ms),
    );

    const accord = await accordServer.start(0, 0);
    try {
      const idle = accord.rssBytes();
      const joined = await storedPlan(accord.dataDir ?? '', state);
      const snapshotPlan = await storedPlan(accord.dataDir ?? '', state);
      const cold = await join(accord, joined.planId, joined.token, size);
      cell('accord: cold join (load + handover)', size, s(cold));
      const warm: number[] = [];
      for (let i = 0; i < WARM_JOINS; i++)
        warm.push(await join(accord, joined.planId, joined.token, size));
      cell('accord: warm join (median)', size, s(median(warm)));
      cell('accord: RSS per loaded plan', size, mb(accord.rssBytes() - idle));
      const httpUrl = accord.wsUrl.replace(/^ws/, 'http').replace(/\/sync$/, '');
      const url = `${httpUrl}${pathOf(API_PATHS.snapshot, { planId: snapshotPlan.planId })}`;
      const snapshot = await timed(async () => {
        const response = await fetch(url, {
          headers: { authorization: `Bearer ${snapshotPlan.token}` },
        });
        return (await response.arrayBuffer()).byteLength;
      });
      cell(
        'accord: snapshot of a plan not loaded',
        size,
        `${s(snapshot.ms)} (${mb(snapshot.value)})`,
      );
    } finally {
      await accord.stop();
    }

    const reference = await referenceInMemory.start(0, 0);
    try {
      const idle = reference.rssBytes();
      // the reference keeps plans in memory only: its first client brings the plan
      const seeding: Editor = await connectEditor(reference.wsUrl, reference.planId, '');
      Y.applyUpdate(seeding.doc, state);
      let first = 0;
      for (let tries = 0; first === 0 && tries < 100; tries++) {
        first = await join(reference, reference.planId, '', size).catch(() => 0);
      }
      seeding.destroy();
      cell('reference: first join after the plan arrived', size, s(first));
      const warm: number[] = [];
      for (let i = 0; i < WARM_JOINS; i++)
        warm.push(await join(reference, reference.planId, '', size));
      cell('reference: join (median)', size, s(median(warm)));
      cell('reference: RSS per loaded plan', size, mb(reference.rssBytes() - idle));
    } finally {
      await reference.stop();
    }
    console.log(`measured ${size} actions`);
  }
  const header = `| what | ${SIZES.map((n) => `${n.toLocaleString('en')} actions`).join(' | ')} |`;
  console.log(`\n${header}\n| --- | ${SIZES.map(() => '---:').join(' | ')} |`);
  for (const row of rows) {
    console.log(`| ${row.label} | ${SIZES.map((n) => row.cells[n] ?? '-').join(' | ')} |`);
  }
}
