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

  // TEST_NOW is 2025-06-15 09:00 UTC: already 2025-06-15 everywhere, 2025-06-16 nowhere yet.
  it.each([
    ['the only report, dated today', '2025-06-15', [], true],
    ['the only report, dated in the past', '2025-01-31', [], true],
    ['a report dated tomorrow', '2025-06-16', [], false],
    ['a later report than any other up to today', '2025-05-01', ['2025-04-01'], true],
    [
      'a report on the same day as the latest (the new one wins)',
      '2025-04-01',
      ['2025-04-01'],
      true,
    ],
    ['an earlier report than the latest', '2025-03-01', ['2025-04-01'], false],
    ['a report after which only future ones are stored', '2025-03-01', ['2027-12-31'], true],
    ['a future report beside past ones', '2027-12-31', ['2025-03-01'], false],
  ] as const)('%s decides the current status: %s', (_, at, others, expected) => {
    expect(progressUpdates.decidesCurrentStatus(at, others, '2025-06-15')).toBe(expected);
  });

  it('refuses a report dated after today and leaves the status as it was', () => {
    const test = TestPlan.withActions(1);
    const id = test.actionId(0);
    progressUpdates.add(test.plan, id, { at: '2025-06-15', status: 'in_progress', progress: 40 });
    expect(() =>
      progressUpdates.add(test.plan, id, { at: '2027-12-31', status: 'completed', progress: 100 }),
    ).toThrow(expect.objectContaining({ detail: { field: 'date', reason: 'future' } }));
    const action = test.snapshot().actions[0]!;
    expect([action.status, action.progress, action.updates.length]).toEqual(['in_progress', 40, 1]);
  });

  it('accepts a report dated today in the first time zone to reach it', () => {
    const test = TestPlan.withActions(1).at('2025-06-15T10:30:00.000Z'); // 00:30 on 16 June at UTC+14
    progressUpdates.add(test.plan, test.actionId(0), {
      at: '2025-06-16',
      status: 'in_progress',
      progress: 5,
    });
    expect(test.snapshot().actions[0]!.status).toBe('in_progress');
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
