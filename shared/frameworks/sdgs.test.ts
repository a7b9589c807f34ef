import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildSdgs,
  CURRENT_8_9_2,
  FEATURED_TARGETS,
  LEAST_DEVELOPED_FIXES,
  referenceKey,
  SDG_CORRECTIONS,
  type SdgReference,
} from '../../tests/frameworks/sdgsFromReference';
import { allBuiltInFrameworks } from './all';
import { findItem, isBuiltInItem, itemTitle, SDGS_FRAMEWORK_ID } from './index';
import { sdg8 } from './sdg8';
import { SDG_CODES } from './sdgCodes';
import { sdgs } from './sdgs';
import { LANGUAGES } from './types';

// The reference copy lives in the shared folder beside the repository (DESIGN.md, built-ins) and
// is not to be copied into it: where a checkout has no such folder, the checks against it skip.
const REFERENCE = new URL('../../../shared/reference/sdg.yml', import.meta.url);
const hasReference = existsSync(REFERENCE);

const itemsOfKind = (kind: string) => sdgs.items.filter((item) => item.kind === kind);

describe('the 17 SDGs', () => {
  it('has 17 goals, 169 targets and every indicator of the source', () => {
    expect(itemsOfKind('goal').map((item) => item.code)).toEqual(
      Array.from({ length: 17 }, (_, i) => String(i + 1)),
    );
    expect(itemsOfKind('target')).toHaveLength(169);
    expect(itemsOfKind('indicator')).toHaveLength(252);
    expect(new Set(sdgs.items.map((item) => item.code)).size).toBe(sdgs.items.length);
  });

  it('puts every item under the item its code names, in the UN order', () => {
    for (const item of sdgs.items) {
      const parent = item.code.split('.').slice(0, -1).join('.');
      expect(item.parent, item.code).toBe(parent === '' ? undefined : parent);
      if (item.parent) expect(findItem(sdgs, item.parent), item.code).toBeDefined();
    }
    const goal8 = sdgs.items.filter((item) => item.code.split('.')[0] === '8').map((i) => i.code);
    expect(goal8.slice(0, 4)).toEqual(['8', '8.1', '8.1.1', '8.2']);
    expect(goal8.indexOf('8.10')).toBeLessThan(goal8.indexOf('8.a'));
    expect(goal8.indexOf('8.9.2')).toBeLessThan(goal8.indexOf('8.10'));
  });

  it('has every title in English, Russian and Turkmen except 8.9.2, which falls back to English', () => {
    for (const item of sdgs.items) {
      const missing = LANGUAGES.filter((language) => item.title[language] === undefined);
      expect(missing, item.code).toEqual(item.code === '8.9.2' ? ['ru', 'tk'] : []);
      for (const language of LANGUAGES) {
        expect(item.title[language] ?? '', item.code).not.toMatch(/\s{2}|^\s|\s$/);
      }
    }
    expect(itemTitle(findItem(sdgs, '8.9.2')!, 'tk')).toBe(CURRENT_8_9_2);
  });

  it.each(LEAST_DEVELOPED_FIXES)("says 'least developed' in Turkmen in %s", (code) => {
    const title = findItem(sdgs, code)!;
    expect(title.title.en).toMatch(/least developed/i);
    expect(title.title.tk).toMatch(/iň az ösen/i);
    expect(title.title.tk).not.toMatch(/iň ösen/i);
  });

  it('names no Turkmen text "most developed" where the English says "least developed"', () => {
    for (const item of sdgs.items) {
      if (/least developed/i.test(item.title.en))
        expect(item.title.tk, item.code).not.toMatch(/iň ösen/i);
    }
  });

  it('ships goal 8 exactly as the SDG 8 framework does', () => {
    const goal8 = sdgs.items.filter((item) => item.code === '8' || item.code.startsWith('8.'));
    expect(goal8).toEqual(sdg8.items);
  });

  it('features the targets tied to trafficking, forced labour and supply chains', () => {
    expect(sdgs.featured).toEqual(['5.2', '8.7', '8.8', '10.7', '12.7', '16.2']);
    for (const code of FEATURED_TARGETS) expect(findItem(sdgs, code)?.kind).toBe('target');
  });

  it('credits its source and licence and says every correction', () => {
    expect(sdgs.source.url).toBe('https://github.com/open-sdg/sdg-translations');
    expect(sdgs.source.licence).toContain('MIT');
    expect(sdgs.source.title).toContain('native speaker');
    const said = sdgs.source.corrections?.join('\n') ?? '';
    for (const phrase of ['8.9.2 (en)', '8.9.2 (ru, tk)', 'iň az ösen', ...LEAST_DEVELOPED_FIXES]) {
      expect(said).toContain(phrase);
    }
  });

  it('is known by its codes before it loads, and listed with every built-in', () => {
    expect([...SDG_CODES]).toEqual(sdgs.items.map((item) => item.code));
    expect(isBuiltInItem(SDGS_FRAMEWORK_ID, '16.2.2')).toBe(true);
    expect(isBuiltInItem(SDGS_FRAMEWORK_ID, '16.99')).toBe(false);
    expect(isBuiltInItem('sdg8', '8.7')).toBe(true);
    expect(allBuiltInFrameworks.map((framework) => framework.id)).toEqual([
      'sdg8',
      'hrap-tm-2021',
      'ungp',
      'ilo',
      'oecd-mne',
      'sdg',
    ]);
  });
});

describe.skipIf(!hasReference)(
  hasReference
    ? 'the 17 SDGs against the reference copy'
    : 'SKIPPED: the 17 SDGs against the reference copy (../shared/reference/sdg.yml beside the repository is not on this machine)',
  () => {
    const reference = (
      hasReference ? parse(readFileSync(REFERENCE, 'utf8')) : { en: {}, ru: {}, tk: {} }
    ) as SdgReference;

    it('is what tests/frameworks/generateSdgs.ts makes of the reference (regenerate if not)', () => {
      expect(sdgs).toEqual(buildSdgs(reference));
    });

    it('ships the reference text of every title apart from the listed corrections', () => {
      for (const item of sdgs.items) {
        for (const language of LANGUAGES) {
          const text = reference[language][referenceKey(item.code)]!.replace(/\s+/g, ' ').trim();
          const listed = SDG_CORRECTIONS.some(
            (c) => c.code === item.code && c.language === language,
          );
          if (!listed) expect(item.title[language], `${item.code} (${language})`).toBe(text);
        }
      }
    });

    it('has a listed correction only where it changes the reference text', () => {
      for (const { code, language, shipped } of SDG_CORRECTIONS) {
        const text = reference[language][referenceKey(code)] ?? '';
        expect(shipped(text), `${code} (${language})`).not.toBe(text);
      }
    });

    it('has an item for every title in the reference', () => {
      for (const language of LANGUAGES) {
        const keys = Object.keys(reference[language]).filter((key) => key.endsWith('-title'));
        expect(keys.sort()).toEqual(sdgs.items.map((item) => referenceKey(item.code)).sort());
      }
    });
  },
);
