import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type * as Y from 'yjs';
import { HistoryResponse } from '../../shared/contracts/api';
import {
  addAction,
  connect,
  metricValue,
  metricsText,
  planWith,
  startServer,
  stored,
  synced,
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

async function get(url: string, token?: string) {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    body: (type.includes('json') ? await response.json() : await response.text()) as Record<
      string,
      unknown
    >,
  };
}

describe('HTTP API', () => {
  it('[S13] history says which member touched which actions and fields, and when', async () => {
    server = await startServer();
    const plan = await planWith(server, ['owner', 'editor']);
    const editor = connect(server, plan.planId, plan.tokens[1] ?? '', { acks: true });
    clients.push(editor);
    await synced(editor);
    addAction(editor.doc, 'a1', 'Inspect recruitment agencies');
    await stored(editor);
    const action = editor.doc.getMap<Y.Map<unknown>>('actions').get('a1');
    editor.doc.transact(() => {
      action?.set('status', 'in_progress');
      (action?.get('title') as Y.Text).insert(0, 'Jointly ');
    });
    editor.doc.getMap('meta').set('country', 'TM');
    await stored(editor);
    const history = await get(`${server.httpUrl}/api/plans/${plan.planId}/history`, plan.tokens[0]);
    expect(history.status).toBe(200);
    const entries = history.body.entries as {
      member: { name: string };
      actions: Record<string, string[]>;
      parts: string[];
      at: string;
    }[];
    const touched = entries.map((e) => [e.member.name, e.actions, e.parts]);
    expect(touched).toEqual([
      ['Member 1', {}, ['meta']],
      ['Member 1', { a1: ['status', 'title'] }, ['actions']],
      ['Member 1', { a1: ['*'] }, ['actions']],
    ]);
    expect(Date.parse(entries[0]?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('[S13] typing a title one keystroke at a time is one history entry per member, kept across a restart', async () => {
    server = await startServer();
    const plan = await planWith(server, ['owner', 'editor', 'editor']);
    const [first, second] = [1, 2].map((i) => {
      const client = connect(server as TestServer, plan.planId, plan.tokens[i] ?? '', {
        acks: true,
      });
      clients.push(client);
      return client;
    }) as [Client, Client];
    await Promise.all([synced(first), synced(second)]);
    addAction(first.doc, 'a1', '');
    addAction(second.doc, 'a2', '');
    await Promise.all([stored(first), stored(second)]);
    const title = (client: Client, id: string) =>
      client.doc.getMap<Y.Map<unknown>>('actions').get(id)?.get('title') as Y.Text;
    const typed = 'Inspect recruitment agencies in Ashgabat';
    expect(typed).toHaveLength(40);
    for (const [i, letter] of [...typed].entries()) {
      // one update per keystroke, as the editor sends them; both members type at once
      title(first, 'a1').insert(i, letter);
      title(second, 'a2').insert(i, letter);
      if (i % 8 === 7) await Promise.all([stored(first), stored(second)]);
    }
    await Promise.all([stored(first), stored(second)]);
    first.doc.getMap<Y.Map<unknown>>('actions').get('a1')?.set('status', 'in_progress');
    await stored(first);

    type Entry = {
      seq: number;
      lastSeq: number;
      at: string;
      lastAt: string;
      updates: number;
      member: { name: string };
      actions: Record<string, string[]>;
    };
    const history = async (at: TestServer) =>
      (await get(`${at.httpUrl}/api/plans/${plan.planId}/history`, plan.tokens[0])).body
        .entries as Entry[];
    const entries = await history(server);
    expect(HistoryResponse.safeParse({ entries }).success).toBe(true); // the renderer's contract
    const summary = entries.map((e) => [e.member.name, e.actions, e.updates]);
    expect(summary).toHaveLength(5);
    expect(summary[0]).toEqual(['Member 1', { a1: ['status'] }, 1]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['Member 1', { a1: ['*'] }, 1],
        ['Member 2', { a2: ['*'] }, 1],
        ['Member 1', { a1: ['title'] }, 40],
        ['Member 2', { a2: ['title'] }, 40],
      ]),
    );
    for (const entry of entries) {
      expect(entry.lastSeq - entry.seq).toBeGreaterThanOrEqual(entry.updates - 1);
      expect(Date.parse(entry.lastAt)).toBeGreaterThanOrEqual(Date.parse(entry.at));
    }
    const typing = entries.filter((e) => e.updates === 40);
    // the two members' keystrokes interleaved in the log, yet each kept one entry
    expect(typing[0]?.seq).toBeLessThan(typing[1]?.lastSeq ?? 0);
    expect(typing[1]?.seq).toBeLessThan(typing[0]?.lastSeq ?? 0);

    for (const client of clients.splice(0)) client.destroy();
    server = await server.restart();
    expect(await history(server)).toEqual(entries);
  });

  it('plan info with my role, members, owner-only invites, health and metrics', async () => {
    server = await startServer();
    const plan = await planWith(server, ['owner', 'editor']);
    const base = `${server.httpUrl}/api/plans/${plan.planId}`;
    const [owner, editor] = plan.tokens;
    expect(await get(base, editor)).toMatchObject({
      status: 200,
      body: { me: { role: 'editor', name: 'Member 1' }, syncPath: `/sync/${plan.planId}` },
    });
    const members = await get(`${base}/members`, editor);
    expect((members.body.members as unknown[]).length).toBe(2);
    expect((await get(`${base}/invites`, editor)).status).toBe(403);
    expect((await get(`${base}/invites`, owner)).status).toBe(200);
    expect(await get(`${server.httpUrl}/healthz`)).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    const metrics = await get(`${server.httpUrl}/metrics`);
    expect(String(metrics.body)).toMatch(/^# HELP accord_connections/m);
    expect(String(metrics.body)).toMatch(/accord_store_latency_seconds_bucket/);
    const page = await get(`${server.httpUrl}/`);
    expect(String(page.body)).toMatch(/not built yet/);
  });
});

describe('admission', () => {
  it('[S16] a reconnect storm beyond the admission rate is told to retry, and everyone gets in', async () => {
    server = await startServer({ admissionsPerSecond: 20, admissionBurst: 5 });
    const plan = await planWith(
      server,
      Array.from({ length: 15 }, () => 'editor' as const),
    );
    const s = server;
    clients.push(...plan.tokens.map((token) => connect(s, plan.planId, token)));
    await Promise.all(clients.map((c) => synced(c, 30_000)));
    const metrics = await metricsText(server);
    expect(metricValue(metrics, 'accord_connections_refused_total{reason="busy"}')).toBeGreaterThan(
      0,
    );
    expect(metricValue(metrics, 'accord_connections')).toBe(15);
  });

  it('[S16] connections beyond the per-address limit are refused before the upgrade', async () => {
    server = await startServer({ maxConnectionsPerAddress: 2 });
    const plan = await planWith(server, ['editor', 'editor', 'editor']);
    const s = server;
    const open = await Promise.all(
      plan.tokens.slice(0, 2).map((token) => {
        const client = connect(s, plan.planId, token);
        clients.push(client);
        return synced(client);
      }),
    );
    expect(open).toHaveLength(2);
    const status = await withTimeout(
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${s.wsUrl}/${plan.planId}?token=${plan.tokens[2]}`);
        ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        ws.on('error', () => undefined);
      }),
      10_000,
      'refusal',
    );
    expect(status).toBe(429);
  });
});

describe('plan capacity', () => {
  it('[S16] connections beyond the per-plan limit are told to retry later', async () => {
    server = await startServer({ maxConnectionsPerPlan: 2 });
    const plan = await planWith(server, ['editor', 'editor', 'editor']);
    const s = server;
    for (const token of plan.tokens.slice(0, 2)) {
      const client = connect(s, plan.planId, token);
      clients.push(client);
      await synced(client);
    }
    const status = await withTimeout(
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${s.wsUrl}/${plan.planId}?token=${plan.tokens[2]}`);
        ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        ws.on('error', () => undefined);
      }),
      10_000,
      'refusal',
    );
    expect(status).toBe(503);
    const metrics = await metricsText(server);
    expect(metricValue(metrics, 'accord_connections_refused_total{reason="plan_full"}')).toBe(1);
  });
});

describe('auth timeout', () => {
  it('[S16] a client that never finishes its upgrade request is dropped after the auth timeout', async () => {
    server = await startServer({ authTimeoutMs: 300 });
    const { connect: connectTcp } = await import('node:net');
    const url = new URL(server.httpUrl);
    const started = performance.now();
    const closedAfter = await withTimeout(
      new Promise<number>((resolve) => {
        const socket = connectTcp(Number(url.port), url.hostname, () => {
          // headers begun but never finished: no token ever arrives
          socket.write(
            'GET /sync/p1?token=slow HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n',
          );
        });
        socket.on('error', () => undefined);
        socket.resume(); // read the server's answer (408), so the close is seen
        socket.on('close', () => resolve(performance.now() - started));
      }),
      10_000,
      'the server to drop the slow client',
    );
    expect(closedAfter).toBeGreaterThanOrEqual(250);
  });
});
