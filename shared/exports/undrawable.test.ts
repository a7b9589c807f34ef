import { describe, expect, it } from 'vitest';
import { markUndrawable, markUndrawableIn, UNDRAWABLE_MARK } from './undrawable';

// a font that draws Basic Latin, Latin-1 and Cyrillic, as the report's cut-down DejaVu Sans
const latinAndCyrillic = (codePoint: number) =>
  codePoint < 0x0250 || (codePoint >= 0x0400 && codePoint < 0x0530);

describe('marking what a PDF font cannot draw', () => {
  it.each([
    ['Labour inspection', 'Labour inspection'],
    ['Обучить инспекторов', 'Обучить инспекторов'],
    ['Training مرحبا بالعالم today', `Training ${UNDRAWABLE_MARK} ${UNDRAWABLE_MARK} today`],
    ['שלום', UNDRAWABLE_MARK],
    ['Done ✅', `Done ${UNDRAWABLE_MARK}`],
    // a family emoji is several code points joined by U+200D: one mark, not five
    ['Families 👨‍👩‍👧', `Families ${UNDRAWABLE_MARK}`],
    ['👍🏽ok', `${UNDRAWABLE_MARK}ok`],
    ['漢字 and 🇹🇲', `${UNDRAWABLE_MARK} and ${UNDRAWABLE_MARK}`],
    ['', ''],
  ])('%j is drawn as %j', (text, shown) => {
    expect(markUndrawable(text, latinAndCyrillic)).toBe(shown);
  });

  it('marks inside a whole document and counts the texts it changed', () => {
    const document = {
      title: 'Plan ✅',
      pageLabel: (page: number) => `Page ${page}`,
      sections: [{ heading: 'Ok', blocks: [{ text: 'مرحبا' }, { value: 3, text: 'three' }] }],
    };
    const { value, marked } = markUndrawableIn(document, latinAndCyrillic);
    expect(marked).toBe(2);
    expect(value.title).toBe(`Plan ${UNDRAWABLE_MARK}`);
    expect(value.sections[0]!.blocks).toEqual([
      { text: UNDRAWABLE_MARK },
      { value: 3, text: 'three' },
    ]);
    expect(value.pageLabel(2)).toBe('Page 2');
  });
});
