// `npm run bench -- kills` (issue 10): one Accord node on SQLite (the production bundle under plain
// node) SIGKILLed 50 times while 20 clients edit, each restart on the same data folder after a
// 5 s settle. Reports how long each restart takes until it listens and until every client is
// synced again (target: ready within 2 s), and acknowledged edits lost (target 0): after each
// kill, before the restart, the database is read directly and must hold every edit the server
// had acknowledged. BENCH_KILLS and BENCH_SETTLE_MS change the counts (a shorter run).
// Node logs: one file per port in ACCORD_NODE_LOGS, or the node's data folder.
import { loadavg, tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { planWithEditors, storedActionIds } from '../support/planEditors';
import { openSqliteStore } from '../../server/storage/sqliteFile';
import { addAction, connect, stored, until, type Client } from '../integration/harness';
import { alive, exited, startNode } from '../support/cluster';
import { freePort } from '../support/engines';

const KILLS = Number(process.env.BENCH_KILLS ?? 50);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5_000);
const EDITORS = 20;
/**
 * each editor adds an action this often (ms), offset by its index so edits interleave: 40 new
 * actions a second, a busy workshop, which grows the plan to about 16,000 actions over 50 kills
 * (at 50 ms it passed 100,000, and each restart's load grew with it)
 */
const EDIT_EVERY_MS = 500;

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** One edit: its action id and the editor's clock once it was made. */
interface Edit {
  readonly id: string;
  readonly clock: number;
}

export async function run(): Promise<void> {
  execFileSync('npm', ['run', '-s', 'build:server'], { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-kills-'));
  const setup = openSqliteStore(dataDir);
  const { planId, tokens } = await planWithEditors(setup, 'Kill bench', EDITORS);
  await setup.close();
  const port = await freePort();
  const start = () => startNode({ port, built: true, extraArgs: ['--data', dataDir] });
  const loadAtStart = loadavg();
  let child = await start();
  const endpoint = { wsUrl: `ws://127.0.0.1:${port}/sync` };
  const clients: Client[] = tokens.map((token) => connect(endpoint, planId, token, { acks: true }));
  const made: Edit[][] = clients.map(() => []);
  /** each client's last close code, to say why one never came back */
  const lastClose = clients.map(() => 0);
  clients.forEach((client, i) =>
    client.provider.on('connection-close', (event: { code: number } | null) => {
      lastClose[i] = event?.code ?? -1;
    }),
  );
  const waiting = () =>
    clients
      .map((client, i) => ({ i, client }))
      .filter(({ client }) => !(client.provider.wsconnected && client.provider.synced))
      .map(
        ({ i, client }) =>
          `#${i} connected ${client.provider.wsconnected} synced ${client.provider.synced} last close ${lastClose[i]}`,
      )
      .join('; ');
  const editing = clients.map((client, i) =>
    setInterval(() => {
      const id = `e${i}-${made[i]!.length}`;
      addAction(client.doc, id, id);
      made[i]!.push({ id, clock: Y.getState(client.doc.store, client.doc.clientID) });
    }, EDIT_EVERY_MS + i),
  );
  /** the edits the server had acknowledged to their editor */
  const acknowledged = () =>
    clients.flatMap((client, i) => {
      const through = client.stored.stateVector.get(client.doc.clientID) ?? 0;
      return made[i]!.filter((edit) => edit.clock <= through).map((edit) => edit.id);
    });
  const listening: number[] = [];
  const reconnected: number[] = [];
  let acknowledgedTotal = 0;
  let lost = 0;
  try {
    await until(
      clients.map((client) => client.doc),
      () => clients.every((client) => client.provider.synced),
      'first sync',
      60_000,
    );
    for (let kill = 0; kill < KILLS; kill++) {
      await settle();
      child.kill('SIGKILL');
      await exited(child);
      const before = acknowledged();
      const store = openSqliteStore(dataDir);
      const held = await storedActionIds(store, planId);
      await store.close();
      acknowledgedTotal = Math.max(acknowledgedTotal, before.length);
      lost += before.filter((id) => !held.has(id)).length;
      const startedAt = performance.now();
      child = await start();
      listening.push(performance.now() - startedAt);
      await until(
        clients.map((client) => client.doc),
        () => clients.every((client) => client.provider.wsconnected && client.provider.synced),
        'clients synced after the restart',
        60_000,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)} (${waiting()})`);
      });
      reconnected.push(performance.now() - startedAt);
    }
    editing.forEach((timer) => clearInterval(timer));
    await Promise.all(clients.map((client) => stored(client, 120_000)));
  } finally {
    editing.forEach((timer) => clearInterval(timer));
    for (const client of clients) client.destroy();
    if (alive({ port, child })) child.kill('SIGKILL');
    await exited(child);
  }
  const store = openSqliteStore(dataDir);
  const final = await storedActionIds(store, planId);
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  const edits = made.flat();
  const missing = edits.filter((edit) => !final.has(edit.id)).length;
  console.log(
    `${KILLS} SIGKILLs of one SQLite node, ${EDITORS} clients editing every ${EDIT_EVERY_MS} ms, ${SETTLE_MS} ms settle; load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} at start, ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end`,
  );
  console.log('| restart | p50 | max | over 2 s |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, values] of [
    ['spawned until listening', listening],
    ['spawned until every client synced', reconnected],
  ] as const) {
    const over = values.filter((value) => value > 2_000).length;
    console.log(
      `| ${name} | ${ms(percentile(values, 50))} | ${ms(Math.max(...values))} | ${over} of ${values.length} |`,
    );
  }
  console.log(
    `acknowledged edits lost at a kill: ${lost} (target 0; up to ${acknowledgedTotal} acknowledged when killed); ${edits.length} edits made, ${missing} missing from the database at the end`,
  );
}
