// The actions table's rows: live actions filtered, sorted within their objective, and flattened
// with one header row per objective, so one virtual list renders groups and actions alike. Pure.
import { compareRefs } from '../../shared/plan/refs';
import { matchesWords, searchKey, searchWords } from '../../shared/search';
import type { Action, Objective, PlanSnapshot } from '../../shared/plan/schema';
import {
  actionHealth,
  actionsByObjective,
  dueSoonUntil,
  isDueSoon,
  isOverdue,
  isUntitled,
} from '../../shared/plan/views';
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

/** What the filters read besides the action, worked out once per table: names, dates. */
export interface FilterContext {
  readonly words: readonly string[];
  /** organisation id to its folded name */
  readonly orgKeys: ReadonlyMap<string, string>;
  /** the reader's placeholder for an untitled action, folded: search reads it as the title */
  readonly untitledKey: string;
  /** the last day "due soon" reaches */
  readonly dueSoonUntil: string;
}

export function filterContext(
  snapshot: PlanSnapshot,
  text: string,
  today: string,
  untitled = '',
): FilterContext {
  const words = searchWords(text);
  return {
    dueSoonUntil: dueSoonUntil(today),
    words,
    orgKeys: new Map(words.length ? snapshot.orgs.map((org) => [org.id, searchKey(org.name)]) : []),
    untitledKey: searchKey(untitled),
  };
}

/**
 * The folded text of an action's own words (ref, title, description, progress notes), kept per
 * snapshot object: snapshots are immutable and an unchanged action keeps its object, so a
 * keystroke folds only what changed, not 10,000 actions.
 */
const ownKeys = new WeakMap<Action, string>();
function ownKey(action: Action): string {
  let key = ownKeys.get(action);
  if (key === undefined) {
    key = searchKey(
      [action.ref, action.title, action.description, ...action.updates.map((u) => u.note)].join(
        '\n',
      ),
    );
    ownKeys.set(action, key);
  }
  return key;
}

function matchesText(action: Action, search: FilterContext): boolean {
  if (!search.words.length) return true;
  const orgs = [action.leadOrgId, ...action.partnerOrgIds].map(
    (id) => (id && search.orgKeys.get(id)) ?? '',
  );
  const key = [ownKey(action), isUntitled(action) ? search.untitledKey : '', ...orgs].join('\n');
  return matchesWords(search.words, key);
}

export function matches(
  action: Action,
  filters: ActionFilters,
  today: string,
  context: FilterContext,
): boolean {
  if (filters.statuses.length && !filters.statuses.includes(action.status)) return false;
  if (filters.stages.length && !filters.stages.includes(action.stage)) return false;
  if (filters.overdueOnly && !isOverdue(action, today)) return false;
  if (filters.dueSoonOnly && !isDueSoon(action, today, context.dueSoonUntil)) return false;
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
  return matchesText(action, context);
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
  const context = filterContext(snapshot, filters.text, today, untitled);
  const rows: TableRow[] = [];
  for (const group of actionsByObjective(snapshot)) {
    let actions = group.actions.filter((action) => matches(action, filters, today, context));
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
