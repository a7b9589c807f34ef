// Hosting a workshop: the embedded sync server started from the open plan, joined by a
// stock y-websocket client with the workshop's invite, stopped cleanly. Servers listen on
// 127.0.0.1 and free ports only; the LAN addresses are a fixed table, so the test never depends
// on this machine's networks.
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../../server/ops/log';
import type { PlanPersistence } from '../../shared/contracts/persistence';
import type { WorkshopStarted } from '../../shared/contracts/ipc';
import {
  createWorkshopController,
  type WorkshopController,
} from '../../main/workshop/workshopController';
import {
  addAction,
  connect,
  stored,
  synced,
  titles,
  until,
  withTimeout,
  type Client,
} from './harness';

const PLAN = '3f1c2a9e-0b7d-4e38-9a51-6f0d2c4b8e11';
const HOST = {
  planId: PLAN,
  title: 'Decent work 2026',
  hostName: 'Aýna Orazowa',
  hostOrganisation: 'Ministry of Labour',
};
/** What os.networkInterfaces() might say on a host's laptop: Wi-Fi plus a Docker bridge. */
const INTERFACES = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4' as const,
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '127.0.0.1/8',
    },
  ],
  docker0: [
    {
      address: '172.17.0.1',
      netmask: '255.255.0.0',
      family: 'IPv4' as const,
      mac: '02:42:00:00:00:01',
      internal: false,
      cidr: '172.17.0.1/16',
    },
  ],
  wlan0: [
    {
      address: '192.168.1.23',
      netmask: '255.255.255.0',
      family: 'IPv4' as const,
      mac: '3c:22:fb:00:00:02',
      internal: false,
      cidr: '192.168.1.23/24',
    },
  ],
};

