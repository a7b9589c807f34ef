import { describe, expect, it } from 'vitest';
import * as actions from '../plan/actions';
import * as organisations from '../plan/organisations';
import * as progressUpdates from '../plan/progressUpdates';
import { TestPlan } from '../plan/testing';
import { changesSinceDate, planChanges } from './planChanges';

function planWithThree() {
  const test = TestPlan.withActions(3);
  return { test, ids: [0, 1, 2].map((i) => test.actionId(i)) };
}

describe('what changed between two snapshots', () => {
  it.each([
    [
      'status',
      (t: TestPlan, id: string) => actions.edit(t.plan, id, { status: 'delayed' }),
      { field: 'status', from: 'planned', to: 'delayed' },
    ],
    [
      'progress',
      (t: TestPlan, id: string) => actions.edit(t.plan, id, { progress: 40 }),
      { field: 'progress', from: 0, to: 40 },
    ],
    [
      'deadline',
      (t: TestPlan, id: string) => actions.edit(t.plan, id, { deadline: '2026-01-31' }),
      { field: 'deadline', from: null, to: '2026-01-31' },
    ],
    [
      'owner',
      (t: TestPlan, id: string) => {
        const other = organisations.create(t.plan, { name: 'ILO', kind: 'international' });
        actions.edit(t.plan, id, { leadOrgId: other });
      },
      { field: 'owner', to: 'id-0006' },
    ],
  ] as const)('reports a changed %s', (_name, edit, expected) => {
    const { test, ids } = planWithThree();
    const before = test.snapshot();
    edit(test, ids[1]!);
    const changes = planChanges(before, test.snapshot());
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
    expect(changes.changed).toHaveLength(1);
    expect(changes.changed[0]!.action.id).toBe(ids[1]);
    expect(changes.changed[0]!.changes).toEqual([expect.objectContaining(expected)]);
  });

  it('reports added, removed and purged actions, and nothing for a title edit', () => {
    const { test, ids } = planWithThree();
    const before = test.snapshot();
    actions.edit(test.plan, ids[0]!, { title: 'Renamed' });
    actions.remove(test.plan, ids[1]!);
    actions.remove(test.plan, ids[2]!);
    actions.purge(test.plan, ids[2]!);
    const added = actions.create(test.plan, { title: 'New' });
    const changes = planChanges(before, test.snapshot());
    expect(changes.added.map((a) => a.id)).toEqual([added]);
    expect(changes.removed.map((a) => a.id).sort()).toEqual([ids[1], ids[2]].sort());
    expect(changes.changed).toEqual([]);
  });

  it('tells from dates alone what was added, removed and reported since', () => {
    const { test, ids } = planWithThree();
    progressUpdates.add(test.plan, ids[0]!, {
      at: '2025-01-10',
      status: 'in_progress',
      progress: 20,
    });
    test.at('2025-07-01T10:00:00.000Z');
    progressUpdates.add(test.plan, ids[0]!, { at: '2025-07-01', status: 'delayed', progress: 30 });
    test.at('2025-07-02T10:00:00.000Z');
    actions.remove(test.plan, ids[1]!);
    const added = actions.create(test.plan, { title: 'Later' });
    const changes = changesSinceDate(test.snapshot(), '2025-07-01');
    expect(changes.added.map((a) => a.id)).toEqual([added]);
    expect(changes.removed.map((a) => a.id)).toEqual([ids[1]]);
    expect(
      changes.changed.map((c) => [c.action.id, c.changes.map((x) => [x.field, x.from, x.to])]),
    ).toEqual([
      [
        ids[0],
        [
          ['status', 'in_progress', 'delayed'],
          ['progress', 20, 30],
        ],
      ],
    ]);
  });
});
