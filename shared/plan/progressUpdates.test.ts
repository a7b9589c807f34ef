import { describe, expect, it } from 'vitest';
import * as progressUpdates from './progressUpdates';
import { TestPlan } from './testing';

describe('progress updates', () => {
  it("records dated reports in date order; the latest sets the action's status and progress", () => {
    const test = TestPlan.withActions(1);
    const id = test.actionId(0);
    progressUpdates.add(test.plan, id, {
      at: '2025-03-31',
      status: 'in_progress',
      progress: 30,
      note: 'Q1',
      evidence: ['https://example.org/q1.pdf'],
    });
    progressUpdates.add(test.plan, id, { at: '2025-01-31', status: 'in_progress', progress: 10 });
    const action = test.snapshot().actions[0]!;
    expect(action.updates.map((u) => [u.at, u.progress])).toEqual([
      ['2025-01-31', 10],
      ['2025-03-31', 30],
    ]);
    expect(action.updates[1]!.evidence).toEqual(['https://example.org/q1.pdf']);
    expect(action.progress).toBe(30);
    expect(action.status).toBe('in_progress');
  });

  it.each([
    [{ at: '31/03/2025', status: 'in_progress', progress: 1 }, /date must be a date/],
    [{ at: '2025-03-31', status: 'done', progress: 1 }, /status must be one of/],
    [{ at: '2025-03-31', status: 'planned', progress: 120 }, /progress must be/],
    [
      { at: '2025-03-31', status: 'planned', progress: 1, evidence: ['javascript:alert(1)'] },
      /evidence must be an http/,
    ],
    [
      { at: '2025-03-31', status: 'planned', progress: 1, evidence: ['file:///etc/passwd'] },
      /evidence must be an http/,
    ],
  ])('refuses %j', (report, message) => {
    const test = TestPlan.withActions(1);
    expect(() => progressUpdates.add(test.plan, test.actionId(0), report as never)).toThrow(
      message,
    );
  });

  it('lets only the author remove a report', () => {
    const a = TestPlan.withActions(1);
    const id = progressUpdates.add(a.plan, a.actionId(0), {
      at: '2025-01-01',
      status: 'planned',
      progress: 0,
    });
    const b = a.replica({ id: 'member-2', name: 'B' }, 'b-');
    expect(() => progressUpdates.remove(b.plan, b.actionId(0), id)).toThrow(/only its author/);
    progressUpdates.remove(a.plan, a.actionId(0), id);
    expect(a.snapshot().actions[0]!.updates).toEqual([]);
  });
});
