import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectionAfter,
  describeSync,
  EDIT_GROUP_MS,
  PendingEdits,
  storedByUpdate,
  storedWith,
  subjectOf,
  UNREACHABLE_AFTER_FAILURES,
  type ConnectionEvent,
  type ConnectionState,
} from './syncState';

const vector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

/** A copy of a plan whose local transactions are recorded the way serverLink records them. */
function editedCopy(restored: readonly unknown[] = []) {
  const doc = new Y.Doc();
  const edits = new PendingEdits(restored);
  let now = 1_000;
  doc.on('update', (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (tr.local)
      edits.record(doc.clientID, Y.getState(doc.store, doc.clientID), now, subjectOf(tr));
  });
  const title = doc.getText('title');
  return {
    doc,
    edits,
    /** types `text` one key at a time, `gap` ms apart, each key its own transaction */
    type(text: string, gap = 100) {
      for (const char of text) {
        now += gap;
        doc.transact(() => title.insert(title.length, char));
      }
    },
    wait(ms: number) {
      now += ms;
    },
    pending: (stored: ReadonlyMap<number, number> | null) => edits.count(vector(doc), stored),
  };
}

describe('PendingEdits', () => {
  it('counts a word typed key by key as one change, not one per Yjs item', () => {
    const copy = editedCopy();
    copy.type('checked');
    expect(Y.getState(copy.doc.store, copy.doc.clientID)).toBe(7);
    expect(copy.pending(null)).toBe(1);
  });

  it('counts four quick edits of different fields as four changes', () => {
    // A title typed, then a status, a deadline and a lead set, each within a moment of the last.
    const copy = editedCopy();
    copy.type('Train inspectors', 80);
    const action = copy.doc.getMap('action');
    for (const [field, value] of [
      ['status', 'in_progress'],
      ['deadline', '2027-03-01'],
      ['leadOrgId', 'org-1'],
    ] as const) {
      copy.wait(200);
      copy.doc.transact(() => action.set(field, value));
    }
    expect(copy.pending(null)).toBe(4);
  });

  it('counts edits separated by a pause as separate changes', () => {
    const copy = editedCopy();
    copy.type('one');
    copy.wait(EDIT_GROUP_MS);
    copy.type('two');
    copy.wait(5_000);
    copy.doc.transact(() => copy.doc.getMap('meta').set('country', 'TM'));
    expect(copy.pending(null)).toBe(3);
  });

  it('is confirmed by an acknowledgement that covers the edit, and only then', () => {
    const copy = editedCopy();
    copy.type('abc');
    const partly = vector(copy.doc);
    copy.wait(EDIT_GROUP_MS);
    copy.type('def');
    // The server stored the first edit only.
    expect(copy.edits.acknowledge(partly)).toBe(true);
    expect(copy.pending(partly)).toBe(1);
    expect(copy.edits.acknowledge(vector(copy.doc))).toBe(true);
    expect(copy.pending(vector(copy.doc))).toBe(0);
  });

  it('counts a deletion (which advances no Yjs clock) until the next acknowledgement', () => {
    const copy = editedCopy();
    copy.type('abc');
    const stored = vector(copy.doc);
    copy.edits.acknowledge(stored);
    copy.wait(EDIT_GROUP_MS);
    copy.doc.transact(() => copy.doc.getText('title').delete(0, 1));
    expect(copy.pending(stored)).toBe(1);
    copy.edits.acknowledge(stored);
    expect(copy.pending(stored)).toBe(0);
  });

  it('keeps the count across a reload through its records', () => {
    const before = editedCopy();
    before.type('offline');
    before.wait(EDIT_GROUP_MS);
    before.type('again');
    const state = Y.encodeStateAsUpdate(before.doc);

    const after = editedCopy(before.edits.records());
    Y.applyUpdate(after.doc, state); // the local replica loads: not an edit
    expect(after.pending(null)).toBe(2);
    after.edits.acknowledge(vector(after.doc));
    expect(after.pending(vector(after.doc))).toBe(0);
  });

  it('counts a client with unsaved items but no recorded edit as one change', () => {
    const other = new Y.Doc();
    other.getText('title').insert(0, 'published from a local plan');
    const copy = editedCopy();
    Y.applyUpdate(copy.doc, Y.encodeStateAsUpdate(other));
    expect(copy.pending(null)).toBe(1);
    expect(copy.pending(vector(copy.doc))).toBe(0);
  });

  it('ignores damaged records', () => {
    expect(new PendingEdits([[1, 2], 'x', [1], [1.5, 2], null]).records()).toEqual([[1, 2]]);
  });
});

