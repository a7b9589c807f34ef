// Issue 10, "Sync server under attack": each attack an editor's token allows is one row, run against
// a real server while an honest client edits the same plan. After every row the attacker's
// connection is closed with the named code, nothing of the refused attack is stored, the honest
// client is still connected, its next edit is acknowledged, and the plan holds what it held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CLOSE } from '../../server/sync/closeCodes';
import * as protocol from '../../server/sync/protocol';
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
  withTimeout,
  type Client,
  type TestPlan,
  type TestServer,
} from './harness';

/** Where attacks write: outside the plan's parts, so a refused one is easy to tell apart. */
const SCRATCH = 'scratch';
/** Flood size here; the benchmark floods with 3,000 (tests/bench/flood.bench.ts). */
const FLOOD = 200;
const LIMITS = {
  firstMessageTimeoutMs: 1_000,
  maxNewClientIdsPerMemberPerDay: 60,
  maxConnectionsPerMember: 20,
};

let server: TestServer;
let plan: TestPlan;
let honest: Client;
let honestClosed: number | null = null;
let edits = 0;

beforeAll(async () => {
  server = await startServer(LIMITS);
  // owner, the honest editor, then one editor token per attack row (per-member budgets stay apart)
  plan = await planWith(server, ['owner', 'editor', ...ROWS.map(() => 'editor' as const)]);
  honest = connect(server, plan.planId, plan.tokens[1] ?? '', { acks: true });
  honest.provider.on('connection-close', (event) => (honestClosed = event?.code ?? -1));
  await synced(honest);
  addAction(honest.doc, 'a0', 'Train labour inspectors');
  await stored(honest);
});

afterAll(async () => {
  honest.destroy();
  await server.dispose();
});

/** What `attack` resolves with when the server stored the attacker's update instead of closing. */
const ACCEPTED = 0;

/**
 * A raw socket as a member (asking for acknowledgements): sends `frames` once open, resolves with
 * the close code it gets, an HTTP status if refused at the upgrade, or ACCEPTED once the server
 * acknowledges storing what it sent (the socket is then closed, unless asked to stay).
 */
