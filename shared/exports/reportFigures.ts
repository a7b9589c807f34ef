// The figures and charts every report shows, computed once for the HTML and PDF layouts so that
// both say the same thing: summary numbers, bars for status, traffic lights, progress by
// objective and framework coverage.
import { HRAP_FRAMEWORK_ID, textIn, type Framework } from '../frameworks';
import { ACTION_STATUS_LIST, type ActionStatus } from '../plan/model';
import type { Action, Indicator, ProgressUpdate } from '../plan/schema';
import {
  actionHealth,
  actionsByObjective,
  countByLight,
  countByStatus,
  coverage,
  isOverdue,
  indicatorProgress,
  summaryByLeadOrganisation,
  summaryByObjective,
  type TrafficLight,
} from '../plan/views';
import type { ReportScope } from './reportScope';

/** Screen and print colours of the traffic lights (readable on white, distinct in greyscale). */
export const LIGHT_COLORS: Record<TrafficLight, string> = {
  green: '#2e7d32',
  amber: '#f9a825',
  red: '#c62828',
  none: '#9e9e9e',
};

export const STATUS_COLORS: Record<ActionStatus, string> = {
  planned: '#90a4ae',
  in_progress: '#1e88e5',
  completed: '#2e7d32',
  delayed: '#f9a825',
  cancelled: '#616161',
};

export const LIGHT_ORDER: readonly TrafficLight[] = ['green', 'amber', 'red', 'none'];

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** the value of a full bar */
  readonly max: number;
  readonly color: string;
  /** the figure printed beside the bar */
  readonly text: string;
}

export interface Chart {
  readonly title: string;
  readonly bars: readonly Bar[];
}

export interface SummaryFigure {
  readonly label: string;
  readonly value: string;
}

export function summaryFigures(scope: ReportScope): SummaryFigure[] {
  const { context } = scope;
  const live = scope.snapshot.actions.filter((action) => action.deletedAt === null);
  const counted = live.filter((action) => action.status !== 'cancelled');
  const mean =
    counted.length === 0
      ? 0
      : Math.round(counted.reduce((sum, action) => sum + action.progress, 0) / counted.length);
  const figures: SummaryFigure[] = [
    { label: context.t('summary.actions'), value: context.number(live.length) },
    {
      label: context.t('summary.completed'),
      value: context.number(live.filter((action) => action.status === 'completed').length),
    },
    {
      label: context.t('summary.overdue'),
      value: context.number(live.filter((action) => isOverdue(action, context.today)).length),
    },
    { label: context.t('summary.meanProgress'), value: `${context.number(mean)} %` },
  ];
  if (scope.period) {
    const updates = live.reduce((sum, action) => sum + action.updates.length, 0);
    figures.push({ label: context.t('summary.updatesInPeriod'), value: context.number(updates) });
  }
  return figures;
}

function live(scope: ReportScope): Action[] {
  return scope.snapshot.actions.filter((action) => action.deletedAt === null);
}

export function statusChart(scope: ReportScope): Chart {
  const { context } = scope;
  const counts = countByStatus(live(scope));
  const total = Math.max(1, ...Object.values(counts));
  return {
    title: context.t('section.status'),
    bars: ACTION_STATUS_LIST.map((status) => ({
      label: context.t(`plan:status.${status}`),
      value: counts[status],
      max: total,
      color: STATUS_COLORS[status],
      text: context.number(counts[status]),
    })),
  };
}

export function lightChart(scope: ReportScope): Chart {
  const { context } = scope;
  const counts = countByLight(live(scope), context.today);
  const total = Math.max(1, ...Object.values(counts));
  return {
    title: context.t('section.lights'),
    bars: LIGHT_ORDER.map((light) => ({
      label: context.t(`plan:light.${light}`),
      value: counts[light],
      max: total,
      color: LIGHT_COLORS[light],
      text: context.number(counts[light]),
    })),
  };
}

export function objectiveChart(scope: ReportScope): Chart {
  const { context } = scope;
  return {
    title: context.t('section.progressByObjective'),
    bars: summaryByObjective(scope.snapshot, context.today).map((group) => ({
      label: group.id === null ? context.t('noObjective') : context.objectiveTitle(group.id),
      value: group.meanProgress,
      max: 100,
      color: '#1e88e5',
      text: `${group.meanProgress} %`,
    })),
  };
}

