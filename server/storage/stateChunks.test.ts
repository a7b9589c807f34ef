import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chunkState } from './stateChunks';

/** Replicas that edit maps, arrays and text concurrently and exchange updates in random order. */
function concurrentPlan(seed: number, replicas: number, steps: number): Y.Doc {
  let random = seed;
  const next = (n: number) => {
    random = (random * 1_103_515_245 + 12_345) % 2 ** 31;
    return random % n;
  };
  const docs = Array.from({ length: replicas }, () => new Y.Doc());
  for (let step = 0; step < steps; step++) {
    const doc = docs[next(replicas)] as Y.Doc;
    const actions = doc.getMap<Y.Map<unknown>>('actions');
    const keys = [...actions.keys()];
    const existing = keys.length > 0 ? actions.get(keys[next(keys.length)] as string) : undefined;
    switch (next(5)) {
      case 0: {
        const action = new Y.Map<unknown>();
        action.set('title', new Y.Text(`Äction ${step} 😀`));
        action.set('partners', Y.Array.from([{ id: `org-${step}` }]));
        action.set('progress', step % 100);
        actions.set(`a${step}`, action);
        break;
      }
      case 1:
        (existing?.get('title') as Y.Text | undefined)?.insert(0, `ü${step}`);
        break;
      case 2:
        (existing?.get('partners') as Y.Array<unknown> | undefined)?.push([step, null, true]);
        break;
      case 3:
        if (keys.length > 0) actions.delete(keys[next(keys.length)] as string);
        break;
      default:
        existing?.set('status', ['planned', 'in_progress', 'done'][next(3)]);
    }
    // a random other replica catches up, so later edits build on other clients' structs
    const other = docs[next(replicas)] as Y.Doc;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
  }
  const merged = new Y.Doc();
  for (const doc of docs) Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
  return merged;
}

const structsIn = (update: Uint8Array) => Y.decodeUpdate(update).structs.length;

describe('chunkState ([D9])', () => {
  it('rebuilds the same document chunk by chunk, with Yjs never waiting for a struct', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        (seed, replicas, maxStructs) => {
          const source = concurrentPlan(seed, replicas, 120);
          const state = Y.encodeStateAsUpdate(source);
          const chunks = chunkState(state, maxStructs);
          const doc = new Y.Doc();
          for (const chunk of chunks) {
            expect(structsIn(chunk)).toBeLessThanOrEqual(maxStructs);
            Y.applyUpdate(doc, chunk);
            expect(doc.store.pendingStructs).toBeNull();
          }
          expect(doc.store.pendingDs).toBeNull();
          expect(doc.getMap('actions').toJSON()).toEqual(source.getMap('actions').toJSON());
          // the same state vector and delete set (Yjs may merge neighbouring structs otherwise)
          expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(source))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('orders a client after the structs it builds on, not by client id', () => {
    // the high client id writes first, so the update lists its dependants before it
    const low = new Y.Doc();
    low.clientID = 1;
    const high = new Y.Doc();
    high.clientID = 2 ** 31;
    high.getArray('list').insert(0, ['first']);
    Y.applyUpdate(low, Y.encodeStateAsUpdate(high));
    low.getArray('list').insert(1, ['second']);
    Y.applyUpdate(high, Y.encodeStateAsUpdate(low));
    high.getArray('list').insert(2, ['third']);
    const state = Y.encodeStateAsUpdate(high);

    const doc = new Y.Doc();
    for (const chunk of chunkState(state, 1)) {
      Y.applyUpdate(doc, chunk);
      expect(doc.store.pendingStructs).toBeNull();
    }
    expect(doc.getArray('list').toArray()).toEqual(['first', 'second', 'third']);
  });

  it('keeps garbage-collected structs and the delete set', () => {
    const source = new Y.Doc();
    const list = source.getArray<Y.Map<unknown>>('list');
    for (let i = 0; i < 20; i++) list.push([new Y.Map([['n', i]])]);
    list.delete(3, 10); // collected: Yjs writes these as GC structs
    const state = Y.encodeStateAsUpdate(source);
    const doc = new Y.Doc();
    for (const chunk of chunkState(state, 4)) Y.applyUpdate(doc, chunk);
    expect(doc.getArray('list').toJSON()).toEqual(list.toJSON());
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('leaves a state with a hole waiting just as applying it whole does', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const text = source.getText('title');
    for (let i = 0; i < 6; i++) text.insert(text.length, `part ${i} `);
    const holed = Y.mergeUpdates([...updates.slice(0, 2), ...updates.slice(3)]);

    const whole = new Y.Doc();
    Y.applyUpdate(whole, holed);
    const chunked = new Y.Doc();
    for (const chunk of chunkState(holed, 2)) Y.applyUpdate(chunked, chunk);
    expect(whole.store.pendingStructs).not.toBeNull();
    expect(chunked.store.pendingStructs).not.toBeNull();
    expect(chunked.getText('title').toString()).toBe(whole.getText('title').toString());
  });

  it('cuts an empty state into the delete set alone', () => {
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    const chunks = chunkState(state, 10);
    expect(chunks).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, chunks[0] as Uint8Array);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });
});
