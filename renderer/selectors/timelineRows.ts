// The timeline's rows: dated live actions under their objective, and the time span to draw
// (padded by two weeks each side, always including today). Pure.
import type { Action, Objective, PlanSnapshot } from '../../shared/plan/schema';
import { actionsByObjective } from '../../shared/plan/views';

const DAY_MS = 86_400_000;
const PADDING_MS = 15 * DAY_MS;

export type TimelineRow =
  | { readonly kind: 'objective'; readonly key: string; readonly objective: Objective | null }
  | { readonly kind: 'action'; readonly key: string; readonly action: Action };

export interface Timeline {
  readonly rows: readonly TimelineRow[];
  /** ms since the epoch */
  readonly from: number;
  readonly to: number;
  /** live actions with neither a start nor a deadline (not drawn) */
  readonly undated: number;
}

export function timeline(snapshot: PlanSnapshot, today: string): Timeline {
  const rows: TimelineRow[] = [];
  let min = Date.parse(today);
  let max = min;
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
      rows.push({ kind: 'action', key: action.id, action });
      for (const date of [action.start, action.deadline]) {
        if (!date) continue;
        const time = Date.parse(date);
        if (time < min) min = time;
        if (time > max) max = time;
      }
    }
  }
  return { rows, from: min - PADDING_MS, to: max + PADDING_MS, undated };
}
