import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import * as meta from './meta';
import { openPlan } from './plan';
import { restoreVersion } from './restoreVersion';
import { snapshotOf } from './snapshot';
import { TestPlan } from './testing';

const RESTORER = { id: 'owner-9', name: 'Owner Nine' };

/** The plan's values as people see them: the stamps of who last edited each action left out. */
function content(doc: Y.Doc) {
  const { meta: m, objectives, orgs, actions: list } = snapshotOf(doc);
  return {
    meta: m,
    objectives,
    orgs,
    actions: list.map(({ updatedAt: _at, updatedBy: _by, ...rest }) => rest),
  };
}

describe('restoreVersion', () => {
  it('brings back the values of the version as a change attributed to the restorer', () => {
    const test = TestPlan.withActions(2);
    const [first, second] = test.snapshot().actions;
    const version = test.snapshot();
    actions.edit(test.plan, first!.id, { title: 'Renamed later', status: 'delayed', progress: 40 });
    actions.remove(test.plan, second!.id);
    const added = actions.create(test.plan, { title: 'Added later' });
    meta.setTitle(test.plan, 'A later title');

    const restorer = openPlan(test.plan.doc, { actor: RESTORER });
    const changed = restoreVersion(restorer, version);

    expect(changed).toEqual({ actions: 3, objectives: 0, organisations: 0, meta: true });
    const after = test.snapshot();
    expect(after.meta.title).toBe(version.meta.title);
    const restoredFirst = after.actions.find((a) => a.id === first!.id)!;
    expect(restoredFirst).toMatchObject({ title: 'Action 1', status: 'planned', progress: 0 });
    expect(restoredFirst.updatedBy).toBe(RESTORER.id);
    expect(after.actions.find((a) => a.id === second!.id)!.deletedAt).toBeNull();
    // made since: moved to the trash, not purged
    expect(after.actions.find((a) => a.id === added)).toMatchObject({ deletedBy: RESTORER.id });
  });

  it('is undone by restoring the version from before the restore', () => {
    const test = TestPlan.withActions(3);
    const version = test.snapshot();
    const [first] = version.actions;
    actions.edit(test.plan, first!.id, { title: 'Later value', deadline: '2025-09-30' });
    actions.create(test.plan, { title: 'Later action' });
    const beforeRestore = content(test.plan.doc);
    const later = test.snapshot();

    restoreVersion(openPlan(test.plan.doc, { actor: RESTORER }), version);
    expect(content(test.plan.doc)).not.toEqual(beforeRestore);
    restoreVersion(openPlan(test.plan.doc, { actor: RESTORER }), later);

    expect(content(test.plan.doc)).toEqual(beforeRestore);
  });

  it('writes nothing when the plan already reads as the version', () => {
    const test = TestPlan.withActions(2);
    const updates: Uint8Array[] = [];
    test.plan.doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(restoreVersion(test.plan, test.snapshot())).toEqual({
      actions: 0,
      objectives: 0,
      organisations: 0,
      meta: false,
    });
    expect(updates).toHaveLength(0);
  });

  it('merges with an edit made concurrently on another copy', () => {
    const test = TestPlan.withActions(1);
    const version = test.snapshot();
    const id = version.actions[0]!.id;
    actions.edit(test.plan, id, { status: 'delayed' });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(test.plan.doc));
    actions.edit(openPlan(other, { actor: RESTORER }), id, { contact: 'desk@example.org' });

    restoreVersion(openPlan(test.plan.doc, { actor: RESTORER }), version);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(test.plan.doc));
    Y.applyUpdate(test.plan.doc, Y.encodeStateAsUpdate(other));

    expect(snapshotOf(other).actions[0]).toMatchObject({
      status: 'planned',
      contact: 'desk@example.org',
    });
    expect(content(other)).toEqual(content(test.plan.doc));
  });
});
