import { describe, expect, it } from 'vitest';
import * as indicators from './indicators';
import { TestPlan } from './testing';

describe('indicators', () => {
  it('adds an indicator, records dated values in period order, corrects and removes one', () => {
    const test = TestPlan.withActions(1);
    const actionId = test.actionId(0);
    const id = indicators.add(test.plan, actionId, {
      name: 'Labour inspectors trained',
      unit: 'people',
      baseline: 0,
      target: 200,
      frequency: 'quarterly',
    });
    indicators.recordValue(test.plan, actionId, id, { period: '2025-Q2', value: 80 });
    indicators.recordValue(test.plan, actionId, id, {
      period: '2025-Q1',
      value: 30,
      note: 'first cohort',
    });
    indicators.recordValue(test.plan, actionId, id, { period: '2025-Q2', value: 90 });
    indicators.edit(test.plan, actionId, id, { target: 250 });
    const [indicator] = test.snapshot().actions[0]!.indicators;
    expect(indicator).toMatchObject({
      name: 'Labour inspectors trained',
      unit: 'people',
      baseline: 0,
      target: 250,
    });
    expect(indicator!.values.map((v) => [v.period, v.value, v.note])).toEqual([
      ['2025-Q1', 30, 'first cohort'],
      ['2025-Q2', 90, ''],
    ]);
    indicators.removeValue(test.plan, actionId, id, '2025-Q1');
    expect(test.snapshot().actions[0]!.indicators[0]!.values).toHaveLength(1);
    indicators.remove(test.plan, actionId, id);
    expect(test.snapshot().actions[0]!.indicators).toEqual([]);
  });

  it('orders values of periods of different lengths by their dates, not as text', () => {
    const test = TestPlan.withActions(1);
    const actionId = test.actionId(0);
    const id = indicators.add(test.plan, actionId, { name: 'x', baseline: 0, target: 120 });
    for (const [period, value] of [
      ['2025-Q1', 50],
      ['2024', 30],
      ['2025-H2', 90],
      ['2025-03-31', 45],
      ['2025-03', 40],
    ] as const) {
      indicators.recordValue(test.plan, actionId, id, { period, value });
    }
    const [indicator] = test.snapshot().actions[0]!.indicators;
    expect(indicator!.values.map((v) => v.period)).toEqual([
      '2024',
      '2025-03-31',
      '2025-03',
      '2025-Q1',
      '2025-H2',
    ]);
  });

  it.each(['2025', '2025-Q4', '2025-H1', '2025-06', '2025-06-30'])(
    'accepts the period %s',
    (period) => {
      const test = TestPlan.withActions(1);
      const id = indicators.add(test.plan, test.actionId(0), { name: 'x' });
      expect(() =>
        indicators.recordValue(test.plan, test.actionId(0), id, { period, value: 1 }),
      ).not.toThrow();
    },
  );

  it.each(['', '25', '2025-Q5', '2025-13', '2025-02-30', 'last year', '2025-Q1; DROP TABLE'])(
    'refuses the period %j',
    (period) => {
      const test = TestPlan.withActions(1);
      const id = indicators.add(test.plan, test.actionId(0), { name: 'x' });
      expect(() =>
        indicators.recordValue(test.plan, test.actionId(0), id, { period, value: 1 }),
      ).toThrow(/period must be/);
    },
  );

  it('refuses a value that is not a finite number', () => {
    const test = TestPlan.withActions(1);
    const id = indicators.add(test.plan, test.actionId(0), { name: 'x' });
    expect(() =>
      indicators.recordValue(test.plan, test.actionId(0), id, {
        period: '2025',
        value: Number.NaN,
      }),
    ).toThrow(/must be a number/);
  });
});
