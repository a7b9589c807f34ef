import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from '../../shared/frameworks';
import { searchItems } from './frameworkSearch';

describe('searchItems', () => {
  it.each([
    ['a code', '8.7', 'en', null, 'sdg8', '8.7'],
    ['an English word', 'forced labour', 'en', 'sdg8', 'sdg8', '8.7'],
    ['a Russian word in Russian', 'принудительн', 'ru', 'sdg8', 'sdg8', '8.7'],
    ['an English word on a Russian screen', 'trafficking', 'ru', 'sdg8', 'sdg8', '8.7'],
    ['an ILO convention', 'C029', 'en', null, 'ilo', 'C029'],
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
});