describe('what the server is known to have stored', () => {
  /** A colleague's copy whose every transaction is relayed, one update each, as the server does. */
  function colleague() {
    const doc = new Y.Doc();
    const relayed: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => relayed.push(update));
    return { doc, relayed, type: (text: string) => doc.getText('title').insert(0, text) };
  }

  it("an idle editor that receives a colleague's edits from the server has nothing unsaved", () => {
    const other = colleague();
    other.type('Inspect');
    const mine = editedCopy();
    // Joined: the server's sync step 2 and its acknowledgement.
    Y.applyUpdate(mine.doc, Y.encodeStateAsUpdate(other.doc));
    let stored: Map<number, number> | null = storedWith(null, vector(other.doc));
    expect(mine.pending(stored)).toBe(0);
    // The colleague adds more; each relayed update starts past clock 0 for that client.
    other.relayed.length = 0;
    other.type(' farms');
    other.type('Urgent: ');
    for (const update of other.relayed) {
      Y.applyUpdate(mine.doc, update);
      stored = storedWith(stored, storedByUpdate(update));
    }
    expect(mine.pending(stored)).toBe(0);
  });

  it('relayed updates count as stored even when this copy had no acknowledgement yet', () => {
    const other = colleague();
    other.type('Inspect');
    other.type(' farms');
    const mine = editedCopy();
    let stored: Map<number, number> | null = null;
    for (const update of other.relayed) {
      Y.applyUpdate(mine.doc, update);
      stored = storedWith(stored, storedByUpdate(update));
    }
    expect(mine.pending(stored)).toBe(0);
  });

  it("my own edits stay unsaved while colleagues' edits arrive, until acknowledged", () => {
    const other = colleague();
    const mine = editedCopy();
    mine.type('Mine');
    let stored: Map<number, number> | null = null;
    other.type('Theirs');
    for (const update of other.relayed) {
      Y.applyUpdate(mine.doc, update);
      stored = storedWith(stored, storedByUpdate(update));
    }
    expect(mine.pending(stored)).toBe(1);
    // An acknowledgement never takes back what relayed updates showed stored.
    const ack = new Map([[mine.doc.clientID, Y.getState(mine.doc.store, mine.doc.clientID)]]);
    stored = storedWith(stored, ack);
    mine.edits.acknowledge(stored);
    expect(mine.pending(stored)).toBe(0);
  });

  it('an acknowledgement older than a relayed update does not make it unsaved again', () => {
    expect([
      ...storedWith(
        new Map([
          [1, 10],
          [2, 5],
        ]),
        new Map([
          [1, 4],
          [3, 2],
        ]),
      ),
    ]).toEqual([
      [1, 10],
      [2, 5],
      [3, 2],
    ]);
  });
});

describe('describeSync', () => {
  it.each([
    ['offline stays offline', 'offline', true, 3, true, false, 'offline'],
    ['connected but not synced is syncing', 'connected', false, 0, true, false, 'syncing'],
    ['no acknowledgement yet is syncing', 'connected', true, 0, false, false, 'syncing'],
    ['everything stored is saved', 'connected', true, 0, true, false, 'saved'],
    ['some not stored is unsaved', 'connected', true, 2, true, false, 'unsaved'],
    [
      'a synced viewer is up to date with no acknowledgement',
      'connected',
      true,
      0,
      false,
      true,
      'upToDate',
    ],
    ['a viewer not yet synced is syncing', 'connected', false, 0, false, true, 'syncing'],
    ['an offline viewer is offline', 'offline', false, 0, false, true, 'offline'],
  ] as const)('%s', (_name, connection, synced, pending, acknowledged, readOnly, kind) => {
    expect(describeSync(connection, synced, pending, acknowledged, readOnly).kind).toBe(kind);
  });
});

describe('the connection', () => {
  const start: ConnectionState = { connection: 'connecting', failures: 0 };
  const run = (events: readonly ConnectionEvent[], online = true) =>
    events.reduce((state, event) => connectionAfter(state, event, online), start);

  it('says the server cannot be reached when attempts keep failing, not "connecting" for ever', () => {
    const attempts: ConnectionEvent[] = [];
    for (let i = 0; i < UNREACHABLE_AFTER_FAILURES; i++) attempts.push('attempt', 'close');
    expect(run(attempts).connection).toBe('unreachable');
    // The provider keeps retrying: each new attempt still says the server is unreachable.
    expect(run([...attempts, 'attempt', 'close', 'attempt']).connection).toBe('unreachable');
  });

  it('is still connecting after one failed attempt (a server restarting)', () => {
    expect(run(['attempt', 'close', 'attempt']).connection).toBe('connecting');
  });

  it('counts a dropped connection as the first failure, and a new connection clears them', () => {
    expect(run(['attempt', 'open', 'close', 'attempt']).connection).toBe('connecting');
    expect(run(['attempt', 'open', 'close', 'attempt', 'close']).connection).toBe('unreachable');
    expect(run(['attempt', 'close', 'attempt', 'close', 'attempt', 'open'])).toEqual({
      connection: 'connected',
      failures: 0,
    });
  });

  it('is offline with no network, and starts counting afresh when it returns', () => {
    const failing: ConnectionEvent[] = ['attempt', 'close', 'attempt', 'close'];
    expect(run(failing, false)).toEqual({ connection: 'offline', failures: 0 });
    const back = connectionAfter(run(failing, false), 'attempt', true);
    expect(back.connection).toBe('connecting');
  });

  it('tells how many changes are kept on this computer while the server is unreachable', () => {
    expect(describeSync('unreachable', false, 4, false)).toEqual({
      kind: 'unreachable',
      pending: 4,
    });
  });
});

describe('subjectOf', () => {
  it('is the same for keystrokes in one title and differs between fields', () => {
    const doc = new Y.Doc();
    const subjects: string[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => subjects.push(subjectOf(tr)));
    const action = doc.getMap('action');
    const title = new Y.Text();
    doc.transact(() => action.set('title', title));
    doc.transact(() => title.insert(0, 'a'));
    // A keystroke that also stamps the action's last change is the same edit.
    doc.transact(() => {
      title.insert(1, 'b');
      action.set('updatedAt', '2026-12-04T23:10:00Z');
    });
    doc.transact(() => action.set('status', 'planned'));
    doc.transact(() => action.set('deadline', '2027-01-01'));
    const [, first, second, status, deadline] = subjects;
    expect(first).toBe(second);
    expect(new Set([first, status, deadline]).size).toBe(3);
  });
});
