import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import * as objectives from './objectives';
import { TestPlan } from './testing';

describe('objectives', () => {
  it('creates in order, inserts at a position, renames and reorders', () => {
    const test = TestPlan.empty();
    const a = objectives.create(test.plan, { title: 'Labour rights' });
    const b = objectives.create(test.plan, { title: 'Child labour' });
    const c = objectives.create(test.plan, { title: 'Business and human rights', index: 0 });
    expect(test.snapshot().objectives.map((o) => o.id)).toEqual([c, a, b]);
    objectives.rename(test.plan, a, 'Labour rights and inspection');
    objectives.move(test.plan, c, 2);
    expect(test.snapshot().objectives.map((o) => o.title)).toEqual([
      'Labour rights and inspection',
      'Child labour',
      'Business and human rights',
    ]);
  });

  it('refuses to remove an objective with live actions, then removes and restores it', () => {
    const test = TestPlan.withActions(1);
    const objectiveId = test.snapshot().objectives[0]!.id;
    expect(() => objectives.remove(test.plan, objectiveId)).toThrow(/move or delete the actions/);
    actions.remove(test.plan, test.actionId(0));
    objectives.remove(test.plan, objectiveId);
    expect(test.snapshot().objectives[0]!.deletedAt).not.toBeNull();
    objectives.restore(test.plan, objectiveId);
    expect(test.snapshot().objectives[0]!.deletedAt).toBeNull();
  });

  it('refuses an empty title', () => {
    const test = TestPlan.empty();
    expect(() => objectives.create(test.plan, { title: '' })).toThrow(/must not be empty/);
  });
});
