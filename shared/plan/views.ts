// Computed views over a snapshot: pure functions, shown in the UI and in every report.
// Traffic lights as donors expect them: expected progress is the elapsed share of start..deadline,
// performance is progress / expected; green from 90 %, amber from 70 %, red below or overdue.
import { addDays, dayNumber } from '../calendar';
import type { Framework, FrameworkItem } from '../frameworks/types';
import { parseLinkKey } from '../frameworks';
import type { ActionStage, ActionStatus } from './model';
import { ACTION_STAGE_LIST, ACTION_STATUS_LIST } from './model';
import { latestByPeriod } from './periods';
import type { Action, Indicator, Objective, PlanSnapshot } from './schema';

export const TRAFFIC_LIGHTS = {
  /** performing: at least 90 % of the progress expected by now */
  green: 'green',
  /** behind: 70-90 % of expected */
  amber: 'amber',
  /** off track: under 70 % of expected, or overdue */
  red: 'red',
  /** cannot be judged: no dates, or cancelled */
  none: 'none',
} as const;
export type TrafficLight = keyof typeof TRAFFIC_LIGHTS;

const GREEN_FROM = 0.9;
const AMBER_FROM = 0.7;

export interface ActionHealth {
  readonly light: TrafficLight;
  /** share of start..deadline elapsed today, 0-1, or null without both dates */
  readonly expected: number | null;
  /** progress / expected progress, or null when it cannot be computed */
  readonly performance: number | null;
  /** past the deadline and neither completed nor cancelled */
  readonly overdue: boolean;
}

/**
 * An untitled action (a new one nobody has named yet, or one whose title was cleared) has an
 * empty title in the data; readers show a placeholder in their own language, so no language's
 * "New action" ever becomes a title.
 */
export function isUntitled(action: Pick<Action, 'title'>): boolean {
  return action.title.trim() === '';
}

export function band(ratio: number): Exclude<TrafficLight, 'none'> {
  if (ratio >= GREEN_FROM) return 'green';
  if (ratio >= AMBER_FROM) return 'amber';
  return 'red';
}

