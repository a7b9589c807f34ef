// [D1]-[D3] Damaged storage, one table of corruptions: each is made to a real database file of a
// 1,500-action plan (1,000 log entries compacted and checkpointed, 500 after), then a real server
// opens it. A damaged plan is refused (4510, HTTP 503), named by /readyz, never compacted, and
// `repair` rebuilds it from what is intact; a file SQLite cannot open stops the start with a clear
// error; a lost WAL is what SQLite promises: the database as of its last checkpoint, consistent.
import { copyFileSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { run } from '../../server/cli/cli';
import { createPlan, join as joinPlan } from '../../server/identity/members';
import { DATABASE_FILE } from '../../server/storage/sqliteFile';
import { SqliteStore } from '../../server/storage/sqliteStore';
import type { RepairReport } from '../../server/storage/sqliteRepair';
import { newDataDir, startServer, type TestServer } from './harness';

const ACTIONS = 1_500;
const COMPACTED = 1_000;
const PAGE = 4096;
const title = (i: number) => `action-${String(i).padStart(4, '0')} decent work for all`;
/** the log entry whose bytes the page corruptions hit: after the compacted part */
const HIT = 1_200;

interface Built {
  readonly dataDir: string;
  readonly planId: string;
  readonly token: string;
}

/** A data folder with the plan, every blob written through the store; the WAL folded in. */
async function build(): Promise<Built> {
  const dataDir = newDataDir();
  const store = new SqliteStore({ file: join(dataDir, DATABASE_FILE) });
  const { plan, ownerInvite } = await createPlan(store, 'Damaged plan');
  const joined = await joinPlan(store, ownerInvite.code, { name: 'Owner', organisation: 'MoL' });
  if (!joined.ok) throw new Error(joined.refusal);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 1; i <= ACTIONS; i++) {
    const action = new Y.Map<unknown>();
    action.set('title', new Y.Text(title(i)));
    doc.getMap('actions').set(`a${i}`, action);
  }
  const append = (from: number, to: number) =>
    store.appendUpdates(
      updates.slice(from, to).map((update) => ({
        planId: plan.id,
        update,
        memberId: joined.member.id,
        at: 0,
        touched: { actions: {}, parts: ['actions'] },
      })),
    );
  await append(0, COMPACTED);
  const compacted = await store.loadMergedState(plan.id);
  await store.compact(plan.id, compacted.state, compacted.seq, 1);
  await store.addCheckpoint(plan.id, 1, compacted.seq, compacted.state);
  await append(COMPACTED, ACTIONS);
  await store.close();
  return { dataDir, planId: plan.id, token: joined.token };
}

const databaseOf = (built: Built) => join(built.dataDir, DATABASE_FILE);

/** Rewrites the page holding the bytes of log entry HIT's action title. */
function rewritePageOf(built: Built, fill: (page: Buffer) => void): void {
  const bytes = readFileSync(databaseOf(built));
  const at = bytes.indexOf(title(HIT));
  if (at < 0) throw new Error('entry not found in the file');
  const start = at - (at % PAGE);
  fill(bytes.subarray(start, start + PAGE));
  writeFileSync(databaseOf(built), bytes);
}

