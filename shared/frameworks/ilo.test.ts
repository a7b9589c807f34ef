import { describe, expect, it } from 'vitest';
import { ilo } from './ilo';
import { findItem } from './index';

// The fundamental and governance conventions Turkmenistan ratified.
const RATIFIED_BY_TURKMENISTAN = [
  'C029',
  'C087',
  'C098',
  'C100',
  'C105',
  'C111',
  'C138',
  'C182',
  'C144',
  'C122',
];
const FUNDAMENTAL = [
  'C029',
  'C087',
  'C098',
  'C100',
  'C105',
  'C111',
  'C138',
  'C182',
  'C155',
  'C187',
];

const conventions = ilo.items.filter((item) => item.kind === 'convention');

describe('ILO conventions', () => {
  it('lists the ten fundamental conventions and the two governance conventions', () => {
    expect(conventions.map((item) => item.code).sort()).toEqual(
      [...FUNDAMENTAL, 'C144', 'C122'].sort(),
    );
    expect(FUNDAMENTAL.every((code) => findItem(ilo, code)?.parent === 'fundamental')).toBe(true);
  });

  it.each(RATIFIED_BY_TURKMENISTAN)('%s is noted as ratified by Turkmenistan', (code) => {
    expect(findItem(ilo, code)?.note?.en).toMatch(/^Ratified by Turkmenistan/);
  });

  it.each(['C155', 'C187'])('%s states nothing unverified about Turkmenistan', (code) => {
    expect(findItem(ilo, code)?.note).toBeUndefined();
  });

  it.each(conventions.map((item) => [item.code, item.title.en]))(
    '%s is titled with its year of adoption and number: %s',
    (code, title) => {
      expect(title).toMatch(
        new RegExp(`Convention, (19|20)\\d\\d \\(No\\. ${Number(code.slice(1))}\\)$`),
      );
    },
  );
});
