// The actions table's rows: live actions filtered, sorted within their objective, and flattened
// with one header row per objective, so one virtual list renders groups and actions alike. Pure.
import { compareRefs } from '../../shared/plan/refs';
import type { Action, Objective, PlanSnapshot } from '../../shared/plan/schema';
import { actionHealth, actionsByObjective, isOverdue, isUntitled } from '../../shared/plan/views';
import type { ActionFilters, SortKey } from '../state/viewState';

export type TableRow =
  | {
      readonly kind: 'objective';
      readonly key: string;
      readonly objective: Objective | null;
      readonly count: number;
    }
  | { readonly kind: 'action'; readonly key: string; readonly action: Action };

const STATUS_ORDER = ['delayed', 'in_progress', 'planned', 'completed', 'cancelled'];

/** `untitled`: the reader's placeholder for an untitled action, which search reads as its title. */
export function matches(
  action: Action,
  filters: ActionFilters,
  today: string,
  untitled = '',
): boolean {
  if (filters.statuses.length && !filters.statuses.includes(action.status)) return false;
  if (filters.stages.length && !filters.stages.includes(action.stage)) return false;
  if (filters.overdueOnly && !isOverdue(action, today)) return false;
  if (
    filters.orgId &&
    action.leadOrgId !== filters.orgId &&
    !action.partnerOrgIds.includes(filters.orgId)
  ) {
    return false;
  }
  if (filters.link && !action.links.includes(filters.link)) return false;
  if (filters.lights.length && !filters.lights.includes(actionHealth(action, today).light)) {
    return false;
  }
  if (filters.text) {
    const needle = filters.text.toLocaleLowerCase();
    if (
      !(isUntitled(action) ? untitled : action.title).toLocaleLowerCase().includes(needle) &&
      !action.ref.toLocaleLowerCase().includes(needle) &&
      !action.description.toLocaleLowerCase().includes(needle)
    ) {
      return false;
    }
  }
  return true;
}

function comparator(sort: SortKey): ((a: Action, b: Action) => number) | null {
  switch (sort) {
    case 'order':
      return null;
    case 'ref':
      return (a, b) => compareRefs(a.ref, b.ref);
    case 'title':
      return (a, b) => a.title.localeCompare(b.title);
    case 'deadline':
      // Actions without a deadline go last whichever way.
      return (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');
    case 'progress':
      return (a, b) => a.progress - b.progress;
    case 'status':
      return (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
  }
}

export function tableRows(
  snapshot: PlanSnapshot,
  filters: ActionFilters,
  sort: SortKey,
  descending: boolean,
  today: string,
  untitled = '',
): TableRow[] {
  const compare = comparator(sort);
  const rows: TableRow[] = [];
  for (const group of actionsByObjective(snapshot)) {
    let actions = group.actions.filter((action) => matches(action, filters, today, untitled));
    if (compare) actions = [...actions].sort(compare);
    if (descending) actions = compare ? actions.reverse() : [...actions].reverse();
    rows.push({
      kind: 'objective',
      key: `objective-${group.objective?.id ?? 'none'}`,
      objective: group.objective,
      count: actions.length,
    });
    for (const action of actions) rows.push({ kind: 'action', key: action.id, action });
  }
  return rows;
}
