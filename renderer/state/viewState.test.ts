import { describe, expect, it } from 'vitest';
import { formatViewState, NO_FILTERS, parseViewState, type ViewState } from './viewState';

const VIEW: ViewState = {
  planId: 'p-1',
  screen: 'actions',
  filters: {
    ...NO_FILTERS,
    text: 'forced labour',
    statuses: ['delayed'],
    link: 'sdg8:8.7',
    dueSoonOnly: true,
  },
  sort: 'deadline',
  descending: true,
  actionId: 'a-9',
};

describe('view state in the URL', () => {
  it('survives a round trip through the query string', () => {
    expect(parseViewState(formatViewState(VIEW))).toEqual(VIEW);
  });

  it.each([
    ['an unknown screen opens the actions', '?plan=p&view=nope', 'actions'],
    ['a known screen is kept', '?plan=p&view=dashboard', 'dashboard'],
  ])('%s', (_name, search, screen) => {
    expect(parseViewState(search).screen).toBe(screen);
  });

  it('drops values that are not in the closed sets', () => {
    const view = parseViewState(
      '?plan=p&status=delayed,bogus&stage=agreed,x&light=red,blue&sort=zzz',
    );
    expect(view.filters.statuses).toEqual(['delayed']);
    expect(view.filters.stages).toEqual(['agreed']);
    expect(view.filters.lights).toEqual(['red']);
    expect(view.sort).toBe('order');
  });

  it('writes nothing for the default view', () => {
    expect(
      formatViewState({
        ...VIEW,
        planId: null,
        filters: NO_FILTERS,
        sort: 'order',
        descending: false,
        actionId: null,
      }),
    ).toBe('');
  });
});
