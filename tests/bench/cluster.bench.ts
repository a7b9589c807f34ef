// `npm run bench -- cluster`: three Accord nodes (the production bundle under plain node) over a
// real PostgreSQL and Redis, against one SQLite node, in one run:
// - edit latency p50/p99, writer and reader on the same node vs on different nodes, and on one
//   SQLite node (target: cross-node p99 <= 2x same-node p99);
// - deliveries per second with 200 clients spread over the three nodes;
// - catch-up: a node opening a 10,000-action plan another node wrote;
// - fail-over: time until a killed node's clients have an edit acknowledged through another node;
// - 20 node kills (and restarts) while clients edit: acknowledged edits lost (target 0).
// Needs PostgreSQL and redis-server (as the cluster tests do); says so and stops if they are absent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { planWithEditors, storedActionIds } from '../support/planEditors';
import { PostgresStore } from '../../server/storage/postgresStore';
import { openSqliteStore } from '../../server/storage/sqliteFile';
import type { PlanStore } from '../../server/storage/store';
import { addAction, connect, stored, synced, until, type Client } from '../integration/harness';
import { alive, exited, startBalancer, startNode, type ClusterNode } from '../support/cluster';
import {
  freePort,
  postgresMissing,
  redisMissing,
  startPostgres,
  startRedis,
} from '../support/engines';

const LATENCY_EDITS = 200;
const DELIVERY_CLIENTS = 200;
const DELIVERY_EDITS_EACH = 5;
const CATCH_UP_ACTIONS = 10_000;
const KILLS = 20;

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const wsUrl = (port: number) => ({ wsUrl: `ws://127.0.0.1:${port}/sync` });
const ids = (doc: Y.Doc) => doc.getMap('actions');

const members = (store: PlanStore, count: number) => planWithEditors(store, 'Cluster bench', count);

/** Sequential edits by `writer`; how long until `reader` sees each one. */
async function latencies(writer: Client, reader: Client): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < LATENCY_EDITS; i++) {
    const id = `lat-${i}-${Math.random()}`;
    const seen = until([reader.doc], () => ids(reader.doc).has(id), 'latency edit');
    const started = performance.now();
    addAction(writer.doc, id, id);
    await seen;
    out.push(performance.now() - started);
  }
  return out;
}

