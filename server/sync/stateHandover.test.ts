import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { StateHandover, type Handover } from './stateHandover';

/** Every update of a handover, last (the delete set) included. */
function drain(steps: Handover): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (;;) {
    const step = steps.next();
    if (step.done) return [...updates, step.value];
    if (step.value) updates.push(step.value);
  }
}

/** Edits by several replicas of a plan, synced into `server` one after another. */
function edit(server: Y.Doc, replicas: Y.Doc[], seed: number, edits: number): void {
  let n = seed;
  const random = () => (n = (n * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < edits; i++) {
    const replica = replicas[Math.floor(random() * replicas.length)] as Y.Doc;
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const actions = replica.getMap<Y.Map<unknown>>('actions');
    const ids = [...actions.keys()];
    const roll = random();
    if (roll < 0.5 || ids.length === 0) {
      const action = new Y.Map<unknown>();
      action.set('title', new Y.Text(`action ${seed}-${i} `.repeat(1 + Math.floor(random() * 8))));
      actions.set(`a${seed}-${i}`, action);
    } else {
      const id = ids[Math.floor(random() * ids.length)] as string;
      if (roll < 0.7) actions.delete(id);
      else {
        const title = actions.get(id)?.get('title');
        if (title instanceof Y.Text) {
          title.insert(Math.floor(random() * title.length), 'more text ');
          if (title.length > 4) title.delete(1, 3);
        }
      }
    }
    Y.applyUpdate(server, Y.encodeStateAsUpdate(replica));
  }
}

const content = (doc: Y.Doc) => doc.getMap('actions').toJSON();

describe('state handover', () => {
  it('[S22] the pieces rebuild the whole plan, each within the piece size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const server = new Y.Doc();
        const replicas = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
        edit(server, replicas, seed, 40);
        const handover = new StateHandover(server, 256);
        const joiner = new Y.Doc();
        const updates = drain(handover.missing(new Map()));
        expect(updates.length).toBeGreaterThan(3);
        for (const update of updates.slice(0, -1)) {
          // one struct may pass the size; the piece stops right after it
          expect(Y.decodeUpdate(update).structs.length === 1 || update.length < 2 * 256).toBe(true);
        }
        for (const update of updates) Y.applyUpdate(joiner, update);
        expect(joiner.store.pendingStructs).toBeNull();
        expect(Y.encodeStateVector(joiner)).toEqual(Y.encodeStateVector(server));
        expect(content(joiner)).toEqual(content(server));
      }),
      { numRuns: 10 },
    );
  }, 60_000);

  it('[S22] after edits, later joiners get the old pieces again and what changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const server = new Y.Doc();
        const replicas = [new Y.Doc(), new Y.Doc()];
        edit(server, replicas, seed, 30);
        const handover = new StateHandover(server, 200);
        const early = new Y.Doc();
        for (const update of drain(handover.missing(new Map()))) Y.applyUpdate(early, update);
        edit(server, replicas, seed + 1, 30);
        // one joiner from nothing, one holding what `early` held: the diff of the cached pieces
        for (const joiner of [new Y.Doc(), early]) {
          const held = Y.decodeStateVector(Y.encodeStateVector(joiner));
          for (const update of drain(handover.missing(held))) Y.applyUpdate(joiner, update);
          expect(Y.encodeStateVector(joiner)).toEqual(Y.encodeStateVector(server));
          expect(content(joiner)).toEqual(content(server));
        }
      }),
      { numRuns: 10 },
    );
  }, 60_000);

  it('[S22] a peer that holds everything gets only the delete set', () => {
    const server = new Y.Doc();
    edit(server, [new Y.Doc()], 7, 20);
    const handover = new StateHandover(server, 64);
    drain(handover.missing(new Map()));
    const held = Y.decodeStateVector(Y.encodeStateVector(server));
    const updates = drain(handover.missing(held));
    expect(updates).toEqual([Y.encodeStateAsUpdate(server, Y.encodeStateVector(server))]);
  });
});
