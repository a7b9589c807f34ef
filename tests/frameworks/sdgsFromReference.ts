// Builds the 17-SDG framework (shared/frameworks/sdgs.ts) from the reference copy of
// open-sdg/sdg-translations (../shared/reference/sdg.yml beside the repository) with its known
// errata corrected. Pure: generateSdgs.ts reads and writes the files, sdgs.test.ts checks the
// shipped module against what this builds.
import type { Framework, FrameworkItem, Language, LocalisedText } from '../../shared/frameworks';
import { LANGUAGES } from '../../shared/frameworks';
import { sdg8 } from '../../shared/frameworks/sdg8';

/** The reference file's shape: per language, keys such as `global_targets:16-2-title`. */
export type SdgReference = Record<Language, Record<string, string>>;

/** The current UN wording of 8.9.2; the source has the outdated one. */
export const CURRENT_8_9_2 = 'Employed persons in the tourism industries';

/** Targets pickers show first: those tied to trafficking, forced labour and supply chains. */
export const FEATURED_TARGETS = ['5.2', '8.7', '8.8', '10.7', '12.7', '16.2'] as const;

/** Where the Turkmen source says 'iň ösen' (most developed) for 'least developed'. */
export const LEAST_DEVELOPED_FIXES = [
  '1.a',
  '3.c',
  '4.b',
  '4.c',
  '8.1',
  '9.2',
  '9.c',
  '10.a',
  '17.2',
  '17.5',
  '17.11',
  '17.5.1',
] as const;

export interface SdgCorrection {
  readonly code: string;
  readonly language: Language;
  /** the shipped text made from the reference's; undefined: omitted, so English shows */
  readonly shipped: (referenceText: string) => string | undefined;
}

const leastDeveloped = (text: string): string =>
  text.replaceAll('iň ösen', 'iň az ösen').replaceAll('Iň ösen', 'Iň az ösen');

/** Every way a shipped title departs from the reference besides collapsing whitespace. */
export const SDG_CORRECTIONS: readonly SdgCorrection[] = [
  { code: '8.9.2', language: 'en', shipped: () => CURRENT_8_9_2 },
  { code: '8.9.2', language: 'ru', shipped: () => undefined },
  { code: '8.9.2', language: 'tk', shipped: () => undefined },
  ...LEAST_DEVELOPED_FIXES.map((code) => ({
    code,
    language: 'tk' as const,
    shipped: leastDeveloped,
  })),
];

/** The same corrections in words, for the framework's source. */
export const SDG_CORRECTION_NOTES: readonly string[] = [
  "8.9.2 (en): the source's 'Proportion of jobs in sustainable tourism industries out of total " +
    "tourism jobs' is out of date; replaced by the current UN text 'Employed persons in the " +
    "tourism industries'.",
  '8.9.2 (ru, tk): the source translates the outdated English; omitted rather than translated ' +
    'here, so the title shows in English.',
  `${LEAST_DEVELOPED_FIXES.join(', ')} (tk): the source says 'iň ösen' (most developed) where ` +
    "the original means 'least developed'; corrected to 'iň az ösen'.",
  'Runs of spaces and line breaks inside a text collapsed to one space.',
];

const KIND_OF_FILE = {
  global_goals: 'goal',
  global_targets: 'target',
  global_indicators: 'indicator',
} as const;

/** `global_targets:16-2-title` → '16.2'; null for keys that are not titles. */
export function codeOfKey(key: string): string | null {
  const match = /^global_(?:goals|targets|indicators):([0-9a-z-]+)-title$/.exec(key);
  return match ? match[1]!.replaceAll('-', '.') : null;
}

/** The reference key of an item's title: '16.2' → `global_targets:16-2-title`. */
export function referenceKey(code: string): string {
  const parts = code.split('.');
  const file = Object.keys(KIND_OF_FILE)[parts.length - 1];
  return `${file}:${parts.join('-')}-title`;
}

// Numbers before letters, numbers by value: 8.2 < 8.10 < 8.a.
function comparePart(a: string, b: string): number {
  const numberA = /^\d+$/.test(a);
  const numberB = /^\d+$/.test(b);
  if (numberA && numberB) return Number(a) - Number(b);
  if (numberA !== numberB) return numberA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Goal, then each target followed by its indicators, in the UN's order. */
export function compareCodes(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = comparePart(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A title as shipped: the reference text, tidied and corrected (undefined: omitted). */
export function shippedTitle(
  reference: SdgReference,
  code: string,
  language: Language,
): string | undefined {
  const text = reference[language][referenceKey(code)];
  if (text === undefined) throw new Error(`no reference text for ${code} (${language})`);
  const correction = SDG_CORRECTIONS.find((c) => c.code === code && c.language === language);
  const corrected = correction ? correction.shipped(tidy(text)) : tidy(text);
  return corrected;
}

function title(reference: SdgReference, code: string): LocalisedText {
  const out: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) {
    const text = shippedTitle(reference, code, language);
    if (text !== undefined) out[language] = text;
  }
  if (out.en === undefined) throw new Error(`no English title for ${code}`);
  return out as LocalisedText;
}

export function buildSdgs(reference: SdgReference): Framework {
  const codes = Object.keys(reference.en)
    .map(codeOfKey)
    .filter((code): code is string => code !== null)
    .sort(compareCodes);
  const items: FrameworkItem[] = codes.map((code) => {
    const parts = code.split('.');
    const kind = Object.values(KIND_OF_FILE)[parts.length - 1]!;
    const parent = parts.length > 1 ? parts.slice(0, -1).join('.') : undefined;
    return {
      code,
      kind,
      ...(parent === undefined ? {} : { parent }),
      title: title(reference, code),
    };
  });
  return {
    id: 'sdg',
    name: {
      en: 'Sustainable Development Goals',
      ru: 'Цели в области устойчивого развития',
      tk: 'Durnukly ösüş maksatlary',
    },
    // 'ЦУР' is the UN's Russian abbreviation; Turkmen keeps the English one, as SDG 8 does
    shortName: { en: 'SDGs', ru: 'ЦУР' },
    unofficialNames: ['tk'],
    version:
      'Targets: A/RES/70/1 (2015); indicators: global indicator framework (A/RES/71/313) as in ' +
      'the source, with 8.9.2 as currently worded',
    source: {
      // the readers' credit line is SDG 8's: the same source and terms
      credit: sdg8.source.credit,
      title:
        'English, Russian and Turkmen texts from open-sdg/sdg-translations, commit 0cda585 ' +
        '(translations/{en,ru,tk}/global_{goals,targets,indicators}.yml), with the corrections ' +
        'below. The Turkmen texts are community translations, not official UN texts, and need ' +
        'review by a native speaker; the Turkmen name of the framework is a translation too.',
      url: 'https://github.com/open-sdg/sdg-translations',
      licence: 'MIT licence, Copyright (c) 2019 Open SDG',
      corrections: SDG_CORRECTION_NOTES,
    },
    languages: ['en', 'ru', 'tk'],
    coverageKinds: ['target'],
    featured: FEATURED_TARGETS,
    origin: 'builtin',
    items,
  };
}

/** shared/frameworks/sdgCodes.ts: every item code, small enough to load with the app. */
export function sdgCodesModule(framework: Framework): string {
  return `// GENERATED by tests/frameworks/generateSdgs.ts: do not edit.
// The code of every item of the 17-SDG framework (sdgs.ts), so a link to one can be checked
// before that large module has loaded.
export const SDG_CODES: ReadonlySet<string> = new Set(
  ${JSON.stringify(framework.items.map((item) => item.code).join(' '))}.split(' '),
);
`;
}
