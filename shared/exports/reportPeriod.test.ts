import { describe, expect, it } from 'vitest';
import { reportTestPlan } from './reportTestPlan';
import { overlaps, withinPeriod } from './reportPeriod';

describe('reporting period', () => {
  it.each([
    ['2025', true],
    ['2024', false],
    ['2025-Q3', false],
    ['2025-H1', true],
    ['2024-12-31', false],
  ])('value for %s is in the first half of 2025: %s', (period, inside) => {
    expect(overlaps(period, { from: '2025-01-01', to: '2025-06-30' })).toBe(inside);
  });

  it('keeps only progress updates and indicator values in the period', () => {
    const snapshot = reportTestPlan().snapshot();
    const narrowed = withinPeriod(snapshot, { from: '2025-01-01', to: '2025-03-31' });
    const first = narrowed.actions.find((a) => a.title === 'Labour inspection reform')!;
    expect(first.updates.map((u) => u.at)).toEqual(['2025-01-15']);
    expect(first.indicators[0]!.values.map((v) => v.period)).toEqual(['2025']);
    expect(narrowed.actions.length).toBe(snapshot.actions.length);
    expect(snapshot.actions.find((a) => a.id === first.id)!.updates).toHaveLength(2);
  });
});
