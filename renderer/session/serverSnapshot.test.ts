import { describe, expect, it } from 'vitest';
import { API_PATHS, pathOf } from '../../shared/contracts/apiPaths';
import { TestPlan } from '../../shared/plan/testing';
import { fetchServerSnapshot, serverSnapshotUrl } from './serverSnapshot';

const SERVER = 'https://accord.example.org';
const plan = TestPlan.withActions(2).snapshot();
const PLAN_ID = plan.meta.id;

/** A fetch that answers every request with `status` and `body`, and records what was asked. */
function answering(status: number, body: unknown) {
  const asked: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = ((url: string, init?: RequestInit) => {
    asked.push({ url, init });
    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
    );
  }) as typeof fetch;
  return { asked, fetchImpl };
}

describe('the server snapshot painted on a first open', () => {
  it('is asked for at the API path the server serves, with the member token', async () => {
    expect(serverSnapshotUrl(`${SERVER}/`, 'p 1')).toBe(`${SERVER}/api/plans/p%201/snapshot`);
    const { asked, fetchImpl } = answering(200, plan);
    expect(await fetchServerSnapshot(SERVER, PLAN_ID, 'secret', fetchImpl)).toEqual(plan);
    expect(asked[0]?.url).toBe(`${SERVER}${pathOf(API_PATHS.snapshot, { planId: PLAN_ID })}`);
    expect(new Headers(asked[0]?.init?.headers).get('authorization')).toBe('Bearer secret');
  });

  it.each([
    ['a refusal', 401, { error: 'unauthorized' }],
    ['a server error', 500, plan],
    ['another plan', 200, { ...plan, meta: { ...plan.meta, id: 'another-plan' } }],
    ['a plan with no meta yet', 200, { ...plan, meta: { ...plan.meta, id: '' } }],
    ['something not a snapshot', 200, { meta: plan.meta, actions: 'none' }],
    ['a body that is not JSON', 200, '<html>'],
  ])('is not shown for %s', async (_case, status, body) => {
    const { fetchImpl } = answering(status, body);
    expect(await fetchServerSnapshot(SERVER, PLAN_ID, 'secret', fetchImpl)).toBeNull();
  });

  it('is not shown when the server cannot be reached', async () => {
    const unreachable = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await fetchServerSnapshot(SERVER, PLAN_ID, 'secret', unreachable)).toBeNull();
  });
});
