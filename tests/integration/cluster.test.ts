// [CL4]-[CL11] Three Accord nodes (child processes) over one real PostgreSQL and one real Redis,
// with stock y-websocket clients spread over them, directly or through a small TCP load
// balancer that sends each new connection to a live node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { PostgresStore } from '../../server/storage/postgresStore';
import {
  freePort,
  postgresMissing,
  redisMissing,
  startPostgres,
  startRedis,
  type PostgresInstance,
  type RedisInstance,
} from '../support/engines';
import { planWithEditors, storedActionIds } from '../support/planEditors';
import { alive, exited, startBalancer, startNode, type ClusterNode } from '../support/cluster';
import {
  addAction,
  closedByServer,
  connect,
  stored,
  synced,
  until,
  withTimeout,
  type Client,
} from './harness';

const missing = postgresMissing() ?? redisMissing();

/** unload quickly so plans are reloaded from PostgreSQL between tests */
const NODE_ARGS = ['--unload-after-ms', '200', '--revocation-poll-ms', '200'];

const ids = (doc: Y.Doc) => new Set(doc.getMap('actions').keys());

/** /readyz of a node once it answers `status` (200 either way), or its last answer after 30 s. */
async function readiness(port: number, status: string): Promise<{ status: string }> {
  let answer: { status: string } = { status: 'none' };
  for (let tries = 0; tries < 150 && answer.status !== status; tries++) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(response.status).toBe(200);
    answer = (await response.json()) as { status: string };
  }
  return answer;
}