/** The host's local store, holding one plan. */
function localStore(doc: Y.Doc): PlanPersistence {
  return {
    list: async () => [],
    load: async (planId) => (planId === PLAN ? Y.encodeStateAsUpdate(doc) : null),
    append: async () => undefined,
    describe: async () => undefined,
    remove: async () => undefined,
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function hostWorkshop(doc: Y.Doc, dataDir: string, port = 0): WorkshopController {
  const webRoot = join(dataDir, 'web');
  mkdirSync(webRoot, { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Accord</title>');
  const controller = createWorkshopController({
    store: localStore(doc),
    dataDir: join(dataDir, 'server'),
    webRoot,
    interfaces: () => INTERFACES,
    log: silentLogger,
    listenAddress: '127.0.0.1',
    port,
  });
  cleanups.push(() => controller.stop());
  return controller;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-workshop-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(client: Client): Client {
  cleanups.push(() => client.destroy());
  return client;
}

async function joinWorkshop(serverUrl: string, code: string, name: string, organisation: string) {
  const response = await fetch(`${serverUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name, organisation }),
  });
  return { status: response.status, body: (await response.json()) as { token?: string } };
}

const wsUrl = (started: WorkshopStarted) => ({ wsUrl: `${started.host.serverUrl}/sync` });

describe('hosting a workshop', () => {
  it('a participant joins with the invite over the network, receives the plan, and is listed; stop closes it', async () => {
    const plan = new Y.Doc();
    addAction(plan, 'a1', 'Train labour inspectors');
    addAction(plan, 'a2', 'Publish the child labour survey');
    const controller = hostWorkshop(plan, tempDir());

    const started = await controller.start(HOST);
    const port = Number(new URL(started.host.serverUrl).port);
    // A link per LAN address, the Wi-Fi first; the host's app uses the loopback.
    expect(started.status.links.map((link) => link.joinUrl)).toEqual([
      `http://192.168.1.23:${port}/#/join?plan=${PLAN}&code=${started.status.inviteCode}`,
      `http://172.17.0.1:${port}/#/join?plan=${PLAN}&code=${started.status.inviteCode}`,
    ]);
    expect(started.status.links[0]?.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(started.host.serverUrl).toBe(`http://127.0.0.1:${port}`);
    expect(started.status.participants).toEqual([]);

    // Participants' browsers get the web app from the same server.
    const page = await fetch(`${started.host.serverUrl}/`);
    expect(page.status).toBe(200);

    const joined = await joinWorkshop(
      started.host.serverUrl,
      started.status.inviteCode,
      'Merdan',
      'Chamber of Commerce',
    );
    expect(joined.status).toBe(201);
    const participant = track(connect(wsUrl(started), PLAN, joined.body.token ?? ''));
    await synced(participant);
    expect(titles(participant.doc)).toEqual([
      'Publish the child labour survey',
      'Train labour inspectors',
    ]);

    // The host's own app syncs like any member, as the owner.
    const hostApp = track(connect(wsUrl(started), PLAN, started.host.token, { doc: plan }));
    await synced(hostApp);
    addAction(participant.doc, 'a3', 'Hotline for migrant workers');
    await until([plan], () => titles(plan).includes('Hotline for migrant workers'), 'edit at host');

    const status = await controller.status();
    expect(status?.participants.map((p) => [p.name, p.organisation])).toEqual([
      ['Merdan', 'Chamber of Commerce'],
    ]);

    const disconnected = new Promise<void>((resolve) =>
      participant.provider.on('status', ({ status: state }: { status: string }) => {
        if (state === 'disconnected') resolve();
      }),
    );
    await controller.stop();
    await withTimeout(disconnected, 10_000, 'participant disconnected');
    expect(await controller.status()).toBeNull();
    await expect(fetch(`${started.host.serverUrl}/healthz`)).rejects.toThrow();
  });

  it('hosting again keeps the plan and its members, and the old invite no longer admits anyone', async () => {
    const plan = new Y.Doc();
    addAction(plan, 'a1', 'Train labour inspectors');
    const dir = tempDir();
    const firstWorkshop = hostWorkshop(plan, dir);
    const first = await firstWorkshop.start(HOST);
    const joined = await joinWorkshop(
      first.host.serverUrl,
      first.status.inviteCode,
      'Merdan',
      'ILO',
    );
    expect(joined.status).toBe(201);
    const participant = track(connect(wsUrl(first), PLAN, joined.body.token ?? '', { acks: true }));
    await synced(participant);
    addAction(participant.doc, 'a2', 'Added by a participant');
    await stored(participant);
    await firstWorkshop.stop();

    const controller = hostWorkshop(plan, dir);
    addAction(plan, 'a3', 'Written offline by the host between workshops');
    // The host's app kept its token from the first workshop: the host stays one member.
    const second = await controller.start({ ...HOST, hostToken: first.host.token });
    expect(second.host.memberId).toBe(first.host.memberId);
    const refused = await joinWorkshop(
      second.host.serverUrl,
      first.status.inviteCode,
      'Late',
      'Nobody',
    );
    expect(refused.status).toBe(403);
    const again = await joinWorkshop(
      second.host.serverUrl,
      second.status.inviteCode,
      'Maral',
      'UNDP',
    );
    const newcomer = track(connect(wsUrl(second), PLAN, again.body.token ?? ''));
    await synced(newcomer);
    expect(titles(newcomer.doc)).toEqual([
      'Added by a participant',
      'Train labour inspectors',
      'Written offline by the host between workshops',
    ]);
    // Only this workshop's participants are listed.
    expect((await controller.status())?.participants.map((p) => p.name)).toEqual(['Maral']);
  });

  it('starting twice for the same plan gives the running workshop', async () => {
    const controller = hostWorkshop(new Y.Doc(), tempDir());
    const [a, b] = await Promise.all([controller.start(HOST), controller.start(HOST)]);
    expect(b.host.serverUrl).toBe(a.host.serverUrl);
    expect(b.status.inviteCode).toBe(a.status.inviteCode);
  });

  it('takes a free port when the configured one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const taken = (blocker.address() as { port: number }).port;
    const started = await hostWorkshop(new Y.Doc(), tempDir(), taken).start(HOST);
    const port = Number(new URL(started.host.serverUrl).port);
    expect(port).not.toBe(taken);
    expect(port).toBeGreaterThan(0);
  });
});

describe('the host membership', () => {
  it('a token that is not an owner of this plan gets the host a new membership, not its rights', async () => {
    const controller = hostWorkshop(new Y.Doc(), tempDir());
    const started = await controller.start({ ...HOST, hostToken: 'not-a-real-token' });
    expect(started.host.token).not.toBe('not-a-real-token');
    const me = await fetch(`${started.host.serverUrl}/api/plans/${PLAN}`, {
      headers: { authorization: `Bearer ${started.host.token}` },
    });
    expect(((await me.json()) as { me: { role: string } }).me.role).toBe('owner');
  });
});
