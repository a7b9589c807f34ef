// Joining a plan larger than one frame (server/sync/stateHandover.ts, [S22]): a real server with a
// small frame limit, real y-websocket providers that refuse any larger frame.
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

/** Small enough that a few hundred actions pass it, so the test stays quick. */
const FRAME_LIMIT = 32 * 1024;

let server: TestServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

/** A client that refuses frames over the limit and records every close it sees. */
function joiner(plan: { planId: string; tokens: string[] }) {
  const client = connect(server!, plan.planId, plan.tokens[1]!, { maxPayload: FRAME_LIMIT });
  clients.push(client);
  const closes: number[] = [];
  client.provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return { client, closes };
}

describe('state handover', () => {
  it('[S22] a plan larger than one frame reaches joiners whole, before and after edits', async () => {
    server = await startServer({ maxMessageBytes: FRAME_LIMIT, messagesPerSecond: 10_000 });
    const plan = await planWith(server, ['owner', 'editor']);
    const writer = connect(server, plan.planId, plan.tokens[0]!, { acks: true });
    clients.push(writer);
    await synced(writer);
    // one small update each, as a live workshop writes them: every frame fits, the plan does not
    for (let i = 0; i < 200; i++)
      addAction(writer.doc, `a${i}`, `Action ${i}: ${'text '.repeat(100)}`);
    await stored(writer);
    expect(Y.encodeStateAsUpdate(writer.doc).length).toBeGreaterThan(3 * FRAME_LIMIT);

    const first = joiner(plan);
    await synced(first.client);
    expect(titles(first.client.doc)).toEqual(titles(writer.doc));
    expect(first.closes).toEqual([]);

    // edits after the state was handed over once: later joiners get them too
    for (let i = 200; i < 220; i++) addAction(writer.doc, `a${i}`, `Action ${i}`);
    writer.doc.transact(() => writer.doc.getMap('actions').delete('a3'), 'test');
    await stored(writer);
    await until([first.client.doc], () => titles(first.client.doc).length === 219, 'edits relayed');
    first.client.provider.disconnect();
    for (let i = 220; i < 230; i++) addAction(writer.doc, `a${i}`, `Action ${i}`);
    await stored(writer);

    const fresh = joiner(plan);
    first.client.provider.connect();
    await Promise.all([synced(fresh.client), synced(first.client)]);
    await until([first.client.doc], () => titles(first.client.doc).length === 229, 'catch-up');
    expect(titles(fresh.client.doc)).toEqual(titles(writer.doc));
    expect(titles(first.client.doc)).toEqual(titles(writer.doc));
    expect(titles(writer.doc)).toHaveLength(229);
    // no frame was too large (1009) or refused: neither joiner was closed by the server
    expect([...fresh.closes, ...first.closes]).toEqual([]);
  });
});
