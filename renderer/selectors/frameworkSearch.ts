// The link picker's search over every framework's items: by code or title, in the reader's
// language and in English, capped so a short query never renders thousands of rows. Pure.
import { itemTitle, type Framework, type Language } from '../../shared/frameworks';

/** Enough results to choose from without rendering thousands of buttons. */
export const MAX_RESULTS = 200;

export interface FoundItem {
  readonly framework: Framework;
  readonly code: string;
  readonly title: string;
  readonly kind: string;
}

export function searchItems(
  frameworks: readonly Framework[],
  query: string,
  language: Language,
  frameworkId: string | null,
): FoundItem[] {
  const needle = query.trim().toLocaleLowerCase();
  const out: FoundItem[] = [];
  for (const framework of frameworks) {
    if (frameworkId && framework.id !== frameworkId) continue;
    for (const item of framework.items) {
      const title = itemTitle(item, language);
      if (
        needle &&
        !item.code.toLocaleLowerCase().includes(needle) &&
        !title.toLocaleLowerCase().includes(needle) &&
        !item.title.en.toLocaleLowerCase().includes(needle)
      ) {
        continue;
      }
      out.push({ framework, code: item.code, title, kind: item.kind });
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}
