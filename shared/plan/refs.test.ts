import { describe, expect, it } from 'vitest';
import { compareRefs, nextRef, resolveRefs, type RefEntry } from './refs';

const entry = (id: string, ref: string, createdAt = '2025-01-01T00:00:00.000Z'): RefEntry => ({
  id,
  ref,
  createdAt,
});

describe('resolveRefs', () => {
  it.each<[string, RefEntry[], Record<string, string>]>([
    [
      'unique refs stay as they are',
      [entry('a', '1.1'), entry('b', '1.2')],
      { a: '1.1', b: '1.2' },
    ],
    [
      'the earlier-created action keeps a duplicated ref',
      [
        entry('b', '1.1', '2025-01-02T00:00:00.000Z'),
        entry('a', '1.1', '2025-01-03T00:00:00.000Z'),
      ],
      { b: '1.1', a: '1.1a' },
    ],
    [
      'same time: the smaller id keeps it',
      [entry('y', '2.1'), entry('x', '2.1')],
      { x: '2.1', y: '2.1a' },
    ],
    [
      'a suffix already stored is skipped',
      [entry('a', '2.3'), entry('b', '2.3'), entry('c', '2.3a')],
      { a: '2.3', b: '2.3b', c: '2.3a' },
    ],
    [
      'three-way duplicates',
      [entry('a', '1'), entry('b', '1'), entry('c', '1')],
      { a: '1', b: '1a', c: '1b' },
    ],
  ])('%s', (_name, entries, expected) => {
    expect(Object.fromEntries(resolveRefs(entries))).toEqual(expected);
  });

  it('gives the same answer whatever the input order', () => {
    const entries = [
      entry('a', '1.1'),
      entry('b', '1.1'),
      entry('c', '1.1a'),
      entry('d', '1.2'),
      entry('e', '1.2'),
    ];
    const forward = Object.fromEntries(resolveRefs(entries));
    const backward = Object.fromEntries(resolveRefs([...entries].reverse()));
    expect(backward).toEqual(forward);
    expect(new Set(Object.values(forward)).size).toBe(entries.length);
  });

  it('runs past z to two-letter suffixes', () => {
    const entries = Array.from({ length: 30 }, (_, i) =>
      entry(`id${String(i).padStart(2, '0')}`, '3.1'),
    );
    const refs = [...resolveRefs(entries).values()];
    expect(new Set(refs).size).toBe(30);
    expect(refs).toContain('3.1aa');
  });
});

describe('nextRef', () => {
  it.each<[string, string[], string]>([
    ['1', [], '1.1'],
    ['1', ['1.1', '1.2'], '1.3'],
    ['2', ['1.1', '2.9', '2.10'], '2.11'],
    ['1', ['1.1a', '11.1', '1.x'], '1.1'],
    ['0', ['0.4'], '0.5'],
  ])('in objective %s with %j is %s', (prefix, existing, expected) => {
    expect(nextRef(prefix, existing)).toBe(expected);
  });
});

describe('compareRefs', () => {
  it('sorts numerically', () => {
    expect(['2.10', '2.9', '10.1', '2.1'].sort(compareRefs)).toEqual([
      '2.1',
      '2.9',
      '2.10',
      '10.1',
    ]);
  });
});
