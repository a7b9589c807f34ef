// Refs are resolved again only when an input to them changes (see PlanSnapshotter.refreshActions);
// these check that skipping the work after other edits never shows a stale or duplicate ref.
import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import { syncDocs, TestPlan } from './testing';

describe('snapshot refs after edits', () => {
  it('keeps resolved duplicates through a title edit and re-resolves after a ref edit', () => {
    const alice = TestPlan.withActions(1);
    const bob = alice.replica({ id: 'member-2', name: 'Bob' }, 'bob-');
    const objectiveId = alice.snapshot().objectives[0]!.id;
    actions.create(alice.plan, { title: 'From Alice', objectiveId, ref: '1.9' });
    bob.at('2025-06-15T10:00:00.000Z');
    actions.create(bob.plan, { title: 'From Bob', objectiveId, ref: '1.9' });
    syncDocs(alice.doc, bob.doc);
    const refs = () => alice.snapshot().actions.map((action) => action.ref);
    expect(refs().sort()).toEqual(['1.1', '1.9', '1.9a']);

    const before = alice.snapshot();
    const fromBob = before.actions.find((action) => action.title === 'From Bob')!;
    actions.edit(alice.plan, fromBob.id, { title: 'From Bob, edited' });
    const after = alice.snapshot();
    expect(after.actions.find((action) => action.id === fromBob.id)!.ref).toBe('1.9a');
    expect(after.actions.filter((action) => action.id !== fromBob.id)).toEqual(
      before.actions.filter((action) => action.id !== fromBob.id),
    );
    expect(after.actions[0]).toBe(before.actions[0]);

    const fromAlice = after.actions.find((action) => action.title === 'From Alice')!;
    actions.edit(alice.plan, fromAlice.id, { ref: '1.5' });
    expect(refs().sort()).toEqual(['1.1', '1.5', '1.9']);
  });
});
