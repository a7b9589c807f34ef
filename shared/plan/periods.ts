// The periods an indicator value is measured for: a year (2025), a half (2025-H2), a quarter
// (2025-Q1), a month (2025-03) or a day (2025-03-31). Every place that orders values or picks the
// latest one goes through comparePeriods, so the UI, the traffic lights and every export agree.

/** The days a period covers, both inclusive, as `YYYY-MM-DD`. */
export interface PeriodDays {
  readonly from: string;
  readonly to: string;
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'] as const;
const HALF_END = ['06-30', '12-31'] as const;

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The days `period` covers: `2025` is the year, `2025-Q3` and `2025-H1` their months, `2025-06`
 * the month, `2025-06-15` the day; null for anything else (including days no calendar has).
 */
export function periodDays(period: string): PeriodDays | null {
  let match = /^(\d{4})$/.exec(period);
  if (match) return { from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match) {
    const quarter = Number(match[2]);
    const firstMonth = String(quarter * 3 - 2).padStart(2, '0');
    return { from: `${match[1]}-${firstMonth}-01`, to: `${match[1]}-${QUARTER_END[quarter - 1]}` };
  }
  match = /^(\d{4})-H([12])$/.exec(period);
  if (match) {
    const half = Number(match[2]);
    return {
      from: `${match[1]}-${half === 1 ? '01' : '07'}-01`,
      to: `${match[1]}-${HALF_END[half - 1]}`,
    };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (match) {
    const last = lastDayOfMonth(Number(match[1]), Number(match[2]));
    return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(period);
  if (match) {
    const day = Number(match[3]);
    if (day < 1 || day > lastDayOfMonth(Number(match[1]), Number(match[2]))) return null;
    return { from: period, to: period };
  }
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