/** Elapsed share of start..deadline on `today`, clamped to 0-1; null without both dates. */
export function expectedProgress(
  action: Pick<Action, 'start' | 'deadline'>,
  today: string,
): number | null {
  if (!action.start || !action.deadline) return null;
  const start = dayNumber(action.start);
  const end = dayNumber(action.deadline);
  const now = dayNumber(today);
  if (end <= start) return now >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

export function isOverdue(action: Pick<Action, 'deadline' | 'status'>, today: string): boolean {
  return (
    action.deadline !== null &&
    today > action.deadline &&
    action.status !== 'completed' &&
    action.status !== 'cancelled'
  );
}

export function actionHealth(action: Action, today: string): ActionHealth {
  const overdue = isOverdue(action, today);
  const expected = expectedProgress(action, today);
  if (action.status === 'cancelled')
    return { light: 'none', expected, performance: null, overdue: false };
  if (action.status === 'completed')
    return { light: 'green', expected, performance: 1, overdue: false };
  if (overdue) {
    return {
      light: 'red',
      expected,
      performance: expected ? action.progress / 100 / expected : null,
      overdue,
    };
  }
  if (expected === null) return { light: 'none', expected, performance: null, overdue };
  // Nothing is expected before the start date: an action that has not begun is on track.
  if (expected === 0) return { light: 'green', expected, performance: null, overdue };
  const performance = action.progress / 100 / expected;
  return { light: band(performance), expected, performance, overdue };
}

export interface IndicatorProgress {
  /** the latest value, or null when none is recorded */
  readonly current: number | null;
  /** (current - baseline) / (target - baseline), or null when it cannot be computed */
  readonly ratio: number | null;
  readonly light: TrafficLight;
}

/** Progress to target of an indicator: its latest value measured against baseline and target. */
export function indicatorProgress(indicator: Indicator): IndicatorProgress {
  const latest = latestByPeriod(indicator.values);
  const current = latest ? latest.value : null;
  if (
    current === null ||
    indicator.baseline === null ||
    indicator.target === null ||
    indicator.target === indicator.baseline
  ) {
    return { current, ratio: null, light: 'none' };
  }
  const ratio = (current - indicator.baseline) / (indicator.target - indicator.baseline);
  return { current, ratio, light: band(ratio) };
}

/** Actions not in the trash. */
export function liveActions(snapshot: PlanSnapshot): Action[] {
  return snapshot.actions.filter((action) => action.deletedAt === null);
}

export function trash(snapshot: PlanSnapshot): Action[] {
  return snapshot.actions
    .filter((action) => action.deletedAt !== null)
    .sort((a, b) => (a.deletedAt! < b.deletedAt! ? 1 : -1));
}

/** Removed objectives (restorable), most recently removed first. */
export function removedObjectives(snapshot: PlanSnapshot): Objective[] {
  return snapshot.objectives
    .filter((objective) => objective.deletedAt !== null)
    .sort((a, b) => (a.deletedAt! < b.deletedAt! ? 1 : a.deletedAt! > b.deletedAt! ? -1 : 0));
}

export function liveObjectives(snapshot: PlanSnapshot): Objective[] {
  return snapshot.objectives.filter((objective) => objective.deletedAt === null);
}

export interface ObjectiveGroup {
  /** null for actions in no (live) objective */
  readonly objective: Objective | null;
  readonly actions: readonly Action[];
}

/** Live actions grouped under live objectives in order; the rest under `objective: null`, last. */
export function actionsByObjective(snapshot: PlanSnapshot): ObjectiveGroup[] {
  const objectives = liveObjectives(snapshot);
  const groups = new Map<string | null, Action[]>(
    objectives.map((objective) => [objective.id, []]),
  );
  groups.set(null, []);
  for (const action of liveActions(snapshot)) {
    const key =
      action.objectiveId !== null && groups.has(action.objectiveId) ? action.objectiveId : null;
    groups.get(key)!.push(action);
  }
  const out: ObjectiveGroup[] = objectives.map((objective) => ({
    objective,
    actions: groups.get(objective.id)!,
  }));
  const loose = groups.get(null)!;
  if (loose.length > 0) out.push({ objective: null, actions: loose });
  return out;
}

export function countByStatus(actions: readonly Action[]): Record<ActionStatus, number> {
  const counts = Object.fromEntries(ACTION_STATUS_LIST.map((status) => [status, 0])) as Record<
    ActionStatus,
    number
  >;
  for (const action of actions) counts[action.status]++;
  return counts;
}

export function countByStage(actions: readonly Action[]): Record<ActionStage, number> {
  const counts = Object.fromEntries(ACTION_STAGE_LIST.map((stage) => [stage, 0])) as Record<
    ActionStage,
    number
  >;
  for (const action of actions) counts[action.stage]++;
  return counts;
}

export function countByLight(
  actions: readonly Action[],
  today: string,
): Record<TrafficLight, number> {
  const counts: Record<TrafficLight, number> = { green: 0, amber: 0, red: 0, none: 0 };
  for (const action of actions) counts[actionHealth(action, today).light]++;
  return counts;
}

export interface GroupSummary {
  /** objective or organisation id; null for "none" */
  readonly id: string | null;
  readonly total: number;
  readonly completed: number;
  /** mean progress of the group's actions, 0-100 (cancelled actions left out) */
  readonly meanProgress: number;
  readonly overdue: number;
  readonly byStatus: Record<ActionStatus, number>;
}

function summarise(id: string | null, actions: readonly Action[], today: string): GroupSummary {
  const counted = actions.filter((action) => action.status !== 'cancelled');
  const progress = counted.reduce((sum, action) => sum + action.progress, 0);
  return {
    id,
    total: actions.length,
    completed: actions.filter((action) => action.status === 'completed').length,
    meanProgress: counted.length > 0 ? Math.round(progress / counted.length) : 0,
    overdue: actions.filter((action) => isOverdue(action, today)).length,
    byStatus: countByStatus(actions),
  };
}

/** Progress and counts per live objective (in order), then actions in no objective. */
export function summaryByObjective(snapshot: PlanSnapshot, today: string): GroupSummary[] {
  return actionsByObjective(snapshot).map((group) =>
    summarise(group.objective?.id ?? null, group.actions, today),
  );
}

/** Progress and counts per lead organisation (by name), then actions with no lead. */
export function summaryByLeadOrganisation(snapshot: PlanSnapshot, today: string): GroupSummary[] {
  const byLead = new Map<string | null, Action[]>();
  for (const action of liveActions(snapshot)) {
    const lead =
      action.leadOrgId !== null && snapshot.orgs.some((org) => org.id === action.leadOrgId)
        ? action.leadOrgId
        : null;
    byLead.set(lead, [...(byLead.get(lead) ?? []), action]);
  }
  const out = snapshot.orgs
    .filter((org) => byLead.has(org.id))
    .map((org) => summarise(org.id, byLead.get(org.id)!, today));
  if (byLead.has(null)) out.push(summarise(null, byLead.get(null)!, today));
  return out;
}

/** How far ahead "due soon" looks, in days (the dashboard's list and the table's filter). */
export const DUE_SOON_DAYS = 30;

/** The last day "due soon" reaches from `today`: compute once for a loop over the actions. */
export function dueSoonUntil(today: string, days = DUE_SOON_DAYS): string {
  return addDays(today, days);
}

/** An unfinished action whose deadline falls in [today, until]. */
export function isDueSoon(
  action: Pick<Action, 'deadline' | 'status'>,
  today: string,
  until: string,
): boolean {
  return (
    action.deadline !== null &&
    action.deadline >= today &&
    action.deadline <= until &&
    action.status !== 'completed' &&
    action.status !== 'cancelled'
  );
}

/** Live, unfinished actions whose deadline falls in [today, today + days]; soonest first. */
export function dueSoon(snapshot: PlanSnapshot, today: string, days = DUE_SOON_DAYS): Action[] {
  const until = dueSoonUntil(today, days);
  return liveActions(snapshot)
    .filter((action) => isDueSoon(action, today, until))
    .sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : 0));
}

