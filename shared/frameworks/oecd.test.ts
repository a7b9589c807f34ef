import { describe, expect, it } from 'vitest';
import { oecd } from './oecd';

describe('OECD Guidelines for Multinational Enterprises (2023)', () => {
  it('has chapters I to XI with their official titles', () => {
    expect(oecd.items.map((item) => [item.code, item.title.en])).toEqual([
      ['I', 'Concepts and principles'],
      ['II', 'General policies'],
      ['III', 'Disclosure'],
      ['IV', 'Human rights'],
      ['V', 'Employment and industrial relations'],
      ['VI', 'Environment'],
      ['VII', 'Combating bribery and other forms of corruption'],
      ['VIII', 'Consumer interests'],
      ['IX', 'Science, technology and innovation'],
      ['X', 'Competition'],
      ['XI', 'Taxation'],
    ]);
    expect(oecd.items.every((item) => item.kind === 'chapter')).toBe(true);
    expect(oecd.version).toBe('2023');
  });
});
