import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as actions from '../../shared/plan/actions';
import { snapshotOf } from '../../shared/plan/snapshot';
import { TestPlan } from '../../shared/plan/testing';
import { PlanSnapshots, QUIET_MS, REBUILD_AFTER_MS, plainJson } from './planSnapshots';

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

describe('the snapshot prepared after changes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A plan whose snapshots are timed by fake timers; `builtAt` says when a build started. */
  function quietly(loaded = () => true) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
    const test = TestPlan.withActions(3);
    const snapshots = new PlanSnapshots(() => Date.now());
    const room = { doc: test.doc };
    const changed = () => {
      actions.edit(test.plan, test.actionId(0), { title: `Renamed at ${Date.now()}` });
      snapshots.changed(room, loaded);
    };
    return { snapshots, room, changed };
  }

  it('is built in the background once the plan has been quiet for QUIET_MS', async () => {
    const { snapshots, room, changed } = quietly();
    changed();
    vi.advanceTimersByTime(QUIET_MS - 100);
    changed(); // an edit meanwhile starts the wait again
    vi.advanceTimersByTime(QUIET_MS);
    vi.advanceTimersByTime(50);
    const built = await snapshots.of(room);
    expect(built.builtAt).toBe(2 * QUIET_MS - 100);
    expect(titlesIn(built.gzipped)[0]).toBe(`Renamed at ${QUIET_MS - 100}`);
  });

  it('is not built in the background for a plan unloaded meanwhile', async () => {
    const { snapshots, room, changed } = quietly(() => false);
    changed();
    vi.advanceTimersByTime(QUIET_MS + 50);
    expect((await snapshots.of(room)).builtAt).toBe(QUIET_MS + 50);
  });
});
