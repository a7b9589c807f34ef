import { expect, it } from 'vitest';
import * as actions from '../../shared/plan/actions';
import { TestPlan } from '../../shared/plan/testing';
import { timeline } from './timelineRows';

it('draws dated actions under their objective and counts the undated', () => {
  const test = TestPlan.withActions(3);
  actions.edit(test.plan, test.actionId(0), { start: '2024-01-01', deadline: '2024-06-30' });
  const result = timeline(test.snapshot(), '2025-06-15');
  expect(result.rows.map((row) => row.kind)).toEqual(['objective', 'action']);
  expect(result.undated).toBe(2);
  expect(result.from).toBe('2023-12-17');
  expect(result.to).toBe('2025-06-30');
});

it('colours each bar by the traffic light the table and reports show, not by its status', () => {
  const test = TestPlan.withActions(3);
  const [behind, onTrack, late] = [test.actionId(0), test.actionId(1), test.actionId(2)];
  // half the time gone: 10 % done is red, 50 % green, whatever the status says
  const dates = { start: '2025-01-01', deadline: '2025-12-31' };
  actions.edit(test.plan, behind, { ...dates, status: 'in_progress', progress: 10 });
  actions.edit(test.plan, onTrack, { ...dates, status: 'delayed', progress: 50 });
  actions.edit(test.plan, late, { start: '2024-01-01', deadline: '2025-01-31', progress: 95 });
  const lights = timeline(test.snapshot(), '2025-07-02').rows.flatMap((row) =>
    row.kind === 'action' ? [[row.action.id, row.light]] : [],
  );
  expect(lights).toEqual([
    [behind, 'red'],
    [onTrack, 'green'],
    [late, 'red'],
  ]);
});
