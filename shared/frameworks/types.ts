// The shape every framework has, built-in (data in this folder) or custom (entered by a plan's
// owners and stored in the plan's `frameworks` map). A framework link on an action is the key
// `${frameworkId}:${item.code}`.

/** The plan's UI and report languages. */
export const LANGUAGES = ['en', 'ru', 'tk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in the languages it exists in; English is always present. */
export type LocalisedText = { en: string } & Partial<Record<Exclude<Language, 'en'>, string>>;

/** What an item is within its framework; coverage views count items by kind. */
export const FRAMEWORK_ITEM_KINDS = {
  /** a goal, e.g. SDG 8 itself */
  goal: 'goal',
  /** an SDG target such as 8.7 */
  target: 'target',
  /** an SDG indicator such as 8.7.1 */
  indicator: 'indicator',
  /** a pillar, chapter or section heading that groups items */
  section: 'section',
  /** a principle (UNGPs) */
  principle: 'principle',
  /** a convention (ILO) */
  convention: 'convention',
  /** a chapter (OECD Guidelines, a national plan) */
  chapter: 'chapter',
  /** an item of a plan or custom framework (task, measure, recommendation) */
  item: 'item',
} as const;
export type FrameworkItemKind = keyof typeof FRAMEWORK_ITEM_KINDS;

export interface FrameworkItem {
  /** unique in its framework, stable, used in link keys and exports: '8.7', '8.7.1', 'GP11', 'C029' */
  readonly code: string;
  readonly kind: FrameworkItemKind;
  /** code of the item this one sits under, if any */
  readonly parent?: string;
  readonly title: LocalisedText;
  /** free facts about the item (e.g. an ILO convention's ratification year by Turkmenistan) */
  readonly note?: LocalisedText;
}

export interface FrameworkSource {
  /** where the text comes from, in words, for maintainers (commits, files, review notes) */
  readonly title: string;
  /**
   * the same for readers of the app and its reports: who wrote the texts and how far they are
   * official, in every UI language; built-in frameworks have one, custom ones show `title`
   */
  readonly credit?: LocalisedText;
  readonly url?: string;
  readonly licence?: string;
  /** corrections applied to the source, said plainly */
  readonly corrections?: readonly string[];
}

export interface Framework {
  /** stable id used in link keys: 'sdg8', 'ungp', 'ilo', 'oecd-mne', 'hrap-tm-2021', or a random id */
  readonly id: string;
  readonly name: LocalisedText;
  readonly shortName: LocalisedText;
  /** languages in which name and shortName are translations made for Accord, not official titles */
  readonly unofficialNames?: readonly Language[];
  readonly version: string;
  readonly source: FrameworkSource;
  /**
   * languages in which every item's title is present, except gaps stated in source.corrections
   * (e.g. SDG 8.9.2 in Russian and Turkmen); a missing title falls back to English (itemTitle)
   */
  readonly languages: readonly Language[];
  /** item kinds that coverage views count ("which targets have no action") */
  readonly coverageKinds: readonly FrameworkItemKind[];
  readonly items: readonly FrameworkItem[];
  /** codes of items pickers show first (the SDG targets on trafficking and forced labour) */
  readonly featured?: readonly string[];
  /** 'builtin' ships with Accord; 'plan' was entered by the plan's owners */
  readonly origin: 'builtin' | 'plan';
}
