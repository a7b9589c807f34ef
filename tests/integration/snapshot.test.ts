// The plan's snapshot for a first open (GET /api/plans/:id/snapshot, server/http/planSnapshots.ts): a
// real server, a plan written by a real provider through the plan operations, members of each role.
import { afterEach, describe, expect, it } from 'vitest';
import { API_PATHS } from '../../shared/http';
import * as actions from '../../shared/plan/actions';
import * as meta from '../../shared/plan/meta';
import * as objectives from '../../shared/plan/objectives';
import { openPlan } from '../../shared/plan/plan';
import type { PlanSnapshot } from '../../shared/plan/schema';
import { snapshotOf } from '../../shared/plan/snapshot';
import {
  connect,
  planWith,
  startServer,
  stored,
  synced,
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

/** A plan with an owner, an editor and a viewer; the owner writes two actions. */
async function planWithActions() {
  server = await startServer();
  const plan = await planWith(server, ['owner', 'editor', 'viewer']);
  const owner = connect(server, plan.planId, plan.tokens[0]!, { acks: true });
  clients.push(owner);
  await synced(owner);
  const editor = openPlan(owner.doc, { actor: { id: 'owner', name: 'Owner' } });
  meta.initialise(editor, { id: plan.planId, title: 'Decent work plan', languages: ['en'] });
  const objectiveId = objectives.create(editor, { title: 'Forced labour' });
  actions.create(editor, { title: 'Train labour inspectors', objectiveId });
  actions.create(editor, { title: 'Обучить инспекторов труда', objectiveId });
  await stored(owner);
  return { ...plan, owner, editor };
}

const snapshotUrl = (planId: string) => `${server!.httpUrl}${API_PATHS.snapshot(planId)}`;
const asMember = (token: string | undefined) => ({ authorization: `Bearer ${token}` });

describe('GET /api/plans/:id/snapshot', () => {
  it('[S21] gives a viewer the plan as its snapshot, gzipped', async () => {
    const plan = await planWithActions();
    const response = await fetch(snapshotUrl(plan.planId), { headers: asMember(plan.tokens[2]) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const snapshot = (await response.json()) as PlanSnapshot;
    expect(snapshot).toEqual(JSON.parse(JSON.stringify(snapshotOf(plan.owner.doc))));
    expect(snapshot.actions.map((action) => action.title)).toEqual([
      'Train labour inspectors',
      'Обучить инспекторов труда',
    ]);
  });

  it('[S21] gives plain JSON to a client that does not accept gzip', async () => {
    const plan = await planWithActions();
    const response = await fetch(snapshotUrl(plan.planId), {
      headers: { ...asMember(plan.tokens[1]), 'accept-encoding': 'identity' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(((await response.json()) as PlanSnapshot).meta.title).toBe('Decent work plan');
  });

  it('[S21] loads a plan that is not in memory from storage', async () => {
    const plan = await planWithActions();
    for (const client of clients.splice(0)) client.destroy();
    server = await server!.restart();
    expect(server.server.rooms.loaded).toBe(0);
    const response = await fetch(snapshotUrl(plan.planId), { headers: asMember(plan.tokens[2]) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as PlanSnapshot).actions).toHaveLength(2);
  });

  it('[S21] refuses a request without a token, a member of another plan and a revoked member', async () => {
    const plan = await planWithActions();
    const other = await planWith(server!, ['owner']);
    expect((await fetch(snapshotUrl(plan.planId))).status).toBe(401);
    const stranger = await fetch(snapshotUrl(plan.planId), { headers: asMember(other.tokens[0]) });
    expect(stranger.status).toBe(401);
    expect(await stranger.text()).not.toContain('Train labour inspectors');
    await server!.server.store.revokeMember(plan.planId, plan.memberIds[2]!, Date.now());
    const revoked = await fetch(snapshotUrl(plan.planId), { headers: asMember(plan.tokens[2]) });
    expect(revoked.status).toBe(403);
  });
});
