import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from '../../shared/frameworks';
import { allBuiltInFrameworks } from '../../shared/frameworks/all';
import { searchItems } from './frameworkSearch';

describe('searchItems', () => {
  it.each([
    ['a code', '8.7', 'en', null, 'sdg8', '8.7'],
    ['an English word', 'forced labour', 'en', 'sdg8', 'sdg8', '8.7'],
    ['a Russian word in Russian', 'принудительн', 'ru', 'sdg8', 'sdg8', '8.7'],
    ['an English word on a Russian screen', 'trafficking', 'ru', 'sdg8', 'sdg8', '8.7'],
    ['an ILO convention', 'C029', 'en', null, 'ilo', 'C029'],
    ['a Turkmen word typed without its letters', 'mejbury zahmeti', 'tk', 'sdg8', 'sdg8', '8.7'],
  ] as const)('finds %s', (_name, query, language, frameworkId, expectedFramework, code) => {
    const found = searchItems(builtInFrameworks, query, language, frameworkId);
    expect(
      found.some((item) => item.framework.id === expectedFramework && item.code === code),
    ).toBe(true);
  });

  it('keeps to the chosen framework', () => {
    const found = searchItems(builtInFrameworks, '', 'en', 'ungp');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((item) => item.framework.id === 'ungp')).toBe(true);
  });

  it('shows the featured targets (trafficking, forced labour, supply chains) first', () => {
    const found = searchItems(allBuiltInFrameworks, '', 'en', null);
    expect(found.slice(0, 6).map((item) => `${item.framework.id}:${item.code}`)).toEqual(
      ['5.2', '8.7', '8.8', '10.7', '12.7', '16.2'].map((code) => `sdg:${code}`),
    );
    expect(found.slice(0, 6).every((item) => item.featured)).toBe(true);
    expect(found[6]).toMatchObject({ code: '8', featured: false });
    expect(found.filter((item) => item.framework.id === 'sdg' && item.code === '8.7')).toHaveLength(
      1,
    );
  });

  it('keeps featured targets first within a search and a chosen framework', () => {
    const found = searchItems(allBuiltInFrameworks, 'traffick', 'en', 'sdg');
    expect(found[0]).toMatchObject({ code: '5.2', featured: true });
    expect(found.map((item) => item.code)).toContain('16.2.2');
  });
});
