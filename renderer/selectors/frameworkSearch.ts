// The link picker's search over every framework's items: by code or title, in the reader's
// language and in English, case and accents aside (shared/search), featured items first, capped so a short query never renders thousands
// of rows. Pure.
import {
  findItem,
  itemTitle,
  type Framework,
  type FrameworkItem,
  type Language,
} from '../../shared/frameworks';
import { matchesWords, searchKey, searchWords } from '../../shared/search';

/** Enough results to choose from without rendering thousands of buttons. */
export const MAX_RESULTS = 200;

export interface FoundItem {
  readonly framework: Framework;
  readonly code: string;
  readonly title: string;
  readonly kind: string;
  /** one of the framework's featured items, listed before every other item */
  readonly featured: boolean;
}

/** Matching items, each framework's featured ones first (in framework order), then the rest. */
export function searchItems(
  frameworks: readonly Framework[],
  query: string,
  language: Language,
  frameworkId: string | null,
): FoundItem[] {
  const words = searchWords(query);
  const chosen = frameworks.filter((framework) => !frameworkId || framework.id === frameworkId);
  const matches = (item: FrameworkItem, title: string) =>
    !words.length ||
    [item.code, title, item.title.en].some((text) => matchesWords(words, searchKey(text)));
  const out: FoundItem[] = [];
  const add = (framework: Framework, item: FrameworkItem, featured: boolean): boolean => {
    const title = itemTitle(item, language);
    if (matches(item, title))
      out.push({ framework, code: item.code, title, kind: item.kind, featured });
    return out.length >= MAX_RESULTS;
  };
  for (const framework of chosen) {
    for (const code of framework.featured ?? []) {
      const item = findItem(framework, code);
      if (item && add(framework, item, true)) return out;
    }
  }
  for (const framework of chosen) {
    const featured = new Set(framework.featured);
    for (const item of framework.items) {
      if (!featured.has(item.code) && add(framework, item, false)) return out;
    }
  }
  return out;
}
