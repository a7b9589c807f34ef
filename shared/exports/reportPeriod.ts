// A reporting period: the progress updates and indicator values that fall in it. Actions, their
// current status and the plan's structure stay whole; only the dated records are narrowed.
import { periodDays } from '../plan/periods';
import type { Indicator, PlanSnapshot } from '../plan/schema';

export interface ReportPeriod {
  /** first day, `YYYY-MM-DD` */
  readonly from: string;
  /** last day, inclusive */
  readonly to: string;
}

/** Whether a value's period overlaps the reporting period. */
export function overlaps(period: string, report: ReportPeriod): boolean {
  const days = periodDays(period);
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
