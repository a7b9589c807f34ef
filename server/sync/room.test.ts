import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLOSE } from './closeCodes';
import { Connection } from './connection';
import { DEFAULT_LIMITS } from '../ops/config';
import { silentLogger } from '../ops/log';
import { Metrics } from '../ops/metrics';
import * as protocol from './protocol';
import { Room } from './room';
import type { MemberRecord, Role } from '../storage/store';
import { GatedStore, RecordingSocket, actionUpdate, nextTurn } from '../../tests/support/testPeers';

const PLAN = 'plan-1';
const member = (id: string, role: Role = 'editor'): MemberRecord => ({
  id,
  planId: PLAN,
  name: id,
  organisation: 'org',
  role,
  inviteId: null,
  createdAt: 0,
  revokedAt: null,
});

let store: GatedStore;
let metrics: Metrics;
let failed: Room[];
let room: Room;

async function newRoom(): Promise<Room> {
  return Room.load(PLAN, {
    store,
    metrics,
    log: silentLogger,
    limits: { ...DEFAULT_LIMITS, awarenessFlushMs: 1 },
    onFailed: (r) => failed.push(r),
  });
}

function join(id: string, role: Role = 'editor', wantsAcks = false) {
  const socket = new RecordingSocket();
  const connection = new Connection(socket, member(id, role), room, {
    limits: DEFAULT_LIMITS,
    metrics,
    log: silentLogger,
    wantsAcks,
  });
  connection.start();
  socket.sent.length = 0; // forget the greeting (sync step 1)
  return { socket, connection };
}

const updateFrames = (socket: RecordingSocket) =>
  socket.sent.filter((f) => f[0] === protocol.MESSAGE.sync && f[1] === protocol.SYNC.update);

beforeEach(async () => {
  store = new GatedStore();
  await store.createPlan({ id: PLAN, title: 't', createdAt: 0 });
  metrics = new Metrics();
  failed = [];
  room = await newRoom();
});
afterEach(async () => {
  room.destroy();
  store.open();
  await store.close();
});

function awarenessFrame(clientID: number, clock: number): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientID);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify({ user: { name: `p${clientID}` } }));
  return protocol.encodeAwareness(encoding.toUint8Array(inner));
}
const awarenessFrames = (socket: RecordingSocket) =>
  socket.sent.filter((f) => f[0] === protocol.MESSAGE.awareness);