/** Live overdue actions, longest overdue first. */
export function overdue(snapshot: PlanSnapshot, today: string): Action[] {
  return liveActions(snapshot)
    .filter((action) => isOverdue(action, today))
    .sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : 0));
}

export interface CoverageRow {
  readonly item: FrameworkItem;
  /** live actions linked to the item or to an item under it (an indicator under a target) */
  readonly actionIds: readonly string[];
}

/**
 * Which of a framework's countable items (its coverageKinds: SDG 8 targets, a national plan's
 * chapters) have live actions, and which have none.
 */
export function coverage(snapshot: PlanSnapshot, framework: Framework): CoverageRow[] {
  const parentOf = new Map(framework.items.map((item) => [item.code, item.parent]));
  const linked = new Map<string, Set<string>>();
  for (const action of liveActions(snapshot)) {
    for (const key of action.links) {
      const link = parseLinkKey(key);
      if (!link || link.frameworkId !== framework.id) continue;
      // Credit the item and each item above it: a link to indicator 8.7.1 covers target 8.7.
      const seen = new Set<string>();
      for (
        let code: string | undefined = link.code;
        code !== undefined && !seen.has(code);
        code = parentOf.get(code)
      ) {
        seen.add(code);
        const set = linked.get(code) ?? new Set<string>();
        set.add(action.id);
        linked.set(code, set);
      }
    }
  }
  return framework.items
    .filter((item) => framework.coverageKinds.includes(item.kind))
    .map((item) => ({ item, actionIds: [...(linked.get(item.code) ?? [])].sort() }));
}

/** A plan-defined framework in the built-in shape, so views and pickers treat both alike. */
export function frameworksOf(
  snapshot: Pick<PlanSnapshot, 'customFrameworks'>,
  builtIn: readonly Framework[],
): Framework[] {
  const custom = new Map(snapshot.customFrameworks.map((framework) => [framework.id, framework]));
  const merged: Framework[] = builtIn.map((framework) => {
    const entered = custom.get(framework.id);
    if (!entered) return framework;
    // A built-in shell (the national plan) whose items the plan's owners entered.
    return {
      ...framework,
      items: entered.items,
      coverageKinds: entered.coverageKinds as Framework['coverageKinds'],
    };
  });
  for (const framework of snapshot.customFrameworks) {
    if (!builtIn.some((candidate) => candidate.id === framework.id)) {
      merged.push({
        ...framework,
        coverageKinds: framework.coverageKinds as Framework['coverageKinds'],
      });
    }
  }
  return merged;
}
