import { describe, expect, it } from 'vitest';
import {
  builtInFrameworks,
  childrenOf,
  findItem,
  getBuiltInFramework,
  itemTitle,
  linkKey,
  linkLabel,
  parseLinkKey,
  parseLinkLabel,
  textIn,
} from './index';
import { allBuiltInFrameworks } from './all';
import { LANGUAGES, type FrameworkItem } from './types';

// Titles a framework lacks in one of its languages; each is said in its source.corrections.
const KNOWN_GAPS: Record<string, Record<string, readonly string[]>> = {
  sdg8: { '8.9.2': ['ru', 'tk'] },
};

describe.each(builtInFrameworks.map((framework) => [framework.id, framework] as const))(
  'built-in framework %s',
  (id, framework) => {
    it('is found by its id and ships as built-in', () => {
      expect(getBuiltInFramework(id)).toBe(framework);
      expect(framework.origin).toBe('builtin');
    });

    it('has unique item codes, each usable in a link key', () => {
      const codes = framework.items.map((item) => item.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes)
        expect(parseLinkKey(linkKey(id, code))).toEqual({ frameworkId: id, code });
    });

    it('lists every parent before the items under it', () => {
      framework.items.forEach((item, index) => {
        if (item.parent === undefined) return;
        const parentIndex = framework.items.findIndex((other) => other.code === item.parent);
        expect(parentIndex, item.code).toBeGreaterThanOrEqual(0);
        expect(parentIndex, item.code).toBeLessThan(index);
      });
    });

    it('has every title in each of its languages, apart from stated gaps', () => {
      for (const item of framework.items) {
        const gaps = KNOWN_GAPS[id]?.[item.code] ?? [];
        for (const language of framework.languages) {
          expect(item.title[language] === undefined, `${item.code} (${language})`).toBe(
            gaps.includes(language),
          );
        }
      }
    });

    it('has clean texts: trimmed, on one line, without double spaces', () => {
      const texts = framework.items.flatMap((item) =>
        [item.title, item.note].flatMap((text) => (text ? Object.values(text) : [])),
      );
      for (const text of [...texts, ...Object.values(framework.name)]) {
        expect(text, text).toMatch(/^\S(?:.*\S)?$/);
        expect(text, text).not.toMatch(/\s{2}|\n/);
      }
    });

    it('counts only kinds it has, and says where its text comes from', () => {
      if (framework.items.length > 0) {
        const kinds = new Set(framework.items.map((item) => item.kind));
        for (const kind of framework.coverageKinds) expect(kinds).toContain(kind);
      }
      expect(framework.coverageKinds.length).toBeGreaterThan(0);
      expect(framework.source.title.length).toBeGreaterThan(0);
      expect(framework.languages).toContain('en');
    });
  },
);

describe.each(allBuiltInFrameworks.map((framework) => [framework.id, framework] as const))(
  'the name of built-in framework %s',
  (_id, framework) => {
    it('is given in English, Russian and Turkmen', () => {
      for (const language of LANGUAGES) {
        expect(framework.name[language], language).toMatch(/^\S(?:.*\S)?$/);
      }
      // the short name may keep the English abbreviation (SDG, ЦУР) where no other is in use
      expect(framework.shortName.ru).toBeDefined();
    });

    it('credits its source for readers in English, Russian and Turkmen', () => {
      for (const language of LANGUAGES) {
        expect(framework.source.credit?.[language], language).toMatch(/^\S(?:.*\S)?$/);
      }
    });

    it('marks only a Russian or Turkmen name as a translation made for Accord', () => {
      for (const language of framework.unofficialNames ?? []) {
        expect(['ru', 'tk']).toContain(language);
        expect(framework.name[language]).toBeDefined();
      }
    });
  },
);

it('says which framework names are official and which are translations', () => {
  const unofficial = Object.fromEntries(
    allBuiltInFrameworks.map((framework) => [framework.id, framework.unofficialNames ?? []]),
  );
  expect(unofficial).toEqual({
    sdg8: [],
    'hrap-tm-2021': ['ru', 'tk'],
    ungp: ['tk'],
    ilo: ['ru', 'tk'],
    'oecd-mne': ['ru', 'tk'],
    sdg: ['tk'],
  });
});

