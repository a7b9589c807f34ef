import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  connect,
  planWith,
  startServer,
  stored,
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
const track = (client: Client) => (clients.push(client), client);

describe('persistence and catch-up', () => {
  it('[S2] a client offline for a long stretch of edits merges on reconnect', async () => {
    server = await startServer();
    const plan = await planWith(server, ['editor', 'editor']);
    const online = track(connect(server, plan.planId, plan.tokens[0] ?? ''));
    const traveller = track(connect(server, plan.planId, plan.tokens[1] ?? ''));
    await Promise.all([synced(online), synced(traveller)]);
    traveller.provider.disconnect();
    for (let i = 0; i < 300; i++) addAction(online.doc, `on-${i}`, `online ${i}`);
    for (let i = 0; i < 50; i++) addAction(traveller.doc, `off-${i}`, `offline ${i}`);
    traveller.provider.connect();
    await until(
      [online.doc, traveller.doc],
      () => titles(online.doc).length === 350 && titles(traveller.doc).length === 350,
      'merge after reconnect',
    );
    expect(titles(online.doc)).toEqual(titles(traveller.doc));
  });

  it('[S3] a new client receives the full plan', async () => {
    server = await startServer();
    const plan = await planWith(server, ['editor', 'viewer']);
    const author = track(connect(server, plan.planId, plan.tokens[0] ?? ''));
    await synced(author);
    for (let i = 0; i < 100; i++) addAction(author.doc, `a${i}`, `action ${i}`);
    // a viewer joining later gets everything (from the server: the author may be gone)
    author.provider.disconnect();
    const newcomer = track(connect(server, plan.planId, plan.tokens[1] ?? ''));
    await until([newcomer.doc], () => titles(newcomer.doc).length === 100, 'full plan');
    expect(titles(newcomer.doc)).toEqual(titles(author.doc));
  });

  it('[S4] a restart loses nothing, across compaction and checkpoints', async () => {
    server = await startServer({ compactEveryUpdates: 10, checkpointEveryMs: 0 });
    const plan = await planWith(server, ['editor']);
    const token = plan.tokens[0] ?? '';
    const author = track(connect(server, plan.planId, token, { acks: true }));
    await synced(author);
    for (let i = 0; i < 40; i++) addAction(author.doc, `a${i}`, `action ${i}`);
    await stored(author);
    const expected = titles(author.doc);
    author.destroy();
    clients.length = 0;
    server = await server.restart();
    const store = server.server.store;
    // the log was compacted in the background and checkpoints were kept
    const inStore = await store.loadDocument(plan.planId);
    expect(inStore.stateSeq).toBeGreaterThan(0);
    expect((await store.listCheckpoints(plan.planId)).length).toBeGreaterThan(0);
    const reader = track(connect(server, plan.planId, token));
    await until([reader.doc], () => titles(reader.doc).length === 40, 'plan after restart');
    expect(titles(reader.doc)).toEqual(expected);
    // a dated checkpoint can be read back through the API as the plan at that time
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const base = `${server.httpUrl}/api/plans/${plan.planId}/checkpoints`;
    const listed = (await (await fetch(base, auth)).json()) as {
      checkpoints: { id: number; at: string }[];
    };
    const newest = listed.checkpoints[0];
    expect(Date.parse(newest?.at ?? '')).toBeGreaterThan(0);
    const bytes = new Uint8Array(await (await fetch(`${base}/${newest?.id}`, auth)).arrayBuffer());
    const atCheckpoint = new Y.Doc();
    Y.applyUpdate(atCheckpoint, bytes);
    expect(titles(atCheckpoint).length).toBeGreaterThan(0);
    expect((await fetch(`${base}/999999`, auth)).status).toBe(404);
  });

  it('[S5] a client that asks for acknowledgements learns when its edits are stored', async () => {
    server = await startServer();
    const plan = await planWith(server, ['editor']);
    const client = track(connect(server, plan.planId, plan.tokens[0] ?? '', { acks: true }));
    await synced(client);
    addAction(client.doc, 'a1', 'stored action');
    await stored(client);
    // what was acknowledged is in the database
    const inStore = await server.server.store.loadDocument(plan.planId);
    const copy = new Y.Doc();
    for (const { update } of inStore.updates) Y.applyUpdate(copy, update);
    expect(titles(copy)).toEqual(['stored action']);
  });
});