function attack(
  token: string,
  frames: readonly Uint8Array[],
  /** keeps an accepted socket open (a flood's sockets stay), to be closed by the row */
  stay?: WebSocket[],
): Promise<number> {
  return withTimeout(
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${plan.planId}?token=${token}&ack=1`);
      ws.on('open', () => {
        for (const frame of frames) ws.send(frame);
      });
      ws.on('message', (data: Buffer) => {
        if (data[0] !== protocol.MESSAGE.stored) return;
        resolve(ACCEPTED);
        if (stay) stay.push(ws);
        else ws.close();
      });
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? -1));
      ws.on('error', () => undefined);
      ws.on('close', (code) => resolve(code));
    }),
    60_000,
    'the server to answer the attacker',
  );
}

/** Everything a fresh replica with this client id writes, as one update. */
function updateOf(write: (doc: Y.Doc) => void, clientID?: number): Uint8Array {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  write(doc);
  return Y.encodeStateAsUpdate(doc);
}

function deepNesting(levels: number): Uint8Array[] {
  const doc = new Y.Doc();
  let map = doc.getMap<unknown>(SCRATCH);
  for (let i = 0; i < levels; i++) {
    const child = new Y.Map<unknown>();
    map.set('child', child);
    map = child;
  }
  // the delete written out: deleting it here would overflow this process's stack too
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // a delete set of one client
  encoding.writeVarUint(e, doc.clientID);
  encoding.writeVarUint(e, 1); // one range: the top map (clock 0), length 1
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  const deleteTop = encoding.toUint8Array(e);
  return [protocol.encodeUpdate(Y.encodeStateAsUpdate(doc)), protocol.encodeUpdate(deleteTop)];
}

/** One update in which each of `count` client ids sets one key of the scratch part (~20 bytes
 * each), written out directly: Y.mergeUpdates of 20,000 updates takes minutes. */
function clientIds(count: number, first: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(e, 1); // structs of this client
    encoding.writeVarUint(e, first + i); // client
    encoding.writeVarUint(e, 0); // clock
    encoding.writeUint8(e, 8 | 32); // ContentAny, with a parentSub (map key)
    encoding.writeVarUint(e, 1); // parent is a top-level type, by name
    encoding.writeVarString(e, SCRATCH);
    encoding.writeVarString(e, String(first + i)); // the key
    encoding.writeVarUint(e, 1); // one value
    encoding.writeAny(e, i);
  }
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

function withoutItsPredecessor(): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText(SCRATCH);
  text.insert(0, 'first');
  const sv = Y.encodeStateVector(doc);
  text.insert(5, ' second');
  return Y.encodeStateAsUpdate(doc, sv);
}

function presence(states: [number, string][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, states.length);
  for (const [clientID, state] of states) {
    encoding.writeVarUint(e, clientID);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, state);
  }
  return protocol.encodeAwareness(encoding.toUint8Array(e));
}

function giantStateVector(entries: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries);
  for (let i = 0; i < entries; i++) {
    encoding.writeVarUint(e, 10_000 + i);
    encoding.writeVarUint(e, 1);
  }
  return protocol.encodeSyncStep1(encoding.toUint8Array(e));
}

const edit = (clientID: number) =>
  protocol.encodeUpdate(updateOf((doc) => doc.getMap(SCRATCH).set(String(clientID), 1), clientID));

interface Row {
  readonly name: string;
  /** close codes (or HTTP statuses) the attacker's sockets may get; every one must be in it */
  readonly closes: readonly number[];
  /** keys the attack may leave in the scratch part (accepted before a budget ran out) */
  readonly scratch?: number;
  /** the attack, given its own member token; resolves with the codes its sockets got */
  run(token: string): Promise<number[]>;
}

const one = (frames: Uint8Array[]) => (token: string) => attack(token, frames).then((c) => [c]);

const ROWS: Row[] = [
  {
    name: '[G1] 3,000 nested maps, then a 10-byte update deleting the top one',
    closes: [CLOSE.updateRefused],
    run: one(deepNesting(3_000)),
  },
  {
    name: '[G2] one 350 KB frame carrying 20,000 distinct client ids',
    closes: [CLOSE.updateRefused],
    run: one([protocol.encodeUpdate(clientIds(20_000, 1_000_000))]),
  },
  {
    name: '[G2] a member bringing more new client ids over time than a day allows',
    closes: [CLOSE.clientIdBudget],
    scratch: 40,
    run: async (token) => {
      // 40 is a legitimate amount and is stored; 40 more go past the member's 60 a day
      expect(await attack(token, [protocol.encodeUpdate(clientIds(40, 2_000_000))])).toBe(ACCEPTED);
      return [await attack(token, [protocol.encodeUpdate(clientIds(40, 2_100_000))])];
    },
  },
  {
    name: `[G8] a flood of ${FLOOD} sockets with one token, each sending one edit`,
    // admitted and stored (at most maxConnectionsPerMember), refused for the token, or told to
    // retry at the upgrade
    closes: [ACCEPTED, CLOSE.tooManyConnections, 503],
    scratch: LIMITS.maxConnectionsPerMember,
    run: async (token) => {
      const open: WebSocket[] = [];
      const codes = await Promise.all(
        Array.from({ length: FLOOD }, (_, i) => attack(token, [edit(3_000_000 + i)], open)),
      );
      expect(codes.filter((c) => c === ACCEPTED).length).toBeLessThanOrEqual(
        LIMITS.maxConnectionsPerMember,
      );
      expect(codes).toContain(CLOSE.tooManyConnections);
      // the server answers health checks with the flood's sockets open
      expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);
      for (const ws of open) ws.close();
      return codes;
    },
  },
  {
    name: '[G7] a 5 MB presence state',
    closes: [CLOSE.presenceRefused],
    run: one([presence([[4_000_001, JSON.stringify({ user: { name: 'x'.repeat(5e6) } })]])]),
  },
  {
    name: '[G7] presence for 1,000 client ids on one connection',
    closes: [CLOSE.presenceRefused],
    run: one([
      presence(Array.from({ length: 1_000 }, (_, i): [number, string] => [5_000_000 + i, '{}'])),
    ]),
  },
  {
    name: '[G7] presence 500 times at once',
    closes: [CLOSE.rateLimited],
    run: one(Array.from({ length: 500 }, (_, i) => presence([[6_000_000, `{"n":${i}}`]]))),
  },
  {
    name: '[G4] an update whose structs depend on missing ones',
    closes: [CLOSE.outOfOrder],
    run: one([protocol.encodeUpdate(withoutItsPredecessor())]),
  },
  {
    name: '[G5] a state vector of 100,000 clients',
    closes: [CLOSE.protocolError],
    run: one([giantStateVector(100_000)]),
  },
  {
    name: '[S11] an unknown message type',
    closes: [CLOSE.protocolError],
    run: one([Uint8Array.from([42, 0])]),
  },
  {
    name: '[G9] an authenticated socket that never sends anything',
    closes: [CLOSE.idle],
    run: one([]),
  },
];

/** Resolves once the honest client sees no presence but its own. */
function onlyOwnPresence(client: Client): Promise<void> {
  const { awareness } = client.provider;
  const alone = () => [...awareness.getStates().keys()].every((id) => id === client.doc.clientID);
  if (alone()) return Promise.resolve();
  let cleanup = () => {};
  const done = new Promise<void>((resolve) => {
    const check = () => {
      if (!alone()) return;
      cleanup();
      resolve();
    };
    awareness.on('change', check);
    cleanup = () => awareness.off('change', check);
  });
  return withTimeout(done, 30_000, 'foreign presence to go').finally(() => cleanup());
}

describe('attacks with an editor token', () => {
  for (const [index, row] of ROWS.entries()) {
    it(row.name, async () => {
      const room = server.server.rooms.room(plan.planId);
      if (!room) throw new Error('the plan is not loaded');
      const before = await metricsText(server);
      const scratchBefore = room.doc.getMap(SCRATCH).size;
      const codes = await row.run(plan.tokens[2 + index] ?? '');
      for (const code of codes)
        expect(row.closes, `${row.name}: closed with ${code}`).toContain(code);

      // nothing refused reached the plan, in memory or in storage
      expect(room.doc.getMap(SCRATCH).size - scratchBefore).toBeLessThanOrEqual(row.scratch ?? 0);
      if (!row.scratch) {
        const after = await metricsText(server);
        expect(metricValue(after, 'accord_updates_total')).toBe(
          metricValue(before, 'accord_updates_total'),
        );
      }
      // the honest client never noticed: still connected, its edit is acknowledged
      expect(honestClosed).toBeNull();
      edits += 1;
      addAction(honest.doc, `after-${index}`, `after ${row.name}`);
      await stored(honest);
      expect(server.server.rooms.room(plan.planId)).toBe(room);
      expect(titles(room.doc)).toEqual(titles(honest.doc));
      expect(titles(room.doc)).toHaveLength(1 + edits);
      // presence the row got in (under the rate cap) leaves with its connection
      await onlyOwnPresence(honest);
    });
  }
});
