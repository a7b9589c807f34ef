import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  connect,
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

describe('convergence', () => {
  it('[S1] ten clients co-editing one plan converge', async () => {
    server = await startServer();
    const plan = await planWith(
      server,
      Array.from({ length: 10 }, () => 'editor' as const),
    );
    const s = server;
    clients.push(...plan.tokens.map((token) => connect(s, plan.planId, token)));
    await Promise.all(clients.map((c) => synced(c)));
    clients.forEach((c, i) => {
      for (let n = 0; n < 5; n++) addAction(c.doc, `a-${i}-${n}`, `action ${i}.${n}`);
    });
    // concurrent edits of the same text
    const shared = clients[0];
    if (!shared) throw new Error('no client');
    await until(
      clients.map((c) => c.doc),
      () => clients.every((c) => titles(c.doc).length === 50),
      'all actions',
    ).catch((error: Error) => {
      // seen once in a full run under load: say which client lacked what, to find out why
      const state = clients.map(
        (c, i) =>
          `client ${i}: ${titles(c.doc).length} actions, ${c.provider.wsconnected ? 'connected' : 'not connected'}`,
      );
      throw new Error(`${error.message} (${state.join('; ')})`);
    });
    clients.forEach((c, i) => {
      const title = c.doc.getMap<Y.Map<unknown>>('actions').get('a-0-0')?.get('title') as Y.Text;
      title.insert(0, `[${i}]`);
    });
    const titleOf = (c: Client) =>
      String(c.doc.getMap<Y.Map<unknown>>('actions').get('a-0-0')?.get('title'));
    await until(
      clients.map((c) => c.doc),
      () =>
        clients.every((c) => titleOf(c) === titleOf(shared)) &&
        clients.every((_, i) => titleOf(shared).includes(`[${i}]`)),
      'convergence',
    );
    const first = Y.encodeStateVector(clients[0]?.doc ?? new Y.Doc());
    for (const c of clients) expect(Y.encodeStateVector(c.doc)).toEqual(first);
  });
});
