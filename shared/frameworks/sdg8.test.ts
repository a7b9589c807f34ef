import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findItem, itemTitle } from './index';
import { sdg8 } from './sdg8';
import { LANGUAGES, type Language } from './types';

// The reference copy lives in a folder beside the repository and is not to be copied into it:
// where a checkout has no such folder, the checks against it skip.
const REFERENCE = new URL('../../../shared/reference/sdg8.yml', import.meta.url);
type ReferenceTexts = Record<Language, Record<string, string>>;
const hasReference = existsSync(REFERENCE);
const reference = (
  hasReference ? parse(readFileSync(REFERENCE, 'utf8')) : { en: {}, ru: {}, tk: {} }
) as ReferenceTexts;

const CURRENT_8_9_2 = 'Employed persons in the tourism industries';

// Every way a shipped title departs from the reference, besides collapsing double spaces in
// Russian; each is also said in sdg8.source.corrections. `undefined` means deliberately omitted.
const CORRECTIONS: readonly {
  code: string;
  language: Language;
  shipped: (referenceText: string) => string | undefined;
}[] = [
  { code: '8.9.2', language: 'en', shipped: () => CURRENT_8_9_2 },
  { code: '8.9.2', language: 'ru', shipped: () => undefined },
  { code: '8.9.2', language: 'tk', shipped: () => undefined },
  { code: '8.1', language: 'tk', shipped: (text) => text.replace('iň ösen', 'iň az ösen') },
];

function referenceKey(code: string): string {
  const parts = code.split('.');
  const file = ['global_goals', 'global_targets', 'global_indicators'][parts.length - 1];
  return `${file}:${parts.join('-')}-title`;
}

function expectedTitle(code: string, language: Language): string | undefined {
  const text = reference[language][referenceKey(code)];
  if (text === undefined) throw new Error(`no reference text for ${code} (${language})`);
  const correction = CORRECTIONS.find((c) => c.code === code && c.language === language);
  const corrected = correction ? correction.shipped(text) : text;
  return language === 'ru' ? corrected?.replace(/ {2,}/g, ' ') : corrected;
}

const itemsOfKind = (kind: string) => sdg8.items.filter((item) => item.kind === kind);

describe('SDG 8', () => {
  it('has one goal, 12 targets and 17 indicators', () => {
    expect(itemsOfKind('goal').map((item) => item.code)).toEqual(['8']);
    expect(itemsOfKind('target').map((item) => item.code)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'a', 'b'].map((t) => `8.${t}`),
    );
    expect(itemsOfKind('indicator')).toHaveLength(17);
    expect(sdg8.items).toHaveLength(30);
  });

  it('puts every target under the goal and every indicator under the target its code names', () => {
    for (const target of itemsOfKind('target')) expect(target.parent).toBe('8');
    for (const indicator of itemsOfKind('indicator')) {
      const target = indicator.code.split('.').slice(0, 2).join('.');
      expect(indicator.parent).toBe(target);
      expect(findItem(sdg8, target)?.kind).toBe('target');
    }
  });

  it('has every title in English, Russian and Turkmen except 8.9.2, which falls back to English', () => {
    for (const item of sdg8.items) {
      const missing = LANGUAGES.filter((language) => item.title[language] === undefined);
      expect(missing, item.code).toEqual(item.code === '8.9.2' ? ['ru', 'tk'] : []);
    }
    const indicator = findItem(sdg8, '8.9.2');
    expect(indicator && itemTitle(indicator, 'ru')).toBe(CURRENT_8_9_2);
    expect(indicator && itemTitle(indicator, 'tk')).toBe(CURRENT_8_9_2);
  });

  it('ships the current UN English text of indicator 8.9.2', () => {
    expect(findItem(sdg8, '8.9.2')?.title.en).toBe(CURRENT_8_9_2);
  });

  it("corrects the Turkmen text of target 8.1 to 'least developed'", () => {
    const title = findItem(sdg8, '8.1')?.title.tk;
    expect(title).toContain('iň az ösen');
    expect(title?.replaceAll('iň az ösen', '')).not.toContain('iň ösen');
  });

  it('says every correction in its source', () => {
    const said = sdg8.source.corrections?.join('\n') ?? '';
    for (const phrase of [
      '8.9.2 (en)',
      '8.9.2 (ru, tk)',
      '8.1 (tk)',
      'Достойная',
      'double spaces',
    ]) {
      expect(said).toContain(phrase);
    }
    expect(sdg8.source.title).toContain('native speaker');
    expect(sdg8.source.licence).toContain('MIT');
  });

  it('counts targets for coverage', () => {
    expect(sdg8.coverageKinds).toEqual(['target']);
  });
});

describe.skipIf(!hasReference)(
  hasReference
    ? 'SDG 8 against the reference copy'
    : 'SKIPPED: SDG 8 against the reference copy (../shared/reference/sdg8.yml beside the repository is not on this machine)',
  () => {
    it('ships the reference text of every title apart from the listed corrections', () => {
      for (const item of sdg8.items) {
        for (const language of LANGUAGES) {
          expect(item.title[language], `${item.code} (${language})`).toBe(
            expectedTitle(item.code, language),
          );
        }
      }
    });

    it('has a listed correction only where it changes the reference text', () => {
      for (const { code, language, shipped } of CORRECTIONS) {
        const text = reference[language][referenceKey(code)] ?? '';
        expect(shipped(text), `${code} (${language})`).not.toBe(text);
      }
    });

    it('has an item for every SDG 8 text in the reference', () => {
      for (const language of LANGUAGES) {
        const titleKeys = Object.keys(reference[language]).filter((key) => key.endsWith('-title'));
        expect(titleKeys.sort()).toEqual(sdg8.items.map((item) => referenceKey(item.code)).sort());
      }
    });

    it("is named after the goal's short title, with the Russian typo corrected", () => {
      expect(sdg8.name).toEqual({
        en: reference.en['global_goals:8-short'],
        ru: reference.ru['global_goals:8-short']?.replace('Достойна ', 'Достойная '),
        tk: reference.tk['global_goals:8-short'],
      });
    });
  },
);
