import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import { PlanSnapshot } from './schema';
import { TestPlan } from './testing';

describe('snapshot', () => {
  it('reads a plan of three actions that passes the schema', () => {
    const test = TestPlan.withActions(3);
    const snapshot = test.snapshot();
    expect(snapshot.actions.map((a) => a.ref)).toEqual(['1.1', '1.2', '1.3']);
    expect(() => PlanSnapshot.parse(snapshot)).not.toThrow();
    actions.edit(test.plan, test.actionId(1), { title: 'Changed' });
    const next = test.snapshot();
    expect(next.actions[1]!.title).toBe('Changed');
    expect(next.actions[0]).toBe(snapshot.actions[0]);
  });
});
