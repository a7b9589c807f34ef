// Storage off the event loop (issue 10, server/SPEC.md [D8]): a cold load of a 10,000-action plan
// through the store's replay worker against Y.applyUpdate of the same state in plain Node (target
// <= 1.5x), and the event loop's delay (perf_hooks.monitorEventLoopDelay) while plans load and a
// 13,000-entry log is compacted (target: no stall over 50 ms). Measures; never fails on timing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { silentLogger } from '../../server/ops/log';
import { Metrics } from '../../server/ops/metrics';
import { Compactor } from '../../server/storage/compactor';
import { SqliteStore } from '../../server/storage/sqliteStore';
import { loadStoredDocument } from '../../server/storage/storedDocument';
import { seedPlan } from '../e2e/seed';

const ACTIONS = 10_000;
const LOG_ENTRIES = 13_000;
const RUNS = 5;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Runs `work` while sampling the event loop's delay every 10 ms; p99 and max in ms. */
async function loopDelay(work: () => Promise<void>): Promise<{ p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await work();
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'accord-storage-bench-'));
  try {
    const store = new SqliteStore({ file: join(folder, 'accord.db'), writerThread: true });
    const planId = 'bench-plan';
    await store.createPlan({ id: planId, title: 'Bench', createdAt: 0 });
    const doc = seedPlan(new Y.Doc(), { planId, actions: ACTIONS });
    const state = Y.encodeStateAsUpdate(doc);
    const touched = { actions: {}, parts: [] };
    await store.appendUpdates([{ planId, update: state, memberId: null, at: 0, touched }]);
    await store.compact(planId, state, 1, 0);
    console.log(`plan: ${ACTIONS} actions, state ${(state.byteLength / 1e6).toFixed(1)} MB`);

    const plain: number[] = [];
    const worker: number[] = [];
    const mainPart: number[] = [];
    const longestChunk: number[] = [];
    await loadStoredDocument(store, planId); // the worker's start, once
    for (let i = 0; i < RUNS; i++) {
      let started = performance.now();
      Y.applyUpdate(new Y.Doc(), state);
      plain.push(performance.now() - started);
      // as loadStoredPlan does it, with each chunk timed ([D9])
      started = performance.now();
      const merged = await store.loadMergedState(planId);
      const loaded = new Y.Doc();
      let onLoop = 0;
      let longest = 0;
      for (const chunk of merged.chunks ?? [merged.state]) {
        const applied = performance.now();
        Y.applyUpdate(loaded, chunk);
        const took = performance.now() - applied;
        onLoop += took;
        longest = Math.max(longest, took);
        await new Promise((resolve) => setImmediate(resolve));
      }
      worker.push(performance.now() - started);
      mainPart.push(onLoop);
      longestChunk.push(longest);
    }
    console.log(
      `cold load: Y.applyUpdate in plain Node ${ms(median(plain))}, through the worker ` +
        `${ms(median(worker))} (${(median(worker) / median(plain)).toFixed(2)}x; of which on the ` +
        `event loop ${ms(median(mainPart))}, the longest chunk ${ms(median(longestChunk))})`,
    );

    const loads = await loopDelay(async () => {
      for (let i = 0; i < RUNS; i++) await loadStoredDocument(store, planId);
    });
    console.log(
      `event-loop delay during ${RUNS} loads: p99 ${ms(loads.p99)}, max ${ms(loads.max)}`,
    );

    // a long log after the state: one small edit per entry, as typing makes
    const edits: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => edits.push(update));
    const ids = [...doc.getMap('actions').keys()];
    for (let i = 0; i < LOG_ENTRIES; i++) {
      const action = doc.getMap('actions').get(ids[i % ids.length] ?? '') as Y.Map<unknown>;
      action.set('progress', i % 100);
    }
    for (let i = 0; i < edits.length; i += 1_000) {
      const batch = edits.slice(i, i + 1_000);
      await store.appendUpdates(
        batch.map((update) => ({ planId, update, memberId: null, at: 0, touched })),
      );
    }
    const compactor = new Compactor({
      store,
      metrics: new Metrics(),
      log: silentLogger,
      checkpointEveryMs: 0,
      checkpointRetentionDays: 0,
    });
    let compactMs = 0;
    const compaction = await loopDelay(async () => {
      const started = performance.now();
      await compactor.compact(planId);
      compactMs = performance.now() - started;
    });
    console.log(
      `compaction of ${LOG_ENTRIES} log entries in steps: ${ms(compactMs)}; event-loop delay ` +
        `p99 ${ms(compaction.p99)}, max ${ms(compaction.max)}`,
    );
    await compactor.close();
    await store.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
