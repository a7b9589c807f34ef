// UI-only state, no plan data: the view of viewState.ts, mirrored into the URL on every change so
// reload and shared links restore it; the browser's back button restores the previous view.
import { create } from 'zustand';
import {
  formatViewState,
  NO_FILTERS,
  parseViewState,
  type ActionFilters,
  type Screen,
  type ViewState,
} from './viewState';

export const useViewStore = create<ViewState>()(() => parseViewState(location.search));

/** Changes the view; a new screen or plan is a history entry, a filter keystroke is not. */
export function setView(changes: Partial<ViewState>): void {
  const before = useViewStore.getState();
  const next = { ...before, ...changes };
  useViewStore.setState(next);
  const url = `${location.pathname}${formatViewState(next)}`;
  if (next.planId !== before.planId || next.screen !== before.screen) {
    history.pushState(null, '', url);
  } else {
    history.replaceState(null, '', url);
  }
}

export const openScreen = (screen: Screen) => setView({ screen });
export const openAction = (actionId: string | null) => setView({ actionId });
export const setFilters = (changes: Partial<ActionFilters>) =>
  setView({ filters: { ...useViewStore.getState().filters, ...changes } });
export const clearFilters = () => setView({ filters: NO_FILTERS });
export const openPlanView = (planId: string | null) =>
  setView({ planId, screen: 'actions', actionId: null, filters: NO_FILTERS, sort: 'order' });

window.addEventListener('popstate', () => useViewStore.setState(parseViewState(location.search)));
