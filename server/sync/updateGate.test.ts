import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GATE_REFUSALS, inspectUpdate, unknownClientsIn, type GateLimits } from './updateGate';

const LIMITS: GateLimits = {
  maxNestingDepth: 16,
  maxStructsPerUpdate: 1_000,
  maxDeleteRangesPerUpdate: 100,
  maxNewClientIdsPerUpdate: 8,
};

/** Everything one fresh replica writes, as one update (client id fixed for repeatability). */
function updateOf(write: (doc: Y.Doc) => void, clientID = 7): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  write(doc);
  return Y.encodeStateAsUpdate(doc);
}

/** An update of `depth` Y.Maps, each inside the one before, the first in actions. */
function nested(depth: number): Uint8Array {
  return updateOf((doc) => {
    let map = doc.getMap('actions');
    for (let level = 0; level < depth; level++) {
      const child = new Y.Map<unknown>();
      map.set('child', child);
      map = child;
    }
  });
}

/** One update with structs from `count` client ids. */
function manyClients(count: number): Uint8Array {
  const updates = Array.from({ length: count }, (_, i) =>
    updateOf((doc) => doc.getMap('meta').set(`k${i}`, i), 1_000 + i),
  );
  return Y.mergeUpdates(updates);
}

/** The second of two edits by one replica, without the first (it depends on it). */
function withoutItsPredecessor(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 9;
  const text = doc.getText('notes');
  text.insert(0, 'first');
  const before = Y.encodeStateVector(doc);
  text.insert(5, ' second');
  return Y.encodeStateAsUpdate(doc, before);
}

/** A delete of an item the plan has never seen. */
function deletionOfUnknown(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 11;
  doc.getMap('meta').set('title', 'x');
  const sv = Y.encodeStateVector(doc);
  doc.getMap('meta').delete('title');
  return Y.encodeStateAsUpdate(doc, sv);
}

describe('update gate', () => {
  const cases: [string, () => Uint8Array, string | 'ok'][] = [
    ['[G1] an action, as the plan model writes it', () => updateOf(addAction), 'ok'],
    ['[G1] nesting at the limit', () => nested(LIMITS.maxNestingDepth), 'ok'],
    ['[G1] nesting one deeper than the limit', () => nested(17), GATE_REFUSALS.tooDeep],
    ['[G1] 900 nested maps', () => nested(900), GATE_REFUSALS.tooDeep],
    ['[G2] client ids at the limit', () => manyClients(8), 'ok'],
    ['[G2] one client id too many', () => manyClients(9), GATE_REFUSALS.tooManyClientIds],
    [
      '[G3] structs over the limit',
      () =>
        updateOf((doc) => {
          // each character typed before the last: one item each
          for (let i = 0; i <= LIMITS.maxStructsPerUpdate; i++) doc.getText('notes').insert(0, 'x');
        }),
      GATE_REFUSALS.tooManyStructs,
    ],
    [
      '[G3] a delete set over the limit',
      () =>
        updateOf((doc) => {
          const text = doc.getText('notes');
          text.insert(0, 'x'.repeat(400));
          // every other character deleted: 200 separate ranges
          for (let i = 199; i >= 0; i--) text.delete(i * 2, 1);
        }),
      GATE_REFUSALS.deleteSetTooLarge,
    ],
    ['[G4] structs after a gap', withoutItsPredecessor, GATE_REFUSALS.missingDependencies],
    ['[G4] a deletion of unknown structs', deletionOfUnknown, GATE_REFUSALS.missingDependencies],
    [
      '[G4] a subdocument',
      () => updateOf((doc) => doc.getMap('meta').set('sub', new Y.Doc())),
      GATE_REFUSALS.subdocument,
    ],
    ['[G4] random bytes', () => Uint8Array.from([5, 200, 3, 9, 9, 1]), GATE_REFUSALS.malformed],
  ];
  for (const [name, make, expected] of cases) {
    it(name, () => {
      const plan = new Y.Doc();
      const before = Y.encodeStateAsUpdate(plan);
      const verdict = inspectUpdate(plan, make(), LIMITS);
      expect(verdict.ok ? 'ok' : verdict.refusal).toBe(expected);
      // the gate never changes the document
      expect(Y.encodeStateAsUpdate(plan)).toEqual(before);
    });
  }

  it('[G4] an edit that builds on what the plan already has passes, and its ids are not new', () => {
    const plan = new Y.Doc();
    const author = new Y.Doc();
    author.clientID = 21;
    addAction(author);
    Y.applyUpdate(plan, Y.encodeStateAsUpdate(author));
    const sv = Y.encodeStateVector(author);
    const action = author.getMap<Y.Map<unknown>>('actions').get('a1');
    action?.set('status', 'done');
    const edit = Y.encodeStateAsUpdate(author, sv);
    expect(inspectUpdate(plan, edit, LIMITS)).toEqual({ ok: true, newClientIds: [] });
    expect(inspectUpdate(new Y.Doc(), edit, LIMITS).ok).toBe(false);
  });

  it('[G1] depth counts the levels the plan already holds', () => {
    const plan = new Y.Doc();
    Y.applyUpdate(plan, nested(LIMITS.maxNestingDepth - 1));
    const author = new Y.Doc();
    Y.applyUpdate(author, Y.encodeStateAsUpdate(plan));
    const sv = Y.encodeStateVector(author);
    let map = author.getMap<unknown>('actions');
    while (map.get('child') instanceof Y.Map) map = map.get('child') as Y.Map<unknown>;
    map.set('child', new Y.Map());
    const one = Y.encodeStateAsUpdate(author, sv);
    expect(inspectUpdate(plan, one, LIMITS).ok).toBe(true);
    const sv2 = Y.encodeStateVector(author);
    (map.get('child') as Y.Map<unknown>).set('child', new Y.Map());
    const two = Y.mergeUpdates([one, Y.encodeStateAsUpdate(author, sv2)]);
    expect(inspectUpdate(plan, two, LIMITS)).toMatchObject({ refusal: GATE_REFUSALS.tooDeep });
  });

  it('[G5] a state vector is measured by the clients the plan has never seen', () => {
    const plan = new Y.Doc();
    Y.applyUpdate(plan, manyClients(3));
    const client = new Y.Doc();
    Y.applyUpdate(client, manyClients(5));
    expect(unknownClientsIn(plan, Y.encodeStateVector(client))).toBe(2);
  });
});

function addAction(doc: Y.Doc): void {
  doc.transact(() => {
    const action = new Y.Map<unknown>();
    action.set('title', new Y.Text('Train labour inspectors'));
    action.set('status', 'planned');
    const indicators = new Y.Map<unknown>();
    const indicator = new Y.Map<unknown>();
    indicator.set('values', new Y.Map());
    indicators.set('i1', indicator);
    action.set('indicators', indicators);
    doc.getMap('actions').set('a1', action);
  });
}
