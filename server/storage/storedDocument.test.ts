import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DamagedPlanError } from './integrity';
import { chunkState } from './stateChunks';
import type { MergedDocument, PlanStore } from './store';
import { loadStoredPlan, MERGE_MAX_UPDATES, mergeStored, replayStored } from './storedDocument';

/** A plan written in steps by two replicas: the state after `before` steps, then the rest. */
function planInSteps(steps: number): Uint8Array[] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const updates: Uint8Array[] = [];
  a.on('update', (update: Uint8Array) => updates.push(update));
  b.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < steps; i++) {
    const doc = i % 2 === 0 ? a : b;
    Y.applyUpdate(doc, Y.mergeUpdates(updates.length > 0 ? updates : [Y.encodeStateAsUpdate(doc)]));
    const actions = doc.getMap<Y.Map<unknown>>('actions');
    if (i % 3 === 2) actions.delete(`x${i - 2}`);
    else {
      const action = new Y.Map<unknown>();
      action.set('title', new Y.Text(`action ${i}`));
      actions.set(`x${i}`, action);
    }
  }
  return updates;
}

function applied(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

const storeOf = (merged: MergedDocument) =>
  ({ loadMergedState: () => Promise.resolve(merged) }) satisfies Pick<
    PlanStore,
    'loadMergedState'
  > as unknown as PlanStore;

describe('stored document', () => {
  it('[D1] a short log is merged into the compacted state: the same plan as a replay', () => {
    const updates = planInSteps(30);
    const state = Y.mergeUpdates(updates.slice(0, 20));
    const log = updates.slice(20).map((update, i) => ({ seq: 21 + i, update }));
    expect(log.length).toBeLessThanOrEqual(MERGE_MAX_UPDATES);
    const stored = { state, stateSeq: 20, updates: log };
    const merged = mergeStored('p', stored, 30);
    expect(merged).toMatchObject({ stateSeq: 20, seq: 20 + log.length, lastSeq: 30 });
    const replayed = applied(replayStored('p', stored));
    const doc = applied(merged.state);
    expect(doc.store.pendingStructs).toBeNull();
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(replayed));
    expect(doc.getMap('actions').toJSON()).toEqual(replayed.getMap('actions').toJSON());
  });

  it('[D1] a merged log with a hole keeps every entry, and the plan is refused when it loads', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const title = new Y.Text('a');
    doc.getMap('actions').set('x', new Y.Map([['title', title]]));
    title.insert(1, 'b');
    title.insert(2, 'c');
    const [first, , third] = updates as [Uint8Array, Uint8Array, Uint8Array];
    const merged = mergeStored(
      'p',
      { state: first, stateSeq: 1, updates: [{ seq: 3, update: third }] },
      3,
    );
    // nothing the log's rows held is missing from the state that replaces them: with the entry
    // that was never stored, it is the whole plan
    const [, second] = updates as [Uint8Array, Uint8Array];
    const repaired = applied(merged.state);
    Y.applyUpdate(repaired, second);
    expect(repaired.store.pendingStructs).toBeNull();
    expect(repaired.getMap('actions').toJSON()).toEqual({ x: { title: 'abc' } });
    await expect(loadStoredPlan(storeOf(merged), 'p')).rejects.toThrow(DamagedPlanError);
  });

  it('[D9] a load in chunks yields to the event loop between them and ends with the whole plan', async () => {
    const state = Y.mergeUpdates(planInSteps(60));
    const chunks = chunkState(state, 5);
    expect(chunks.length).toBeGreaterThan(5);
    let turns = 0;
    const count = () => {
      turns++;
      if (turns < 1_000) setImmediate(count);
    };
    setImmediate(count);
    const merged = { state, stateSeq: 0, seq: 60, lastSeq: 60, chunks };
    const { doc } = await loadStoredPlan(storeOf(merged), 'p');
    // another plan's work ran between the chunks, not only after the load
    expect(turns).toBeGreaterThanOrEqual(chunks.length - 1);
    expect(doc.getMap('actions').toJSON()).toEqual(applied(state).getMap('actions').toJSON());
    expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(applied(state)))).toBe(true);
  });
});
