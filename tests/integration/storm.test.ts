import { afterEach, describe, expect, it } from 'vitest';
import {
  addAction,
  connect,
  metricValue,
  metricsText,
  planWith,
  startServer,
  synced,
  titles,
  until,
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

const CLIENTS = 300;

describe('reconnect storm', () => {
  it('[S16] after a restart, 300 clients reconnecting at once are all admitted and keep editing', async () => {
    // admission far below the storm's size, so part of it is told to retry and comes back later
    // even when a loaded machine spreads the 300 reconnects over a few seconds
    const limits = { admissionsPerSecond: 60, admissionBurst: 30 };
    server = await startServer(limits);
    const plan = await planWith(
      server,
      Array.from({ length: CLIENTS }, () => 'editor' as const),
    );
    const s = server;
    clients.push(...plan.tokens.map((token) => connect(s, plan.planId, token)));
    await Promise.all(clients.map((c) => synced(c, 60_000)));
    const first = clients[0];
    if (!first) throw new Error('no clients');
    addAction(first.doc, 'before', 'before the restart');

    // restart on the same port and data: every provider reconnects at the same moments
    const lost = clients.map(
      (c) => new Promise<void>((resolve) => c.provider.once('connection-close', () => resolve())),
    );
    await until(
      [clients[CLIENTS - 1]?.doc ?? first.doc],
      () => titles(clients[CLIENTS - 1]?.doc ?? first.doc).length === 1,
      'edit everywhere',
    );
    server = await server.restart();
    await Promise.all(lost);
    await Promise.all(clients.map((c) => synced(c, 60_000)));

    const metrics = await metricsText(server);
    expect(metricValue(metrics, 'accord_connections')).toBe(CLIENTS);
    expect(metricValue(metrics, 'accord_connections_refused_total{reason="busy"}')).toBeGreaterThan(
      0,
    );
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);

    const last = clients[CLIENTS - 1] ?? first;
    addAction(last.doc, 'after', 'after the restart');
    await until(
      clients.map((c) => c.doc),
      () => clients.every((c) => titles(c.doc).length === 2),
      'edits after the storm',
      60_000,
    );
  });
});