describe('room', () => {
  it('[S5] broadcasts and acknowledges an update only after it is stored', async () => {
    const author = join('a', 'editor', true);
    const other = join('b');
    author.connection.receive(protocol.encodeUpdate(actionUpdate('x', 'first')));
    await nextTurn(); // the batch is cut and waits for storage
    expect(updateFrames(other.socket)).toEqual([]);
    expect(author.socket.sent).toEqual([]);
    store.open();
    await room.drained();
    expect(store.appended).toBe(1);
    expect(updateFrames(other.socket)).toHaveLength(1);
    // the author gets an acknowledgement, not its own edit back
    expect(updateFrames(author.socket)).toEqual([]);
    const ack = author.socket.sent.map((f) => protocol.decodeStored(f)).find((sv) => sv);
    expect(ack && Y.decodeStateVector(ack).size).toBe(1);
  });

  it('[S10] an acknowledgement never claims what is applied but not yet stored', async () => {
    const author = join('a');
    const acked = join('k', 'editor', true);
    const u1 = actionUpdate('x1', 'one');
    author.connection.receive(protocol.encodeUpdate(u1));
    await nextTurn(); // batch 1 (u1) is being stored
    acked.connection.receive(protocol.encodeUpdate(u1)); // a duplicate: its ack waits for batch 2
    author.connection.receive(protocol.encodeUpdate(actionUpdate('x2', 'two'))); // batch 2
    store.step(); // batch 1 stored
    await nextTurn();
    await nextTurn(); // batch 2 is being stored
    const u3 = actionUpdate('x3', 'three');
    author.connection.receive(protocol.encodeUpdate(u3)); // applied, in batch 3, not stored
    store.step(); // batch 2 stored: the duplicate's ack goes out now
    await acked.socket.until(() => acked.socket.sent.some((f) => protocol.decodeStored(f)));
    const ack = acked.socket.sent.map((f) => protocol.decodeStored(f)).find((sv) => sv);
    const notYetStored = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(u3)).keys()][0];
    expect(ack && Y.decodeStateVector(ack).has(notYetStored ?? -1)).toBe(false);
    store.open();
    await room.drained();
  });

  it('[S5] answers sync step 1 only once what it contains is stored', async () => {
    const author = join('a');
    author.connection.receive(protocol.encodeUpdate(actionUpdate('x', 'first')));
    const reader = join('r', 'viewer');
    reader.connection.receive(protocol.encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await nextTurn();
    expect(reader.socket.sent).toEqual([]);
    store.open();
    await room.drained();
    // the answer comes in pieces, one per turn ([S22])
    await reader.socket.until(() =>
      reader.socket.sent.some((f) => f[0] === 0 && f[1] === protocol.SYNC.step2),
    );
  });

  it('[S17] encodes one frame for every recipient and merges a batch', async () => {
    const a = join('a');
    const b = join('b');
    const c = join('c');
    a.connection.receive(protocol.encodeUpdate(actionUpdate('x', 'from a')));
    b.connection.receive(protocol.encodeUpdate(actionUpdate('y', 'from b')));
    store.open();
    await room.drained();
    const [toC] = updateFrames(c.socket);
    expect(updateFrames(c.socket)).toHaveLength(1);
    // the same bytes object went to every recipient: encoded once
    expect(updateFrames(a.socket)[0]).toBe(toC);
    expect(updateFrames(b.socket)[0]).toBe(toC);
  });

  it('[S17] presence goes out at once in a quiet room and coalesced under a storm', async () => {
    room.destroy();
    room = await Room.load(PLAN, {
      store,
      metrics,
      log: silentLogger,
      limits: { ...DEFAULT_LIMITS, awarenessFlushMs: 30 },
    });
    const watcher = join('w', 'viewer');
    const senders = Array.from({ length: 20 }, (_, i) => join(`s${i}`));
    senders[0]?.connection.receive(awarenessFrame(1, 1));
    await nextTurn();
    expect(awarenessFrames(watcher.socket)).toHaveLength(1);
    // a storm right after, within one window: one more frame carries all twenty states
    senders.forEach((s, i) => s.connection.receive(awarenessFrame(100 + i, 1)));
    await watcher.socket.until(() => awarenessFrames(watcher.socket).length === 2);
    const storm = decoding.createDecoder(awarenessFrames(watcher.socket)[1] ?? new Uint8Array());
    decoding.readVarUint(storm); // message type
    const states = decoding.createDecoder(decoding.readVarUint8Array(storm));
    expect(decoding.readVarUint(states)).toBe(20);
  });

  /** one presence entry per client id, all at `clock` (the awareness payload, no message type) */
  const presenceEntries = (clientIDs: number[], clock: number, state: unknown) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, clientIDs.length);
    for (const clientID of clientIDs) {
      encoding.writeVarUint(inner, clientID);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, JSON.stringify(state));
    }
    return encoding.toUint8Array(inner);
  };
  const presence = (clientID: number, clock: number, state: unknown) =>
    protocol.encodeAwareness(presenceEntries([clientID], clock, state));

  it("[S20] a member cannot change or remove another member's presence; their own reconnect can", async () => {
    const a = join('a');
    const intruder = join('b');
    a.connection.receive(presence(7, 1, { user: { name: 'Aman' } }));
    intruder.connection.receive(presence(7, 2, null));
    intruder.connection.receive(presence(7, 3, { user: { name: 'not Aman' } }));
    expect(room.presence.awareness.getStates().get(7)).toEqual({ user: { name: 'Aman' } });
    expect(metrics.rejected.get({ reason: 'foreign_presence' })).toBe(2);
    // the same member reconnecting (new socket, old one not yet closed) takes its presence over
    const again = join('a');
    again.connection.receive(presence(7, 4, { user: { name: 'Aman, again' } }));
    a.connection.closed();
    expect(room.presence.awareness.getStates().get(7)).toEqual({ user: { name: 'Aman, again' } });
    again.connection.closed();
    expect(room.presence.awareness.getStates().has(7)).toBe(false);
  });

  it('[S20] a client echoing presence relayed from another node is neither refused nor its owner', async () => {
    const echoing = join('a');
    const others = [11, 12, 13, 14, 15, 16];
    room.applyRemoteAwareness(presenceEntries(others, 1, { user: { name: 'elsewhere' } }));
    // the stock provider sends back every change it receives: more entries than one connection may hold
    echoing.connection.receive(
      protocol.encodeAwareness(presenceEntries(others, 1, { user: { name: 'elsewhere' } })),
    );
    expect(echoing.socket.closedWith).toBeNull();
    echoing.connection.closed();
    expect(room.presence.clientIds().sort()).toEqual(others);
  });

  it('[S15] a storage failure closes every connection with a retryable code and drops the room', async () => {
    const a = join('a');
    const b = join('b');
    a.connection.receive(protocol.encodeUpdate(actionUpdate('x', 'lost?')));
    store.fail();
    await room.drained();
    expect(a.socket.closedWith?.code).toBe(CLOSE.unavailable);
    expect(b.socket.closedWith?.code).toBe(CLOSE.unavailable);
    expect(updateFrames(b.socket)).toEqual([]);
    expect(failed).toEqual([room]);
  });

  it('[S15] a plan whose stored data cannot be read never loads as an empty document', async () => {
    await store.compact(PLAN, new Uint8Array([1, 2, 3, 250]), 1, 0);
    await expect(newRoom()).rejects.toThrow();
  });
});
