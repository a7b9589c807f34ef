import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { CLOSE } from '../../server/sync/closeCodes';
import {
  addAction,
  connect,
  metricValue,
  metricsText,
  planWith,
  startServer,
  stored,
  synced,
  titles,
  until,
  withTimeout,
  type Client,
  type TestServer,
} from './harness';

let server: TestServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

/** A seeded generator (mulberry32), so a failing case can be replayed from its printed seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Opens a raw socket as a member, sends frames, and resolves with the close code. */
function hostile(url: string, frames: readonly (Uint8Array | string)[]): Promise<number> {
  return withTimeout(
    new Promise<number>((resolve) => {
      const ws = new WebSocket(url);
      ws.on('open', () => {
        for (const frame of frames) ws.send(frame, { binary: typeof frame !== 'string' });
      });
      ws.on('error', () => undefined);
      ws.on('close', (code) => resolve(code));
    }),
    20_000,
    'hostile socket close',
  );
}

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

describe('bad input', () => {
  it('[S11] bad frames close only their own connection, are counted, and lose nothing', async () => {
    const seed = Date.now() % 100_000;
    console.log(`[S11] seed ${seed}`);
    const next = random(seed);
    server = await startServer({
      maxMessageBytes: 64 * 1024,
      messagesPerSecond: 50,
      messageBurst: 100,
    });
    const plan = await planWith(server, ['editor', 'editor', 'editor']);
    const s = server;
    const [a, b] = [0, 1].map((i) =>
      connect(s, plan.planId, plan.tokens[i] ?? '', { acks: true }),
    ) as [Client, Client];
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 20; i++) addAction(a.doc, `before-${i}`, `before ${i}`);
    await stored(a);
    const url = `${server.wsUrl}/${plan.planId}?token=${plan.tokens[2]}`;

    const randomBytes = Uint8Array.from({ length: 200 }, () => Math.floor(next() * 256));
    const validUpdate = frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array([1, 1, 5, 0, 4, 1, 1, 116, 1, 120, 0]));
    });
    const cases: [string, (Uint8Array | string)[], number][] = [
      // random bytes: type 200+ is unknown, so this is refused whatever the seed
      ['random bytes', [Uint8Array.from([200, ...randomBytes])], CLOSE.protocolError],
      ['truncated update', [validUpdate.slice(0, 6)], CLOSE.protocolError],
      ['wrong message type', [frame((e) => encoding.writeVarUint(e, 7))], CLOSE.protocolError],
      [
        'unknown sync sub-type',
        [
          frame(
            (e) => (
              encoding.writeVarUint(e, 0),
              encoding.writeVarUint(e, 9),
              encoding.writeVarUint8Array(e, new Uint8Array(1))
            ),
          ),
        ],
        CLOSE.protocolError,
      ],
      [
        'garbage inside a sync update',
        [
          frame(
            (e) => (
              encoding.writeVarUint(e, 0),
              encoding.writeVarUint(e, 2),
              encoding.writeVarUint8Array(e, randomBytes)
            ),
          ),
        ],
        CLOSE.protocolError,
      ],
      [
        'garbage awareness',
        [frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, randomBytes)))],
        CLOSE.protocolError,
      ],
      ['text frame', ['hello'], CLOSE.protocolError],
      ['oversized frame', [new Uint8Array(100 * 1024)], CLOSE.messageTooBig],
      [
        'flood',
        Array.from({ length: 500 }, () => frame((e) => encoding.writeVarUint(e, 3))),
        CLOSE.rateLimited,
      ],
    ];
    for (const [name, frames, expected] of cases) {
      // while each attack runs, the honest clients keep editing
      addAction(b.doc, `during-${name}`, `during ${name}`);
      expect(await hostile(url, frames), name).toBe(expected);
    }
    await until(
      [a.doc, b.doc],
      () =>
        titles(a.doc).length === 20 + cases.length && titles(b.doc).length === 20 + cases.length,
      'honest edits',
    );
    await stored(b);
    const metrics = await metricsText(server);
    const count = (reason: string) =>
      metricValue(metrics, `accord_rejected_messages_total{reason="${reason}"}`);
    expect(count('unknown_type')).toBeGreaterThanOrEqual(2);
    expect(count('malformed') + count('unknown_type')).toBe(7);
    expect(count('oversized')).toBe(1);
    expect(count('rate_limited')).toBe(1);
    // the server is up and everything stored is still there
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);
    const fresh = connect(server, plan.planId, plan.tokens[0] ?? '');
    clients.push(fresh);
    await until(
      [fresh.doc],
      () => titles(fresh.doc).length === 20 + cases.length,
      'everything stored',
    );
  });
});
