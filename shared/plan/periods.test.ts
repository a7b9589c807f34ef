import { describe, expect, it } from 'vitest';
import { comparePeriods, isPeriod, latestByPeriod, periodDays } from './periods';

describe('indicator periods', () => {
  it.each([
    ['2025', { from: '2025-01-01', to: '2025-12-31' }],
    ['2025-H1', { from: '2025-01-01', to: '2025-06-30' }],
    ['2025-H2', { from: '2025-07-01', to: '2025-12-31' }],
    ['2025-Q1', { from: '2025-01-01', to: '2025-03-31' }],
    ['2025-Q4', { from: '2025-10-01', to: '2025-12-31' }],
    ['2025-03', { from: '2025-03-01', to: '2025-03-31' }],
    ['2024-02', { from: '2024-02-01', to: '2024-02-29' }],
    ['2025-02', { from: '2025-02-01', to: '2025-02-28' }],
    ['2025-03-31', { from: '2025-03-31', to: '2025-03-31' }],
    ['2024-02-29', { from: '2024-02-29', to: '2024-02-29' }],
    ['2025-02-29', null],
    ['2025-04-31', null],
    ['2025-13', null],
    ['2025-00', null],
    ['2025-Q5', null],
    ['2025-H3', null],
    ['25', null],
    ['sometime', null],
    ['', null],
  ])('%j covers %j', (period, days) => {
    expect(periodDays(period)).toEqual(days);
    expect(isPeriod(period)).toBe(days !== null);
  });

  it.each([
    // periods of every length, shuffled, come out in time order
    [
      ['2025-H2', '2025-Q1', '2024', '2025-03-31', '2025-03'],
      ['2024', '2025-03-31', '2025-03', '2025-Q1', '2025-H2'],
    ],
    // on a shared end date the longer period comes last: quarters, the half, then the year
    [
      ['2025', '2025-H2', '2025-Q4', '2025-12', '2025-12-31', '2025-Q3', '2025-H1', '2025-Q1'],
      ['2025-Q1', '2025-H1', '2025-Q3', '2025-12-31', '2025-12', '2025-Q4', '2025-H2', '2025'],
    ],
    // the string order would put 2025-10 before 2025-9 days; dates do not
    [
      ['2025-10', '2025-09-30', '2025-Q3', '2025-02'],
      ['2025-02', '2025-09-30', '2025-Q3', '2025-10'],
    ],
    // periods no client should store sort first, so they are never the latest
    [
      ['2025', 'later', '2024', 'earlier'],
      ['earlier', 'later', '2024', '2025'],
    ],
  ])('orders %j as %j', (periods, ordered) => {
    expect([...periods].sort(comparePeriods)).toEqual(ordered);
    expect([...ordered].reverse().sort(comparePeriods)).toEqual(ordered);
  });

  it.each([
    [[], undefined],
    [['2024', '2025-H2', '2025-Q1'], '2025-H2'],
    [['2025-Q1', '2025-03-31', '2025-03'], '2025-Q1'],
    [['2025-12', '2025', '2025-Q4'], '2025'],
    [['2026-01-01', '2025'], '2026-01-01'],
    [['odd', '2020'], '2020'],
  ])('the latest of %j is %j', (periods, latest) => {
    const values = periods.map((period) => ({ period }));
    expect(latestByPeriod(values)?.period).toBe(latest);
  });
});
