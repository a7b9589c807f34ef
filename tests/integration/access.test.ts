import { afterEach, describe, expect, it } from 'vitest';
import { readAuthMessage } from 'y-protocols/auth';
import { CLOSE } from '../../server/sync/closeCodes';
import { createInvite } from '../../server/identity/members';
import { MESSAGE } from '../../server/sync/protocol';
import {
  addAction,
  closedByServer,
  connect,
  planWith,
  startServer,
  stored,
  synced,
  titles,
  until,
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
const track = (client: Client) => (clients.push(client), client);

async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('roles and access', () => {
  it("[S6] a viewer's edits never reach the server or other clients, and the viewer is told", async () => {
    server = await startServer();
    const plan = await planWith(server, ['editor', 'viewer']);
    const editor = track(connect(server, plan.planId, plan.tokens[0] ?? '', { acks: true }));
    const viewer = track(connect(server, plan.planId, plan.tokens[1] ?? ''));
    const denied: string[] = [];
    viewer.provider.messageHandlers[MESSAGE.auth] = (_encoder, decoder) =>
      readAuthMessage(decoder, viewer.doc, (_doc, reason) => denied.push(reason));
    await Promise.all([synced(editor), synced(viewer)]);
    addAction(viewer.doc, 'v1', 'viewer edit');
    addAction(editor.doc, 'e1', 'editor edit');
    await stored(editor);
    await until(
      [viewer.doc],
      () => titles(viewer.doc).includes('editor edit'),
      'editor edit at viewer',
    );
    await withTimeout(
      new Promise<void>((resolve) => {
        const check = () => (denied.length > 0 ? resolve() : setImmediate(check));
        check();
      }),
      10_000,
      'permission denied',
    );
    expect(denied[0]).toMatch(/viewers cannot edit/);
    expect(titles(editor.doc)).toEqual(['editor edit']);
    // a newcomer sees only what the server has: no viewer edit
    const later = track(connect(server, plan.planId, plan.tokens[0] ?? ''));
    await synced(later);
    expect(titles(later.doc)).toEqual(['editor edit']);
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/accord_rejected_messages_total\{reason="viewer_edit"\} [1-9]/);
  });

  it('[S7] a bad token is refused with a clear close code and the client stops retrying', async () => {
    server = await startServer();
    const plan = await planWith(server, ['editor']);
    const stranger = track(connect(server, plan.planId, 'not-a-token'));
    expect(await closedByServer(stranger)).toEqual({
      code: CLOSE.unauthorized,
      reason: 'invalid token',
    });
    // a member of one plan cannot open another
    const other = await planWith(server, ['editor']);
    const wrongPlan = track(connect(server, other.planId, plan.tokens[0] ?? ''));
    expect((await closedByServer(wrongPlan)).code).toBe(CLOSE.unauthorized);
    const noToken = await fetch(`${server.httpUrl}/api/plans/${plan.planId}`);
    expect(noToken.status).toBe(401);
  });

  it('[S8] expired, revoked, used-up and unknown invites are refused with clear errors', async () => {
    server = await startServer();
    const store = server.server.store;
    const plan = await planWith(server, ['owner']);
    const base = { role: 'editor' as const, label: '', createdBy: null };
    const expired = await createInvite(store, plan.planId, {
      ...base,
      maxUses: null,
      expiresAt: Date.now() - 1,
    });
    const single = await createInvite(store, plan.planId, { ...base, maxUses: 1, expiresAt: null });
    const person = { name: 'Aman', organisation: 'Ministry of Labour' };
    const joinUrl = `${server.httpUrl}/api/join`;
    const expiredResult = await post(joinUrl, { code: expired.code, ...person });
    expect(expiredResult).toMatchObject({ status: 410, body: { error: 'invite_expired' } });
    expect(String(expiredResult.body.message)).toMatch(/expired/);
    expect((await post(joinUrl, { code: single.code, ...person })).status).toBe(201);
    expect(await post(joinUrl, { code: single.code, ...person })).toMatchObject({
      status: 410,
      body: { error: 'invite_usedUp' },
    });
    expect((await post(joinUrl, { code: 'guess', ...person })).status).toBe(404);
    expect((await post(joinUrl, { code: single.code })).status).toBe(400);
    // the owner revokes a multi-use invite through the API
    const created = await post(
      `${server.httpUrl}/api/plans/${plan.planId}/invites`,
      { role: 'viewer', label: 'donors' },
      plan.tokens[0],
    );
    expect(created.status).toBe(201);
    const invite = created.body.invite as { id: string };
    const revoke = await fetch(`${server.httpUrl}/api/plans/${plan.planId}/invites/${invite.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${plan.tokens[0]}` },
    });
    expect(revoke.status).toBe(200);
    expect(await post(joinUrl, { code: created.body.code, ...person })).toMatchObject({
      status: 403,
      body: { error: 'invite_revoked' },
    });
  });

  it('[S9] revoking a member closes their open socket at once and refuses them afterwards', async () => {
    server = await startServer();
    const plan = await planWith(server, ['owner', 'editor', 'editor']);
    const member = track(connect(server, plan.planId, plan.tokens[1] ?? ''));
    await synced(member);
    const closed = closedByServer(member);
    const response = await fetch(
      `${server.httpUrl}/api/plans/${plan.planId}/members/${plan.memberIds[1]}`,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${plan.tokens[0]}` },
      },
    );
    expect(response.status).toBe(200);
    expect(await closed).toEqual({ code: CLOSE.forbidden, reason: 'membership revoked' });
    const again = track(connect(server, plan.planId, plan.tokens[1] ?? ''));
    expect((await closedByServer(again)).code).toBe(CLOSE.forbidden);
    const api = await fetch(`${server.httpUrl}/api/plans/${plan.planId}`, {
      headers: { authorization: `Bearer ${plan.tokens[1]}` },
    });
    expect(api.status).toBe(403);
    // revoked in the database by another process (the admin CLI): noticed by the poll
    const other = track(connect(server, plan.planId, plan.tokens[2] ?? ''));
    await synced(other);
    const otherClosed = closedByServer(other);
    await server.server.store.revokeMember(plan.planId, plan.memberIds[2] ?? '', Date.now());
    expect((await otherClosed).code).toBe(CLOSE.forbidden);
  });
});

describe('stored acknowledgement frame', () => {
  it('[S10] is only sent to clients that ask, so stock providers never see it', async () => {
    server = await startServer();
    const plan = await planWith(server, ['editor', 'editor']);
    const stock = track(connect(server, plan.planId, plan.tokens[0] ?? ''));
    const seen: number[] = [];
    const original = stock.provider.messageHandlers.slice();
    stock.provider.messageHandlers.length = 0;
    original.forEach((handler, type) => {
      stock.provider.messageHandlers[type] = (
        encoder,
        decoder,
        provider,
        emitSynced,
        messageType,
      ) => {
        seen.push(messageType);
        handler(encoder, decoder, provider, emitSynced, messageType);
      };
    });
    const acked = track(connect(server, plan.planId, plan.tokens[1] ?? '', { acks: true }));
    await Promise.all([synced(stock), synced(acked)]);
    addAction(stock.doc, 's1', 'from stock');
    addAction(acked.doc, 'a1', 'from acked');
    await stored(acked);
    await until([stock.doc], () => titles(stock.doc).length === 2, 'both edits');
    expect(seen.every((type) => type !== MESSAGE.stored)).toBe(true);
  });
});
