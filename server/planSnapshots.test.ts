import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as actions from '../shared/plan/actions';
import { snapshotOf } from '../shared/plan/snapshot';
import { TestPlan } from '../shared/plan/testing';
import { PlanSnapshots, REBUILD_AFTER_MS, plainJson } from './planSnapshots';

function setUp() {
  const test = TestPlan.withActions(3);
  let now = 1_000;
  const snapshots = new PlanSnapshots(() => now);
  const room = { doc: test.doc };
  const rename = (title: string) => actions.edit(test.plan, test.actionId(0), { title });
  return { test, room, snapshots, rename, later: (ms: number) => (now += ms) };
}

const titlesIn = (gzipped: Buffer) =>
  (JSON.parse(gunzipSync(gzipped).toString('utf8')) as ReturnType<typeof snapshotOf>).actions.map(
    (action) => action.title,
  );

describe('the plan snapshot served on a first open', () => {
  it('is the plan snapshot as gzipped JSON, and as plain JSON for a client without gzip', async () => {
    const { test, room, snapshots } = setUp();
    const built = await snapshots.of(room);
    const expected = JSON.parse(JSON.stringify(snapshotOf(test.doc))) as unknown;
    expect(JSON.parse(gunzipSync(built.gzipped).toString('utf8'))).toEqual(expected);
    expect(JSON.parse((await plainJson(built)).toString('utf8'))).toEqual(expected);
  });

  it('is built once for requests that arrive together', async () => {
    const { room, snapshots } = setUp();
    const [a, b] = await Promise.all([snapshots.of(room), snapshots.of(room)]);
    expect(a).toBe(b);
    expect(await snapshots.of(room)).toBe(a);
  });

  it('is rebuilt for a changed plan only once the last build is REBUILD_AFTER_MS old', async () => {
    const { room, snapshots, rename, later } = setUp();
    const first = await snapshots.of(room);
    rename('Renamed once');
    later(REBUILD_AFTER_MS - 1);
    expect(await snapshots.of(room)).toBe(first);
    later(1);
    const second = await snapshots.of(room);
    expect(second).not.toBe(first);
    expect(titlesIn(second.gzipped)).toContain('Renamed once');
  });

  it('keeps its build while the plan does not change, however old', async () => {
    const { room, snapshots, later } = setUp();
    const first = await snapshots.of(room);
    later(10 * REBUILD_AFTER_MS);
    expect(await snapshots.of(room)).toBe(first);
  });
});