describe.skipIf(missing)(`cluster${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let postgres: PostgresInstance;
  let redis: RedisInstance;
  let store: PostgresStore;
  const nodes: ClusterNode[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    redis = await startRedis();
    store = await PostgresStore.open({ connectionString: postgres.url() });
    const ports = await Promise.all([0, 1, 2].map(() => freePort()));
    // one at a time: they migrate the same schema (an advisory lock makes that safe either way)
    for (const port of ports) {
      nodes.push({ port, child: await startNode(nodeOptions(port)) });
    }
  }, 180_000);

  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const node of nodes) {
      if (alive(node)) node.child.kill('SIGKILL');
      await exited(node.child);
    }
    await store?.close();
    await redis?.stop();
    postgres?.stop();
  }, 60_000);

  const planFor = (members: number) => planWithEditors(store, 'Cluster plan', members);

  const nodeOptions = (port: number) => ({
    port,
    database: postgres.url(),
    redis: redis.url,
    extraArgs: NODE_ARGS,
  });

  const wsUrl = (port: number) => ({ wsUrl: `ws://127.0.0.1:${port}/sync` });

  const storedIds = (planId: string) => storedActionIds(store, planId);

  it('[CL4] clients on three nodes converge, and every edit is in PostgreSQL', async () => {
    const { planId, tokens } = await planFor(6);
    const group = tokens.map((token, i) =>
      connect(wsUrl(nodes[i % 3]!.port), planId, token, { acks: true }),
    );
    clients.push(...group);
    await Promise.all(group.map((client) => synced(client)));
    for (const [i, client] of group.entries()) {
      for (let n = 0; n < 5; n++) addAction(client.doc, `c${i}-${n}`, `Action ${i}.${n}`);
    }
    const expected = group.flatMap((_, i) => [0, 1, 2, 3, 4].map((n) => `c${i}-${n}`));
    await until(
      group.map((client) => client.doc),
      () => group.every((client) => ids(client.doc).size === expected.length),
      'every client to see every action',
    );
    await Promise.all(group.map((client) => stored(client)));
    expect([...(await storedIds(planId))].sort()).toEqual(expected.sort());
  });

  it('[CL5] a node killed mid-edit: its clients go on through another node and nothing acknowledged is lost', async () => {
    const { planId, tokens } = await planFor(6);
    const balancer = await startBalancer(nodes);
    const group = tokens.map((token) =>
      connect(wsUrl(balancer.port), planId, token, { acks: true }),
    );
    clients.push(...group);
    try {
      await Promise.all(group.map((client) => synced(client)));
      const made = group.map(() => [] as string[]);
      const edit = (round: number) =>
        group.forEach((client, i) => {
          const id = `k${i}-${round}`;
          made[i]!.push(id);
          addAction(client.doc, id, id);
        });
      for (let round = 0; round < 10; round++) edit(round);
      const victim = nodes[0]!;
      victim.child.kill('SIGKILL');
      await exited(victim.child);
      for (let round = 10; round < 20; round++) edit(round);
      const expected = made.flat();
      await until(
        group.map((client) => client.doc),
        () => group.every((client) => ids(client.doc).size === expected.length),
        'every client to see every action after the kill',
        60_000,
      );
      await Promise.all(group.map((client) => stored(client, 60_000)));
      expect([...(await storedIds(planId))].sort()).toEqual(expected.sort());
      victim.child = await startNode(nodeOptions(victim.port));
    } finally {
      balancer.close();
    }
  });

  it('[CL10] nodes killed one after another: after each kill every client has its edits acknowledged through another node', async () => {
    const { planId, tokens } = await planFor(10);
    const balancer = await startBalancer(nodes);
    const group = tokens.map((token) =>
      connect(wsUrl(balancer.port), planId, token, { acks: true }),
    );
    clients.push(...group);
    try {
      await Promise.all(group.map((client) => synced(client, 60_000)));
      const made: string[] = [];
      let round = 0;
      const edit = () =>
        group.forEach((client, i) => {
          const id = `r${round}-${i}`;
          made.push(id);
          addAction(client.doc, id, id);
        });
      for (let kill = 0; kill < 4; kill++) {
        edit();
        round += 1;
        const victim = nodes[kill % 3]!;
        victim.child.kill('SIGKILL');
        await exited(victim.child);
        edit();
        round += 1;
        await Promise.all(group.map((client) => stored(client, 60_000)));
        victim.child = await startNode(nodeOptions(victim.port));
      }
      expect([...(await storedIds(planId))].sort()).toEqual(made.sort());
    } finally {
      balancer.close();
    }
  }, 240_000);

  it('[CL6] with Redis down edits are stored and still reach the other nodes; after it returns too', async () => {
    const { planId, tokens } = await planFor(2);
    const [a, b] = tokens.map((token, i) =>
      connect(wsUrl(nodes[i + 1]!.port), planId, token, { acks: true }),
    ) as [Client, Client];
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    await redis.kill();
    addAction(a.doc, 'while-down', 'Written while Redis was down');
    await until([b.doc], () => ids(b.doc).has('while-down'), 'the edit through PostgreSQL');
    await stored(a);
    // serving, but saying why: a balancer keeps the node, an operator sees the reason
    expect(await readiness(nodes[1]!.port, 'degraded')).toEqual({
      status: 'degraded',
      reasons: ['redis unreachable: edits reach other nodes by polling PostgreSQL'],
    });
    await redis.start();
    expect((await readiness(nodes[1]!.port, 'ready')).status).toBe('ready');
    addAction(b.doc, 'after-return', 'Written after Redis returned');
    await until([a.doc], () => ids(a.doc).has('after-return'), 'the edit after Redis returned');
    expect([...(await storedIds(planId))].sort()).toEqual(['after-return', 'while-down']);
  });

  it('[CL7] PostgreSQL restarted: clients are refused while it is down and converge after', async () => {
    const { planId, tokens } = await planFor(2);
    const [a, b] = tokens.map((token, i) =>
      connect(wsUrl(nodes[i]!.port), planId, token, { acks: true }),
    ) as [Client, Client];
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    postgres.kill();
    // an edit while the store is down cannot be stored: it stays on the client
    addAction(a.doc, 'during-outage', 'Typed while PostgreSQL was down');
    postgres.start();
    await until(
      [b.doc],
      () => ids(b.doc).has('during-outage'),
      'the edit after the restart',
      60_000,
    );
    await stored(a, 60_000);
    expect(await storedIds(planId)).toContain('during-outage');
  });

  it('[CL8] a member revoked through one node is closed on another', async () => {
    const { planId, tokens } = await planFor(2);
    const client = connect(wsUrl(nodes[2]!.port), planId, tokens[1]!);
    clients.push(client);
    await synced(client);
    const members = await store.listMembers(planId);
    const closed = closedByServer(client);
    await store.revokeMember(planId, members[1]!.id, Date.now());
    expect((await closed).code).toBe(4403);
  });
  it('[CL9] presence set on one node is seen on another, and leaves with its client', async () => {
    const { planId, tokens } = await planFor(2);
    const [a, b] = tokens.map((token, i) => connect(wsUrl(nodes[i + 1]!.port), planId, token)) as [
      Client,
      Client,
    ];
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const seesA = () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Aýna';
    const changed = () =>
      new Promise<void>((resolve) => b.provider.awareness.once('change', () => resolve()));
    let change = changed();
    a.provider.awareness.setLocalStateField('user', { name: 'Aýna' });
    while (!seesA()) {
      await withTimeout(change, 20_000, 'presence from the other node');
      change = changed();
    }
    a.destroy();
    while (b.provider.awareness.getStates().has(a.doc.clientID)) {
      await withTimeout(change, 20_000, 'presence removed on the other node');
      change = changed();
    }
  });

  it("[CL11] a dead node's presence expires on the other nodes within 30 s", async () => {
    const { planId, tokens } = await planFor(2);
    const victim = nodes[2]!;
    const [a, b] = [
      connect(wsUrl(victim.port), planId, tokens[0]!),
      connect(wsUrl(nodes[1]!.port), planId, tokens[1]!),
    ] as [Client, Client];
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const seesA = () => b.provider.awareness.getStates().has(a.doc.clientID);
    a.provider.awareness.setLocalStateField('user', { name: 'Aýna' });
    await withTimeout(
      new Promise<void>((resolve) => {
        const check = () => seesA() && (b.provider.awareness.off('change', check), resolve());
        b.provider.awareness.on('change', check);
        check();
      }),
      20_000,
      'presence from the other node',
    );
    // a's client stays open (its node is gone, so it cannot say goodbye): only expiry removes it
    victim.child.kill('SIGKILL');
    await exited(victim.child);
    await withTimeout(
      new Promise<void>((resolve) => {
        const check = () => !seesA() && (b.provider.awareness.off('change', check), resolve());
        b.provider.awareness.on('change', check);
        check();
      }),
      45_000,
      "the dead node's presence to expire",
    );
    a.destroy();
    victim.child = await startNode(nodeOptions(victim.port));
  }, 120_000);
});