describe('builtInFrameworks', () => {
  it('lists SDG 8, the national plan, the UNGPs, the ILO conventions and the OECD Guidelines', () => {
    const ids = builtInFrameworks.map((framework) => framework.id);
    expect(ids).toEqual(['sdg8', 'hrap-tm-2021', 'ungp', 'ilo', 'oecd-mne']);
  });

  it('returns undefined for an unknown framework', () => {
    expect(getBuiltInFramework('sdg9')).toBeUndefined();
  });
});

describe('item look-up', () => {
  const sdg8 = getBuiltInFramework('sdg8');
  if (!sdg8) throw new Error('SDG 8 is built in');

  it('finds an item by code and nothing for an unknown code', () => {
    expect(findItem(sdg8, '8.7')?.kind).toBe('target');
    expect(findItem(sdg8, '8.7.1')?.parent).toBe('8.7');
    expect(findItem(sdg8, '8.11')).toBeUndefined();
  });

  it('lists the items under a parent, and the top level without one', () => {
    expect(childrenOf(sdg8).map((item) => item.code)).toEqual(['8']);
    expect(childrenOf(sdg8, '8.4').map((item) => item.code)).toEqual(['8.4.1', '8.4.2']);
    expect(childrenOf(sdg8, '8.4.1')).toEqual([]);
  });
});

describe('titles in a language', () => {
  const item: FrameworkItem = {
    code: 'X1',
    kind: 'item',
    title: { en: 'English', ru: 'Русский' },
  };

  it.each([
    ['en', 'English'],
    ['ru', 'Русский'],
    ['tk', 'English'], // no Turkmen: falls back to English
  ] as const)('%s -> %s', (language, expected) => {
    expect(itemTitle(item, language)).toBe(expected);
    expect(textIn(item.title, language)).toBe(expected);
  });

  it('covers every UI language', () => {
    expect(LANGUAGES).toEqual(['en', 'ru', 'tk']);
  });
});

describe('link labels', () => {
  it.each(
    allBuiltInFrameworks.flatMap((framework) =>
      LANGUAGES.map((language) => [framework.id, language, framework] as const),
    ),
  )('%s in %s reads back as the link it labels', (_id, language, framework) => {
    for (const item of framework.items.slice(0, 20)) {
      const label = linkLabel(framework, item.code, language);
      expect(parseLinkLabel(label, allBuiltInFrameworks)).toEqual({
        frameworkId: framework.id,
        code: item.code,
      });
    }
  });

  it.each(['SDG 8', 'SDG 8 9.9', 'Unknown 8.7', 'sdg8:8.7', ''])('%j names no link', (label) => {
    expect(parseLinkLabel(label, allBuiltInFrameworks)).toBeNull();
  });
});

describe('link keys', () => {
  it.each([
    ['sdg8', '8.7'],
    ['sdg8', '8.10.2'],
    ['sdg8', '8'],
    ['ungp', 'GP11'],
    ['ilo', 'C029'],
    ['oecd-mne', 'IV'],
    ['3f2b6c1e-9d7a-4e2b-8f00-1c2d3e4f5a6b', 'Task 1.2'],
  ])('%s + %s round-trips', (frameworkId, code) => {
    const key = linkKey(frameworkId, code);
    expect(key).toBe(`${frameworkId}:${code}`);
    expect(parseLinkKey(key)).toEqual({ frameworkId, code });
  });

  it.each([
    ['', 'empty'],
    ['sdg8', 'no separator'],
    [':8.1', 'no framework id'],
    ['sdg8:', 'no code'],
    [':', 'neither part'],
    ['a:b:c', 'two separators: codes contain no separator, so the split is never ambiguous'],
    ['sdg8::8.1', 'doubled separator'],
    [' sdg8:8.1', 'space before the framework id'],
    ['sdg8:8.1 ', 'space after the code'],
    ['sdg8 : 8.1', 'spaces around the separator'],
  ])('rejects %j (%s)', (key) => {
    expect(parseLinkKey(key)).toBeNull();
  });

  it.each([
    ['', '8.1'],
    ['sdg8', ''],
    ['a:b', 'c'],
    ['a', 'b:c'],
    ['sdg8', ' 8.1'],
  ])('refuses to build a key from %j and %j', (frameworkId, code) => {
    expect(() => linkKey(frameworkId, code)).toThrow(/Cannot link/);
  });
});
