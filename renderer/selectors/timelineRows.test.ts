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
