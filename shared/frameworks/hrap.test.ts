import { describe, expect, it } from 'vitest';
import { hrap, HRAP_FRAMEWORK_ID } from './hrap';

describe('national Human Rights Action Plan 2021-2025', () => {
  it('ships no items, so no official text is invented', () => {
    expect(hrap.items).toEqual([]);
  });

  it('keeps the id under which a plan stores the items its owners enter', () => {
    expect(hrap.id).toBe('hrap-tm-2021');
    expect(HRAP_FRAMEWORK_ID).toBe(hrap.id);
    expect(hrap.origin).toBe('builtin');
  });

  it.each([
    '16 April 2021',
    'Interdepartmental Commission',
    'results matrix of tasks and indicators',
    "entered or imported by each plan's owners",
  ])('states in its source: %s', (fact) => {
    expect(hrap.source.title).toContain(fact);
  });
});
