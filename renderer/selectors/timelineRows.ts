// The timeline's rows: dated live actions under their objective, and the time span to draw
// (padded by two weeks each side, always including today), each bar with the action's traffic
// light, the one the table and reports show. Pure.
import { addDays, type IsoDate } from '../../shared/calendar';
import type { Action, Objective, PlanSnapshot } from '../../shared/plan/schema';
import { actionHealth, actionsByObjective, type TrafficLight } from '../../shared/plan/views';

const PADDING_DAYS = 15;

export type TimelineRow =
  | { readonly kind: 'objective'; readonly key: string; readonly objective: Objective | null }
  | {
      readonly kind: 'action';
      readonly key: string;
      readonly action: Action;
      readonly light: TrafficLight;
    };

export interface Timeline {
  readonly rows: readonly TimelineRow[];
  /** first and last day drawn */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** live actions with neither a start nor a deadline (not drawn) */
  readonly undated: number;
}

export function timeline(snapshot: PlanSnapshot, today: IsoDate): Timeline {
  const rows: TimelineRow[] = [];
  // ISO dates sort as text, so the span needs no date arithmetic until its ends are padded.
  let min = today;
  let max = today;
  let undated = 0;
  for (const group of actionsByObjective(snapshot)) {
    const dated = group.actions.filter((action) => action.start || action.deadline);
    undated += group.actions.length - dated.length;
    if (dated.length === 0) continue;
    rows.push({
      kind: 'objective',
      key: `o-${group.objective?.id ?? 'none'}`,
      objective: group.objective,
    });
    for (const action of dated) {
      const { light } = actionHealth(action, today);
      rows.push({ kind: 'action', key: action.id, action, light });
      for (const date of [action.start, action.deadline]) {
        if (!date) continue;
        if (date < min) min = date;
        if (date > max) max = date;
      }
    }
  }
  return {
    rows,
    from: addDays(min, -PADDING_DAYS),
    to: addDays(max, PADDING_DAYS),
    undated,
  };
}
