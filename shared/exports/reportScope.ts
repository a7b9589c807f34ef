// What one report covers: the plan narrowed to a reporting period, the actions it lists (all live
// actions, or only those that changed since a date or a saved version) and the reader's context.
import { ACTION_COLUMNS, type ActionColumn } from './actionColumns';
import type { Action, PlanSnapshot, ProgressUpdate } from '../plan/schema';
import { liveActions } from '../plan/views';
import { changesSinceDate, planChanges, type ActionChange, type PlanChanges } from './planChanges';
import { reportContext, type ReportContext } from './reportContext';
import { withinPeriod, type ReportPeriod } from './reportPeriod';
import type { Language } from '../frameworks';

export const ACTION_CHANGE_KINDS = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
} as const;
export type ActionChangeKind = keyof typeof ACTION_CHANGE_KINDS;

export interface ReportScope {
  /** the plan, with progress updates and indicator values narrowed to the period */
  readonly snapshot: PlanSnapshot;
  readonly period: ReportPeriod | null;
  readonly changes: PlanChanges | null;
  /** the columns of an action row (CSV, the workbook's Actions sheet): ids only when asked */
  readonly columns: readonly ActionColumn[];
  /** the actions the report lists, in plan order */
  readonly actions: readonly Action[];
  readonly context: ReportContext;
  /** how an action listed in a "changes since" report changed */
  readonly changeOf: (actionId: string) => { kind: ActionChangeKind; change?: ActionChange } | null;
  /**
   * An action's progress updates the report covers, newest first: those in the period (all, for
   * the whole plan) and, in a "what changed since" report, only those since the date or not in
   * the saved version.
   */
  readonly updatesOf: (action: Action) => readonly ProgressUpdate[];
}

/** Newest first; updates of one day keep their recorded order, the later one first. */
function newestFirst(updates: readonly ProgressUpdate[]): ProgressUpdate[] {
  return updates
    .map((update, index) => ({ update, index }))
    .sort((a, b) =>
      a.update.at === b.update.at ? b.index - a.index : a.update.at < b.update.at ? 1 : -1,
    )
    .map((entry) => entry.update);
}

function updatesSince(since: PlanSnapshot | string): (update: ProgressUpdate) => boolean {
  if (typeof since === 'string') return (update) => update.at >= since;
  const known = new Set(since.actions.flatMap((action) => action.updates.map((u) => u.id)));
  return (update) => !known.has(update.id);
}

export interface ScopeOptions {
  readonly language: Language;
  readonly today: string;
  readonly period?: ReportPeriod;
  readonly changesSince?: PlanSnapshot | string;
  /** list each action's internal id too (ACTION_COLUMNS' `id`) */
  readonly includeIds?: boolean;
}

export function reportScope(plan: PlanSnapshot, options: ScopeOptions): ReportScope {
  const snapshot = options.period ? withinPeriod(plan, options.period) : plan;
  const since = options.changesSince;
  const changes =
    since === undefined
      ? null
      : typeof since === 'string'
        ? changesSinceDate(plan, since)
        : planChanges(since, plan);
  const context = reportContext(snapshot, options.language, options.today);
  const columns = options.includeIds
    ? ACTION_COLUMNS
    : ACTION_COLUMNS.filter((column) => column.key !== 'id');
  if (!changes) {
    return {
      snapshot,
      period: options.period ?? null,
      changes,
      actions: liveActions(snapshot),
      context,
      columns,
      changeOf: () => null,
      updatesOf: (action) => newestFirst(action.updates),
    };
  }
  const kinds = new Map<string, { kind: ActionChangeKind; change?: ActionChange }>();
  for (const action of changes.added) kinds.set(action.id, { kind: 'added' });
  for (const action of changes.removed) kinds.set(action.id, { kind: 'removed' });
  for (const change of changes.changed) kinds.set(change.action.id, { kind: 'changed', change });
  const byId = new Map(snapshot.actions.map((action) => [action.id, action]));
  const isNew = since === undefined ? () => true : updatesSince(since);
  const listed = snapshot.actions.filter((action) => kinds.has(action.id));
  // A purged action is no longer in the plan: list it as it was in the saved version.
  const purged = changes.removed.filter((action) => !byId.has(action.id));
  return {
    snapshot,
    period: options.period ?? null,
    changes,
    actions: [...listed, ...purged],
    context,
    columns,
    changeOf: (actionId) => kinds.get(actionId) ?? null,
    updatesOf: (action) => newestFirst(action.updates.filter(isNew)),
  };
}

/** "Changed: status: Planned → In progress; deadline: …" in the reader's words. */
export function describeChange(
  entry: { kind: ActionChangeKind; change?: ActionChange },
  context: ReportContext,
): string {
  const label = context.t(`change.${entry.kind}`);
  if (!entry.change) return label;
  const parts = entry.change.changes.map((change) => {
    const field = context.t(`change.${change.field}`);
    if (change.field === 'other') return field;
    const show = (value: string | number | null): string => {
      if (value === null) return context.t('none');
      if (change.field === 'status') return context.t(`plan:status.${value}`);
      if (change.field === 'progress') return `${value} %`;
      if (change.field === 'deadline') return context.date(String(value));
      return context.orgName(String(value));
    };
    return context.t('change.fromTo', { field, from: show(change.from), to: show(change.to) });
  });
  return `${label}: ${parts.join('; ')}`;
}