export async function run(): Promise<void> {
  const missing = postgresMissing() ?? redisMissing();
  if (missing) {
    console.log(`(skipped: ${missing})`);
    return;
  }
  execFileSync('npm', ['run', '-s', 'build:server'], { stdio: 'inherit' });
  const postgres = await startPostgres();
  const redis = await startRedis();
  const store = await PostgresStore.open({ connectionString: postgres.url() });
  const nodes: ClusterNode[] = [];
  const clients: Client[] = [];
  const nodeOptions = (port: number) => ({
    port,
    database: postgres.url(),
    redis: redis.url,
    built: true,
  });
  let single: ClusterNode | undefined;
  try {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      nodes.push({ port, child: await startNode(nodeOptions(port)) });
    }

    // one SQLite node, for the same-run comparison
    const sqliteDir = mkdtempSync(join(tmpdir(), 'accord-bench-sqlite-'));
    const sqliteStore = openSqliteStore(sqliteDir);
    const sqlitePlan = await members(sqliteStore, 2);
    await sqliteStore.close();
    const singlePort = await freePort();
    single = {
      port: singlePort,
      child: await startNode({ port: singlePort, built: true, extraArgs: ['--data', sqliteDir] }),
    };

    const latencyPlan = await members(store, 3);
    const [writer, sameReader, crossReader] = [0, 0, 1].map((node, i) =>
      connect(wsUrl(nodes[node]!.port), latencyPlan.planId, latencyPlan.tokens[i]!),
    ) as [Client, Client, Client];
    const [soloWriter, soloReader] = sqlitePlan.tokens.map((token) =>
      connect(wsUrl(singlePort), sqlitePlan.planId, token),
    ) as [Client, Client];
    clients.push(writer, sameReader, crossReader, soloWriter, soloReader);
    await Promise.all(clients.map((client) => synced(client, 60_000)));
    const same = await latencies(writer, sameReader);
    const cross = await latencies(writer, crossReader);
    const solo = await latencies(soloWriter, soloReader);
    console.log('| edit latency | p50 | p99 |');
    console.log('| --- | --- | --- |');
    console.log(`| one SQLite node | ${ms(percentile(solo, 50))} | ${ms(percentile(solo, 99))} |`);
    console.log(
      `| cluster, same node | ${ms(percentile(same, 50))} | ${ms(percentile(same, 99))} |`,
    );
    console.log(
      `| cluster, across nodes | ${ms(percentile(cross, 50))} | ${ms(percentile(cross, 99))} |`,
    );
    console.log(
      `\ncross-node p99 / same-node p99: ${(percentile(cross, 99) / percentile(same, 99)).toFixed(2)}x (target <= 2x); / single SQLite node p99: ${(percentile(cross, 99) / percentile(solo, 99)).toFixed(2)}x`,
    );

    // deliveries per second: every client makes a few edits at once, all see all
    const deliveryPlan = await members(store, DELIVERY_CLIENTS);
    const crowd = deliveryPlan.tokens.map((token, i) =>
      connect(wsUrl(nodes[i % 3]!.port), deliveryPlan.planId, token),
    );
    clients.push(...crowd);
    await Promise.all(crowd.map((client) => synced(client, 120_000)));
    const total = DELIVERY_CLIENTS * DELIVERY_EDITS_EACH;
    const started = performance.now();
    for (const [i, client] of crowd.entries()) {
      for (let n = 0; n < DELIVERY_EDITS_EACH; n++) addAction(client.doc, `d${i}-${n}`, 'x');
    }
    await until(
      crowd.map((client) => client.doc),
      () => crowd.every((client) => ids(client.doc).size === total),
      'every delivery',
      300_000,
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `\ndeliveries: ${DELIVERY_CLIENTS} clients over 3 nodes, ${total} edits, ${((total * DELIVERY_CLIENTS) / seconds) | 0} deliveries/s (${seconds.toFixed(1)} s until every client had every edit)`,
    );
    for (const client of crowd) client.destroy();

    // catch-up: one node writes a 10,000-action plan; a client opens it on another node
    const bigPlan = await members(store, 2);
    const author = connect(wsUrl(nodes[0]!.port), bigPlan.planId, bigPlan.tokens[0]!, {
      acks: true,
    });
    clients.push(author);
    await synced(author);
    author.doc.transact(() => {
      for (let i = 0; i < CATCH_UP_ACTIONS; i++) addAction(author.doc, `big-${i}`, `Action ${i}`);
    });
    await stored(author, 300_000);
    const openedAt = performance.now();
    const opener = connect(wsUrl(nodes[2]!.port), bigPlan.planId, bigPlan.tokens[1]!);
    clients.push(opener);
    await synced(opener, 300_000);
    console.log(
      `catch-up: a node opening a ${CATCH_UP_ACTIONS}-action plan written on another node, first client synced after ${ms(performance.now() - openedAt)}`,
    );

    // fail-over and kills, through a load balancer
    const balancer = await startBalancer(nodes);
    const killPlan = await members(store, 10);
    const editors = killPlan.tokens.map((token) =>
      connect(wsUrl(balancer.port), killPlan.planId, token, { acks: true }),
    );
    clients.push(...editors);
    await Promise.all(editors.map((client) => synced(client, 60_000)));
    const made: string[] = [];
    let round = 0;
    const editAll = () =>
      editors.forEach((client, i) => {
        const id = `kill-${round}-${i}`;
        made.push(id);
        addAction(client.doc, id, id);
      });
    const failovers: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      editAll();
      round += 1;
      const victim = nodes[kill % 3]!;
      victim.child.kill('SIGKILL');
      await exited(victim.child);
      const killedAt = performance.now();
      editAll();
      round += 1;
      await Promise.all(editors.map((client) => stored(client, 120_000)));
      failovers.push(performance.now() - killedAt);
      victim.child = await startNode(nodeOptions(victim.port));
    }
    balancer.close();
    const stillStored = await storedActionIds(store, killPlan.planId);
    const lost = made.filter((id) => !stillStored.has(id)).length;
    console.log(
      `fail-over: after a node is SIGKILLed, every client has its edits acknowledged again through another node in p50 ${ms(percentile(failovers, 50))}, max ${ms(Math.max(...failovers))}`,
    );
    console.log(`${KILLS} node kills, ${made.length} acknowledged edits: ${lost} lost (target 0)`);
  } finally {
    for (const client of clients) client.destroy();
    for (const node of single ? [...nodes, single] : nodes) {
      if (alive(node)) node.child.kill('SIGKILL');
      await exited(node.child);
    }
    await store.close();
    await redis.stop();
    postgres.stop();
  }
}
