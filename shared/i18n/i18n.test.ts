import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../frameworks/types';
import { createI18n, formatDate, NAMESPACES } from './index';

function keysOf(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? [`${prefix}${key}`] : keysOf(child as object, `${prefix}${key}.`),
  );
}

describe('i18n catalogues', () => {
  for (const [namespace, byLanguage] of Object.entries(NAMESPACES)) {
    for (const language of LANGUAGES) {
      it(`${namespace}/${language} has every English key and no empty text`, () => {
        const catalogue = (byLanguage as Record<string, object>)[language]!;
        expect(keysOf(catalogue).sort()).toEqual(keysOf(byLanguage.en).sort());
        for (const key of keysOf(catalogue)) {
          const text = key
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
          expect(String(text).trim(), key).not.toBe('');
        }
      });
    }
  }

  it.each([
    ['en', 'Completed'],
    ['ru', 'Выполнено'],
    ['tk', 'Ýerine ýetirildi'],
  ] as const)('translates a status in %s', (language, expected) => {
    expect(createI18n(language).t('status.completed')).toBe(expected);
  });

  it("formats dates in the reader's language", () => {
    expect(formatDate('2025-06-15', 'en')).toBe('15 Jun 2025');
    expect(formatDate('2025-06-15', 'ru')).toMatch(/15 июн/);
  });
});
