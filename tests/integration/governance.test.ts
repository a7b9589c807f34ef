// Governing a plan with real y-websocket clients: an owner re-roles a connected editor, and the
// server holds the two rules inside the document that carry authority (SPEC.md [S24], [S25]).
import { afterEach, describe, expect, it } from 'vitest';
import { readAuthMessage } from 'y-protocols/auth';
import * as actions from '../../shared/plan/actions';
import * as organisations from '../../shared/plan/organisations';
import { openPlan } from '../../shared/plan/plan';
import { PlanSnapshotter } from '../../shared/plan/snapshot';
import { TestPlan } from '../../shared/plan/testing';
import { CLOSE } from '../../server/sync/closeCodes';
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

async function call(method: string, url: string, token: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The plan as a newcomer syncing from the server sees it (what the server stored). */
async function asStored(planId: string, token: string) {
  const reader = track(connect(server!, planId, token));
  await synced(reader);
  return reader.doc;
}

describe('[S24] role changes', () => {
  it('a connected editor made viewer is reconnected as a viewer; their next update is refused and not stored', async () => {
    server = await startServer();
    const plan = await planWith(server, ['owner', 'editor']);
    const [ownerToken, editorToken] = plan.tokens as [string, string];
    const editor = track(connect(server, plan.planId, editorToken, { acks: true }));
    let told: (reason: string) => void = () => undefined;
    const denied = new Promise<string>((resolve) => (told = resolve));
    editor.provider.messageHandlers[MESSAGE.auth] = (_encoder, decoder) =>
      readAuthMessage(decoder, editor.doc, (_doc, reason) => told(reason));
    await synced(editor);
    addAction(editor.doc, 'a1', 'while editor');
    await stored(editor);

    const closed = closedByServer(editor);
    const changed = await call(
      'PATCH',
      `${server.httpUrl}/api/plans/${plan.planId}/members/${plan.memberIds[1]}`,
      ownerToken,
      { role: 'viewer' },
    );
    expect(changed).toMatchObject({ status: 200, body: { member: { role: 'viewer' } } });
    expect(await closed).toEqual({ code: CLOSE.roleChanged, reason: 'role now viewer' });
    // the stock provider reconnects by itself (a retryable code) and is admitted as a viewer
    await synced(editor);
    addAction(editor.doc, 'a2', 'after demotion');
    expect(await withTimeout(denied, 20_000, 'permission denied')).toMatch(/viewers cannot edit/);
    expect(titles(await asStored(plan.planId, ownerToken))).toEqual(['while editor']);
  });

  it("the plan's last owner cannot be demoted or removed; with a second owner they can", async () => {
    server = await startServer();
    const plan = await planWith(server, ['owner', 'editor']);
    const [ownerToken] = plan.tokens as [string];
    const member = (id: string) => `${server!.httpUrl}/api/plans/${plan.planId}/members/${id}`;
    const owner = plan.memberIds[0]!;
    expect(await call('PATCH', member(owner), ownerToken, { role: 'editor' })).toMatchObject({
      status: 409,
      body: { error: 'last_owner' },
    });
    expect((await call('DELETE', member(owner), ownerToken)).status).toBe(409);
    expect(
      (await call('PATCH', member(plan.memberIds[1]!), ownerToken, { role: 'owner' })).status,
    ).toBe(200);
    expect((await call('PATCH', member(owner), ownerToken, { role: 'editor' })).status).toBe(200);
    // now an editor, the former owner may no longer change roles
    expect((await call('PATCH', member(owner), ownerToken, { role: 'owner' })).status).toBe(403);
    expect(
      (await call('PATCH', member('nobody'), plan.tokens[1]!, { role: 'viewer' })).status,
    ).toBe(404);
    expect((await call('PATCH', member(owner), plan.tokens[1]!, { role: 'admin' })).status).toBe(
      400,
    );
  });
});

describe('[S25] authority of adoption and endorsement', () => {
  it("an editor's agree and an endorsement for another organisation are refused and not stored; an owner's agree passes", async () => {
    server = await startServer();
    // planWith names member i's organisation `Org i`
    const plan = await planWith(server, ['owner', 'editor', 'editor']);
    const [ownerToken, editorToken, secondToken] = plan.tokens as [string, string, string];
    const owner = track(connect(server, plan.planId, ownerToken, { acks: true }));
    await synced(owner);
    const ownerPlan = TestPlan.empty({ doc: owner.doc }).plan;
    const ownOrg = organisations.create(ownerPlan, { name: 'Org 1', kind: 'nhri' });
    const otherOrg = organisations.create(ownerPlan, { name: 'Org 0', kind: 'government' });
    const actionId = actions.create(ownerPlan, { title: 'Inspect cotton farms' });
    await stored(owner);

    const editorSession = async (token: string) => {
      const client = track(connect(server!, plan.planId, token, { acks: true }));
      await synced(client);
      await until([client.doc], () => titles(client.doc).length === 1, 'the action');
      return { client, plan: openPlan(client.doc, { actor: { id: token, name: 'Editor' } }) };
    };
    const stageStored = async () =>
      new PlanSnapshotter(await asStored(plan.planId, ownerToken))
        .snapshot()
        .actions.find((a) => a.id === actionId);

    const editor = await editorSession(editorToken);
    const refusedAgree = closedByServer(editor.client);
    actions.agree(editor.plan, actionId);
    expect((await refusedAgree).code).toBe(CLOSE.notPermitted);
    expect((await refusedAgree).reason).toMatch(/only owners adopt/);

    const second = await editorSession(secondToken);
    const refusedEndorse = closedByServer(second.client);
    actions.endorse(second.plan, actionId, otherOrg);
    expect((await refusedEndorse).code).toBe(CLOSE.notPermitted);
    expect(await stageStored()).toMatchObject({ stage: 'proposed', endorsements: [] });

    // Member 1's organisation is Org 1: their endorsement for it passes.
    const again = await editorSession(editorToken);
    actions.endorse(again.plan, actionId, ownOrg);
    await stored(again.client);
    actions.agree(ownerPlan, actionId);
    await stored(owner);
    expect(await stageStored()).toMatchObject({
      stage: 'agreed',
      endorsements: [{ orgId: ownOrg }],
    });
    // the audit log attributes each to its member
    const history = await call(
      'GET',
      `${server.httpUrl}/api/plans/${plan.planId}/history`,
      ownerToken,
    );
    const entries = history.body.entries as {
      member: { id: string } | null;
      actions: Record<string, string[]>;
    }[];
    const who = (field: string) =>
      entries.filter((e) => e.actions[actionId]?.includes(field)).map((e) => e.member?.id);
    expect(who('stage')).toContain(plan.memberIds[0]);
    expect(who('endorsements')).toEqual([plan.memberIds[1]]);
  });
});