/** A seeded byte stream (the same "random" page every run). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) & 0xff;
}

type Outcome = 'damaged' | 'refusesToStart' | 'consistent';

const CORRUPTIONS: readonly {
  name: string;
  corrupt: (built: Built) => Promise<void> | void;
  outcome: Outcome;
}[] = [
  {
    name: 'zeroed page',
    corrupt: (b) => rewritePageOf(b, (page) => page.fill(0)),
    outcome: 'damaged',
  },
  {
    name: 'random page',
    corrupt: (b) => {
      const next = seeded(7);
      rewritePageOf(b, (page) => page.forEach((_, i) => (page[i] = next())));
    },
    outcome: 'damaged',
  },
  {
    name: 'flipped bytes',
    corrupt: (b) => {
      const bytes = readFileSync(databaseOf(b));
      const at = bytes.indexOf(title(HIT));
      for (const offset of [3, 4, 9]) bytes[at + offset] = (bytes[at + offset] ?? 0) ^ 0x5a;
      writeFileSync(databaseOf(b), bytes);
    },
    outcome: 'damaged',
  },
  {
    name: 'truncated file',
    corrupt: (b) => truncateSync(databaseOf(b), Math.floor(readFileSync(databaseOf(b)).length / 2)),
    outcome: 'refusesToStart',
  },
  {
    name: 'bad header',
    corrupt: (b) => {
      const bytes = readFileSync(databaseOf(b));
      bytes.write('Not SQLite at all', 0, 'latin1');
      writeFileSync(databaseOf(b), bytes);
    },
    outcome: 'refusesToStart',
  },
  {
    name: 'missing WAL',
    corrupt: async (b) => {
      // ten more entries committed to the WAL only, then the WAL is lost (a copy without it)
      const store = new SqliteStore({ file: databaseOf(b) });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.loadMergedState(b.planId)).state);
      for (let i = 0; i < 10; i++) {
        const update = Y.encodeStateAsUpdate(doc);
        await store.appendUpdates([
          { planId: b.planId, update, memberId: null, at: 0, touched: { actions: {}, parts: [] } },
        ]);
      }
      copyFileSync(databaseOf(b), `${databaseOf(b)}.copy`);
      await store.close();
      copyFileSync(`${databaseOf(b)}.copy`, databaseOf(b));
      rmSync(`${databaseOf(b)}.copy`);
    },
    outcome: 'consistent',
  },
];

/** The close code a member's sync connection gets. */
function closeCodeOf(server: TestServer, built: Built): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/${built.planId}?token=${built.token}`);
    ws.once('close', (code) => resolve(code));
    ws.once('error', reject);
  });
}

// `connection: close`: a repair takes longer than the server's keep-alive, and a request on a
// kept-alive socket the server is closing meanwhile fails with ECONNRESET
const get = (server: TestServer, built: Built, path: string) =>
  fetch(`${server.httpUrl}/api/plans/${built.planId}/${path}`, {
    headers: { authorization: `Bearer ${built.token}`, connection: 'close' },
  });

const readyz = (server: TestServer) =>
  fetch(`${server.httpUrl}/readyz`, { headers: { connection: 'close' } });

const actionsIn = async (server: TestServer, built: Built): Promise<number> => {
  const response = await get(server, built, 'snapshot');
  expect(response.status).toBe(200);
  const snapshot = (await response.json()) as { actions: unknown[] };
  return snapshot.actions.length;
};

let server: TestServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('damaged storage', () => {
  it.each(CORRUPTIONS)(
    '[D1][D2][D3] $name: $outcome',
    async ({ corrupt, outcome }) => {
      const built = await build();
      dataDir = built.dataDir;
      await corrupt(built);
      if (outcome === 'refusesToStart') {
        await expect(startServer({}, built.dataDir)).rejects.toThrow(
          /not a database|malformed|damaged/,
        );
        return;
      }
      server = await startServer({}, built.dataDir);
      if (outcome === 'consistent') {
        expect(await actionsIn(server, built)).toBe(ACTIONS);
        expect((await readyz(server)).status).toBe(200);
        return;
      }

      // [D1] refused, never served smaller
      expect(await closeCodeOf(server, built)).toBe(4510);
      for (const path of ['snapshot', 'exports?format=json']) {
        const response = await get(server, built, path);
        expect(response.status, path).toBe(503);
        expect(((await response.json()) as { error: string }).error).toBe('plan_damaged');
      }
      const ready = await readyz(server);
      expect(ready.status).toBe(503);
      expect(JSON.stringify(await ready.json())).toContain(built.planId);
      // [D2] never compacted: what the damage hid may be all that is left of it
      await expect(server.server.compactor.compact(built.planId)).rejects.toThrow(/damaged/);

      // [D3] repair, beside the running server, from the intact base and the intact log
      const lines: string[] = [];
      const code = await run(['repair', built.planId, '--data', built.dataDir, '--json'], {}, (l) =>
        lines.push(l),
      );
      expect(code).toBe(0);
      const report = JSON.parse(lines.join('\n')) as RepairReport;
      expect(report.base).toEqual({ kind: 'state', seq: COMPACTED });
      expect(report.lost).toContain(HIT);
      // one editor's session made every entry, so those after a lost one wait for it
      expect(report.applied).toBe(Math.min(...report.lost) - COMPACTED - 1);
      expect(report.applied + report.unapplied + report.lost.length).toBe(ACTIONS - COMPACTED);
      expect(report.actions).toBe(COMPACTED + report.applied);
      // the running server serves the repaired plan at its next load
      expect(await actionsIn(server, built)).toBe(report.actions);
      expect((await readyz(server)).status).toBe(200);
    },
    120_000,
  );
});
