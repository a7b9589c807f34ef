// Restoring a checkpoint through the HTTP API and the admin CLI: a real server, real y-websocket
// providers on both sides, the plan written through the plan operations.
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../server/cli/cli';
import { HistoryResponse, RestoreResponse } from '../../shared/contracts/api';
import * as actions from '../../shared/plan/actions';
import * as meta from '../../shared/plan/meta';
import * as objectives from '../../shared/plan/objectives';
import { openPlan } from '../../shared/plan/plan';
import { snapshotOf } from '../../shared/plan/snapshot';
import {
  connect,
  planWith,
  startServer,
  stored,
  synced,
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

const track = (client: Client) => {
  clients.push(client);
  return client;
};
const titleOf = (doc: Y.Doc, id: string) => snapshotOf(doc).actions.find((a) => a.id === id);

/** A plan with an owner, an editor and a viewer; a checkpoint of two actions; edits after it. */
async function planEditedAfterCheckpoint() {
  server = await startServer();
  const plan = await planWith(server, ['owner', 'editor', 'viewer']);
  const [ownerToken, editorToken, viewerToken] = plan.tokens as [string, string, string];
  const owner = track(connect(server, plan.planId, ownerToken, { acks: true }));
  await synced(owner);
  const byOwner = openPlan(owner.doc, { actor: { id: plan.memberIds[0]!, name: 'Member 0' } });
  meta.initialise(byOwner, { id: plan.planId, title: 'Decent work plan', languages: ['en'] });
  const objectiveId = objectives.create(byOwner, { title: 'Forced labour' });
  const trained = actions.create(byOwner, { title: 'Train labour inspectors', objectiveId });
  actions.create(byOwner, { title: 'Publish inspection reports', objectiveId });
  await stored(owner);
  const store = server.server.store;
  await store.addCheckpoint(plan.planId, Date.now(), 1, Y.encodeStateAsUpdate(owner.doc));
  const checkpointId = (await store.listCheckpoints(plan.planId))[0]!.id;

  const editor = track(connect(server, plan.planId, editorToken, { acks: true }));
  await synced(editor);
  const byEditor = openPlan(editor.doc, { actor: { id: plan.memberIds[1]!, name: 'Member 1' } });
  actions.edit(byEditor, trained, { title: 'Train 200 labour inspectors', status: 'delayed' });
  const later = actions.create(byEditor, { title: 'Added after the checkpoint', objectiveId });
  await stored(editor);

  const viewer = track(connect(server, plan.planId, viewerToken));
  await synced(viewer);
  await until([viewer.doc], () => titleOf(viewer.doc, later) !== undefined, 'the later action');
  const restoreUrl = (id: number) =>
    `${server!.httpUrl}/api/plans/${plan.planId}/checkpoints/${id}/restore`;
  const as = (token: string) => ({ method: 'POST', headers: { authorization: `Bearer ${token}` } });
  return {
    plan,
    owner,
    viewer,
    trained,
    later,
    checkpointId,
    restoreUrl,
    as,
    ownerToken,
    editorToken,
    viewerToken,
  };
}

describe('restoring a checkpoint', () => {
  it('an owner restores: a connected copy sees it live, the audit names the owner, a restore of the restore brings back the later values', async () => {
    const t = await planEditedAfterCheckpoint();

    const response = await fetch(t.restoreUrl(t.checkpointId), t.as(t.ownerToken));
    expect(response.status).toBe(200);
    const restored = RestoreResponse.parse(await response.json());
    expect(restored.changed.actions).toBe(2);

    await until(
      [t.viewer.doc],
      () => titleOf(t.viewer.doc, t.trained)?.title === 'Train labour inspectors',
      'the restored title on the viewer',
    );
    expect(titleOf(t.viewer.doc, t.trained)).toMatchObject({ status: 'planned' });
    // the action made since is in the trash, not gone
    expect(titleOf(t.viewer.doc, t.later)?.deletedAt).not.toBeNull();

    const history = HistoryResponse.parse(
      await (
        await fetch(`${server!.httpUrl}/api/plans/${t.plan.planId}/history`, {
          headers: { authorization: `Bearer ${t.viewerToken}` },
        })
      ).json(),
    );
    const newest = history.entries[0]!;
    expect(newest.member?.id).toBe(t.plan.memberIds[0]);
    expect(newest.actions[t.trained]).toEqual(expect.arrayContaining(['title', 'status']));

    const undo = await fetch(t.restoreUrl(restored.undoCheckpointId), t.as(t.ownerToken));
    expect(undo.status).toBe(200);
    await until(
      [t.viewer.doc],
      () => titleOf(t.viewer.doc, t.trained)?.title === 'Train 200 labour inspectors',
      'the later title back on the viewer',
    );
    expect(titleOf(t.viewer.doc, t.trained)).toMatchObject({ status: 'delayed' });
    expect(titleOf(t.viewer.doc, t.later)?.deletedAt).toBeNull();
    await until([t.owner.doc], () => titleOf(t.owner.doc, t.later)?.deletedAt === null, 'owner');
  });

  it('editors and viewers are refused, and an unknown checkpoint is not found', async () => {
    const t = await planEditedAfterCheckpoint();
    expect((await fetch(t.restoreUrl(t.checkpointId), t.as(t.editorToken))).status).toBe(403);
    expect((await fetch(t.restoreUrl(t.checkpointId), t.as(t.viewerToken))).status).toBe(403);
    expect((await fetch(t.restoreUrl(999_999), t.as(t.ownerToken))).status).toBe(404);
    expect(titleOf(t.viewer.doc, t.trained)?.title).toBe('Train 200 labour inspectors');
  });

  it('the admin CLI restores a checkpoint in storage, attributed to the member it names', async () => {
    const t = await planEditedAfterCheckpoint();
    for (const client of clients.splice(0)) client.destroy();
    await server!.stop();
    const lines: string[] = [];
    const argv = ['restore-checkpoint', t.plan.planId, String(t.checkpointId)];
    const member = ['--member', t.plan.memberIds[0]!, '--data', server!.dataDir, '--json'];
    expect(await run([...argv, ...member], {}, (line) => lines.push(line))).toBe(0);
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ checkpointId: t.checkpointId });
    const byEditor = ['--member', t.plan.memberIds[1]!, '--data', server!.dataDir];
    await expect(run([...argv, ...byEditor], {}, () => undefined)).rejects.toThrow(
      /is not an owner/,
    );

    server = await server!.restart();
    const reader = track(connect(server, t.plan.planId, t.viewerToken));
    await synced(reader);
    await until([reader.doc], () => titleOf(reader.doc, t.trained) !== undefined, 'the plan');
    expect(titleOf(reader.doc, t.trained)).toMatchObject({ title: 'Train labour inspectors' });
    const [newest] = await server.server.store.history(t.plan.planId, 1);
    expect(newest?.memberId).toBe(t.plan.memberIds[0]);
  });
});
