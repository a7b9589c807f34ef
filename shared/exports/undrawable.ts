// Text a PDF's embedded fonts cannot draw (right-to-left scripts, emoji, CJK: the fonts are cut
// down to Latin and Cyrillic) would come out as blank boxes or nothing at all. Each run of such
// characters is replaced by a visible mark instead, and counted, so the PDF says what it left out.

/** What stands where characters could not be drawn. */
export const UNDRAWABLE_MARK = '[…]';

/**
 * `text` with each run of characters `canDraw` refuses replaced by UNDRAWABLE_MARK. Spaces are
 * kept (two words in Arabic stay two marks); characters that only join or vary their neighbours
 * (zero-width joiner, variation selectors) belong to the run around them.
 */
export function markUndrawable(text: string, canDraw: (codePoint: number) => boolean): string {
  let result = '';
  let inRun = false;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const drawn: boolean =
      /\s/.test(character) || (canDraw(codePoint) && !(inRun && isModifier(codePoint)));
    if (drawn) result += character;
    else if (!inRun) result += UNDRAWABLE_MARK;
    inRun = !drawn;
  }
  return result;
}

// U+200D zero-width joiner, U+FE0E/U+FE0F variation selectors, U+1F3FB-1F3FF skin tones
function isModifier(codePoint: number): boolean {
  return (
    codePoint === 0x200d ||
    codePoint === 0xfe0e ||
    codePoint === 0xfe0f ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff)
  );
}

/**
 * Every string in `value` (a report document: nested objects and arrays of text) passed through
 * markUndrawable, and how many of them changed. Functions are kept as they are; their output
 * is the report catalogue's own wording, which the fonts cover.
 */
export function markUndrawableIn<T>(
  value: T,
  canDraw: (codePoint: number) => boolean,
): { value: T; marked: number } {
  let marked = 0;
  const visit = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const shown = markUndrawable(item, canDraw);
      if (shown !== item) marked += 1;
      return shown;
    }
    if (Array.isArray(item)) return item.map(visit);
    if (item !== null && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, visit(inner)]));
    return item;
  };
  return { value: visit(value) as T, marked };
}
