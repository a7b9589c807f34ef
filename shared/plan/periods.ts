// The periods an indicator value is measured for: a year (2025), a half (2025-H2), a quarter
// (2025-Q1), a month (2025-03) or a day (2025-03-31). Every place that orders values or picks the
// latest one goes through comparePeriods, so the UI, the traffic lights and every export agree.

import { isIsoDate, monthSpan } from '../calendar';

/** The days a period covers, both inclusive, as `YYYY-MM-DD`. */
export interface PeriodDays {
  readonly from: string;
  readonly to: string;
}

/**
 * The days `period` covers: `2025` is the year, `2025-Q3` and `2025-H1` their months, `2025-06`
 * the month, `2025-06-15` the day; null for anything else (including days no calendar has).
 */
export function periodDays(period: string): PeriodDays | null {
  let match = /^(\d{4})$/.exec(period);
  if (match) return monthSpan(Number(match[1]), 1, 12);
  match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match) return monthSpan(Number(match[1]), Number(match[2]) * 3 - 2, 3);
  match = /^(\d{4})-H([12])$/.exec(period);
  if (match) return monthSpan(Number(match[1]), Number(match[2]) * 6 - 5, 6);
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (match) return monthSpan(Number(match[1]), Number(match[2]), 1);
  if (isIsoDate(period)) return { from: period, to: period };
  return null;
}

/** Whether `period` is one a value can be recorded for. */
export function isPeriod(period: string): boolean {
  return periodDays(period) !== null;
}

/**
 * Orders periods in time: by end date, then the later start first, so on a shared end date the
 * longer period comes last (2025-Q4, 2025-H2, 2025): a value stands for the state at its period's
 * end, and of two values ending together the one over the longer period is the consolidated
 * figure, reported after the shorter one (quarters, then the half, then the year, as logframes and
 * accounts lay them out). Periods this cannot read (stored by an older or foreign client) sort
 * first, by text, so they are never taken for the latest value.
 */
export function comparePeriods(a: string, b: string): number {
  const left = periodDays(a);
  const right = periodDays(b);
  if (!left || !right) return left ? 1 : right ? -1 : compareText(a, b);
  return compareText(left.to, right.to) || compareText(right.from, left.from) || compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value of the latest period (comparePeriods), or undefined when there is none. */
export function latestByPeriod<T extends { readonly period: string }>(
  values: readonly T[],
): T | undefined {
  let latest: T | undefined;
  for (const value of values) {
    if (latest === undefined || comparePeriods(value.period, latest.period) > 0) latest = value;
  }
  return latest;
}
