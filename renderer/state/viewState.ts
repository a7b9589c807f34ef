// What the user is looking at: screen, filters, search, sort and the open action. Kept in the URL
// so it survives a reload and can be shared as a link; parsing is total (a bad link shows the
// default view instead of failing).
import { ACTION_STAGE_LIST, ACTION_STATUS_LIST } from '../../shared/plan/model';
import type { ActionStage, ActionStatus } from '../../shared/plan/model';
import { TRAFFIC_LIGHTS, type TrafficLight } from '../../shared/plan/views';

export const SCREENS = {
  /** the actions table, grouped by objective */
  actions: 'actions',
  dashboard: 'dashboard',
  timeline: 'timeline',
  organisations: 'organisations',
  frameworks: 'frameworks',
  /** removed actions, to restore */
  trash: 'trash',
  /** plan settings and members */
  plan: 'plan',
} as const;
export type Screen = keyof typeof SCREENS;
const SCREEN_LIST = Object.keys(SCREENS) as Screen[];

export const SORT_KEYS = {
  /** the plan's own order */
  order: 'order',
  ref: 'ref',
  title: 'title',
  deadline: 'deadline',
  progress: 'progress',
  status: 'status',
} as const;
export type SortKey = keyof typeof SORT_KEYS;
const SORT_LIST = Object.keys(SORT_KEYS) as SortKey[];
const LIGHT_LIST = Object.keys(TRAFFIC_LIGHTS) as TrafficLight[];

export interface ActionFilters {
  readonly text: string;
  readonly statuses: readonly ActionStatus[];
  readonly stages: readonly ActionStage[];
  readonly lights: readonly TrafficLight[];
  /** lead or partner organisation id */
  readonly orgId: string | null;
  /** a framework link key `frameworkId:code` */
  readonly link: string | null;
  readonly overdueOnly: boolean;
  /** unfinished, with a deadline in the next DUE_SOON_DAYS days */
  readonly dueSoonOnly: boolean;
}

export interface ViewState {
  readonly planId: string | null;
  readonly screen: Screen;
  readonly filters: ActionFilters;
  readonly sort: SortKey;
  readonly descending: boolean;
  /** the action open in the detail panel */
  readonly actionId: string | null;
}

export const NO_FILTERS: ActionFilters = {
  text: '',
  statuses: [],
  stages: [],
  lights: [],
  orgId: null,
  link: null,
  overdueOnly: false,
  dueSoonOnly: false,
};

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const list = <T extends string>(key: string, allowed: readonly T[]): T[] =>
    (params.get(key) ?? '').split(',').filter((value): value is T => allowed.includes(value as T));
  const screen = params.get('view');
  const sort = params.get('sort');
  return {
    planId: params.get('plan'),
    screen: SCREEN_LIST.includes(screen as Screen) ? (screen as Screen) : 'actions',
    filters: {
      text: params.get('q') ?? '',
      statuses: list('status', ACTION_STATUS_LIST),
      stages: list('stage', ACTION_STAGE_LIST),
      lights: list('light', LIGHT_LIST),
      orgId: params.get('org'),
      link: params.get('link'),
      overdueOnly: params.get('overdue') === '1',
      dueSoonOnly: params.get('due') === 'soon',
    },
    sort: SORT_LIST.includes(sort as SortKey) ? (sort as SortKey) : 'order',
    descending: params.get('desc') === '1',
    actionId: params.get('action'),
  };
}

export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.planId) params.set('plan', state.planId);
  if (state.planId && state.screen !== 'actions') params.set('view', state.screen);
  const { filters } = state;
  if (filters.text) params.set('q', filters.text);
  if (filters.statuses.length) params.set('status', filters.statuses.join(','));
  if (filters.stages.length) params.set('stage', filters.stages.join(','));
  if (filters.lights.length) params.set('light', filters.lights.join(','));
  if (filters.orgId) params.set('org', filters.orgId);
  if (filters.link) params.set('link', filters.link);
  if (filters.overdueOnly) params.set('overdue', '1');
  if (filters.dueSoonOnly) params.set('due', 'soon');
  if (state.sort !== 'order') params.set('sort', state.sort);
  if (state.descending) params.set('desc', '1');
  if (state.actionId) params.set('action', state.actionId);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(filters: ActionFilters): boolean {
  return (
    filters.text !== '' ||
    filters.statuses.length > 0 ||
    filters.stages.length > 0 ||
    filters.lights.length > 0 ||
    filters.orgId !== null ||
    filters.link !== null ||
    filters.overdueOnly ||
    filters.dueSoonOnly
  );
}
