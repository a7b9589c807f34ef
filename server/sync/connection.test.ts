import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CLOSE } from './closeCodes';
import { DEFAULT_LIMITS, type Limits } from '../ops/config';
import { Connection, VIEWER_REASON } from './connection';
import { silentLogger } from '../ops/log';
import { Metrics } from '../ops/metrics';
import * as protocol from './protocol';
import { Room } from './room';
import type { Role } from '../storage/store';
import { GatedStore, RecordingSocket, actionUpdate } from '../../tests/support/testPeers';

async function setup(role: Role, limits: Partial<Limits> = {}) {
  const store = new GatedStore();
  store.open();
  await store.createPlan({ id: 'p', title: 't', createdAt: 0 });
  const metrics = new Metrics();
  const room = await Room.load('p', { store, metrics, log: silentLogger, awarenessFlushMs: 1 });
  const socket = new RecordingSocket();
  const member = {
    id: 'm',
    planId: 'p',
    name: 'm',
    organisation: 'o',
    role,
    inviteId: null,
    createdAt: 0,
    revokedAt: null,
  };
  const connection = new Connection(socket, member, room, {
    limits: { ...DEFAULT_LIMITS, ...limits },
    metrics,
    log: silentLogger,
    wantsAcks: false,
  });
  connection.start();
  return { store, metrics, room, socket, connection };
}

const rejected = (metrics: Metrics, reason: string) => metrics.rejected.get({ reason });

describe('connection', () => {
  it("[S6] drops a viewer's edits, counts them, and tells the viewer once", async () => {
    const { store, metrics, room, socket, connection } = await setup('viewer');
    // viewers get no sync step 1 (their answer would be dropped)
    expect(socket.sent.some((f) => f[0] === 0 && f[1] === protocol.SYNC.step1)).toBe(false);
    connection.receive(protocol.encodeUpdate(actionUpdate('x', 'viewer edit')));
    connection.receive(protocol.encodeSyncStep2(actionUpdate('y', 'viewer edit 2')));
    // an empty step 2 is not an edit
    connection.receive(protocol.encodeSyncStep2(new Uint8Array([0, 0])));
    await room.drained();
    expect(room.doc.getMap('actions').size).toBe(0);
    expect(store.appended).toBe(0);
    expect(rejected(metrics, 'viewer_edit')).toBe(2);
    expect(socket.sent).toEqual([protocol.encodePermissionDenied(VIEWER_REASON)]);
    expect(socket.closedWith).toBeNull();
  });

  it.each<[string, Uint8Array, string]>([
    ['empty frame', new Uint8Array(0), 'malformed'],
    ['unknown type', new Uint8Array([42]), 'unknown_type'],
    ['truncated sync', new Uint8Array([0, 2, 10, 1]), 'malformed'],
    ['trailing bytes', new Uint8Array([3, 0]), 'malformed'],
    ['garbage state vector', new Uint8Array([0, 0, 3, 200, 200, 200]), 'malformed'],
  ])(
    '[S11] %s closes the connection as a protocol error and is counted',
    async (_name, frame, reason) => {
      const { metrics, socket, connection } = await setup('editor');
      connection.receive(frame);
      expect(socket.closedWith?.code).toBe(CLOSE.protocolError);
      expect(rejected(metrics, reason)).toBe(1);
      expect(connection.isOpen).toBe(false);
    },
  );

  it('[S11] a flood beyond the rate limit closes the connection', async () => {
    const { metrics, socket, connection } = await setup('editor', {
      messagesPerSecond: 1,
      messageBurst: 3,
    });
    const query = (() => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, protocol.MESSAGE.queryAwareness);
      return encoding.toUint8Array(e);
    })();
    for (let i = 0; i < 10; i++) connection.receive(query);
    expect(socket.closedWith?.code).toBe(CLOSE.rateLimited);
    expect(rejected(metrics, 'rate_limited')).toBe(1);
  });

  it('[S16] a client too slow to read is closed instead of buffering without bound', async () => {
    const { metrics, socket, connection } = await setup('editor', { maxBufferedBytes: 10 });
    socket.bufferedAmount = 11;
    connection.send(new Uint8Array([1]));
    expect(socket.closedWith?.code).toBe(CLOSE.slowClient);
    expect(rejected(metrics, 'slow_client')).toBe(1);
  });
});
