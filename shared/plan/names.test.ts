import { describe, expect, it } from 'vitest';
import { nameKey } from './names';

describe('nameKey', () => {
  it.each([
    ['Ministry of Labour', 'ministry of labour '],
    ['Ministry of Labour', '  MINISTRY   of\tLabour'],
    ['Türkmenistanyň Kärdeşler arkalaşyklary', 'türkmenistanyň kärdeşler arkalaşyklary'],
    ['Министерство труда', 'министерство  ТРУДА'],
  ])('"%s" and "%s" are one name', (a, b) => expect(nameKey(a)).toBe(nameKey(b)));

  it.each([
    ['Ministry of Labour', 'Ministry of Labor'],
    ['ILO', 'IOM'],
  ])('"%s" and "%s" are two', (a, b) => expect(nameKey(a)).not.toBe(nameKey(b)));
});
