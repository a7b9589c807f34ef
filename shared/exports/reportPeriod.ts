// A reporting period: the progress updates and indicator values that fall in it. Actions, their
// current status and the plan's structure stay whole; only the dated records are narrowed.
import { monthSpan } from '../calendar';
import type { Indicator, PlanSnapshot } from '../plan/schema';

export interface ReportPeriod {
  /** first day, `YYYY-MM-DD` */
  readonly from: string;
  /** last day, inclusive */
  readonly to: string;
}

/**
 * The days an indicator value's period covers: `2025` is the year, `2025-Q3` and `2025-H1` their
 * months, `2025-06` the month, `2025-06-15` the day; null for a period this cannot read.
 */
export function daysOfPeriod(period: string): ReportPeriod | null {
  let match = /^(\d{4})$/.exec(period);
  if (match) return monthSpan(Number(match[1]), 1, 12);
  match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match) return monthSpan(Number(match[1]), Number(match[2]) * 3 - 2, 3);
  match = /^(\d{4})-H([12])$/.exec(period);
  if (match) return monthSpan(Number(match[1]), Number(match[2]) * 6 - 5, 6);
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (match) return monthSpan(Number(match[1]), Number(match[2]), 1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return { from: period, to: period };
  return null;
}

/** Whether a value's period overlaps the reporting period. */
export function overlaps(period: string, report: ReportPeriod): boolean {
  const days = daysOfPeriod(period);
  return days !== null && days.from <= report.to && days.to >= report.from;
}

function indicatorInPeriod(indicator: Indicator, period: ReportPeriod): Indicator {
  const values = indicator.values.filter((value) => overlaps(value.period, period));
  return values.length === indicator.values.length ? indicator : { ...indicator, values };
}

/** The snapshot with progress updates and indicator values narrowed to the period. */
export function withinPeriod(snapshot: PlanSnapshot, period: ReportPeriod): PlanSnapshot {
  return {
    ...snapshot,
    actions: snapshot.actions.map((action) => ({
      ...action,
      updates: action.updates.filter(
        (update) => update.at >= period.from && update.at <= period.to,
      ),
      indicators: action.indicators.map((indicator) => indicatorInPeriod(indicator, period)),
    })),
  };
}