/** The frameworks the plan reports against that have items: SDG 8 first, then the national plan. */
export function reportedFrameworks(scope: ReportScope): Framework[] {
  const inUse = new Set(scope.snapshot.meta.frameworks);
  const rank = (framework: Framework) =>
    framework.id === 'sdg8' ? 0 : framework.id === HRAP_FRAMEWORK_ID ? 1 : 2;
  return scope.context.frameworks
    .filter((framework) => inUse.has(framework.id) || framework.origin === 'plan')
    .filter((framework) => framework.items.length > 0)
    .sort((a, b) => rank(a) - rank(b));
}

/** Share of each reported framework's countable items (targets, chapters) with an action. */
export function coverageChart(scope: ReportScope): Chart {
  const { context } = scope;
  return {
    title: context.t('section.coverage'),
    bars: reportedFrameworks(scope).map((framework) => {
      const rows = coverage(scope.snapshot, framework);
      const covered = rows.filter((row) => row.actionIds.length > 0).length;
      return {
        label: textIn(framework.shortName, context.language),
        value: covered,
        max: Math.max(1, rows.length),
        color: '#00897b',
        text: context.t('coverage.coveredShare', { covered, total: rows.length }),
      };
    }),
  };
}

export function lightOf(action: Action, scope: ReportScope): TrafficLight {
  return actionHealth(action, scope.context.today).light;
}

/** Whether a framework's items were entered by the plan's owners (the national plan's chapters). */
export function enteredByOwners(scope: ReportScope, framework: Framework): boolean {
  return scope.snapshot.customFrameworks.some((custom) => custom.id === framework.id);
}

export interface OrganisationRow {
  readonly name: string;
  /** the organisation kind in the reader's words, or '' for "no lead" */
  readonly kind: string;
  readonly total: number;
  readonly completed: number;
  readonly meanProgress: number;
  readonly overdue: number;
}

/** Actions per lead organisation: how many, completed, mean progress, overdue. */
export function organisationRows(scope: ReportScope): OrganisationRow[] {
  const { context } = scope;
  const kinds = new Map(scope.snapshot.orgs.map((org) => [org.id, org.kind]));
  return summaryByLeadOrganisation(scope.snapshot, context.today).map((group) => ({
    name: group.id === null ? context.t('noLead') : context.orgName(group.id),
    kind: group.id === null ? '' : context.t(`plan:orgKind.${kinds.get(group.id) ?? 'other'}`),
    total: group.total,
    completed: group.completed,
    meanProgress: group.meanProgress,
    overdue: group.overdue,
  }));
}

export interface IndicatorRow {
  readonly action: Action;
  readonly indicator: Indicator;
  readonly current: number | null;
  /** progress to target in per cent, rounded to one decimal, or null */
  readonly percent: number | null;
  readonly light: TrafficLight;
}

/** Every indicator of the listed live actions with its progress to target. */
export function indicatorRows(scope: ReportScope): IndicatorRow[] {
  return scope.snapshot.actions
    .filter((action) => action.deletedAt === null)
    .flatMap((action) =>
      action.indicators.map((indicator) => {
        const progress = indicatorProgress(indicator);
        return {
          action,
          indicator,
          current: progress.current,
          percent: progress.ratio === null ? null : Math.round(progress.ratio * 1000) / 10,
          light: progress.light,
        };
      }),
    );
}

export interface ActionUpdates {
  readonly action: Action;
  /** newest first */
  readonly updates: readonly ProgressUpdate[];
}

export interface ObjectiveUpdates {
  /** the objective's title, or the report's "No objective" */
  readonly title: string;
  readonly actions: readonly ActionUpdates[];
}

/**
 * The progress updates a report lists, by objective and action in plan order: live actions with
 * at least one update the report covers (`scope.updatesOf`), each action's newest first.
 */
export function progressUpdateGroups(scope: ReportScope): ObjectiveUpdates[] {
  const { context } = scope;
  const groups: ObjectiveUpdates[] = [];
  for (const group of actionsByObjective(scope.snapshot)) {
    const actions = group.actions
      .map((action) => ({ action, updates: scope.updatesOf(action) }))
      .filter((entry) => entry.updates.length > 0);
    if (actions.length > 0)
      groups.push({
        title: group.objective ? group.objective.title : context.t('noObjective'),
        actions,
      });
  }
  return groups;
}

/** Evidence worth a link: an absolute http(s) URL; anything else is shown as text only. */
export function evidenceHref(evidence: string): string | null {
  try {
    const url = new URL(evidence.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `text` on one line, cut at a word boundary to at most `max` characters with an ellipsis. */
export function shortened(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
