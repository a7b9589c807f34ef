import { describe, expect, it } from 'vitest';
import { compareOrdered, keyAt, type Ordered } from './order';

function sortedAfterInsert(siblings: Ordered[], index: number): string[] {
  const key = keyAt(siblings, index);
  return [...siblings, { id: 'new', order: key }].sort(compareOrdered).map((entry) => entry.id);
}

describe('keyAt', () => {
  const siblings: Ordered[] = [
    { id: 'a', order: 'a0' },
    { id: 'b', order: 'a1' },
    { id: 'c', order: 'a2' },
  ];

  it.each([
    [0, ['new', 'a', 'b', 'c']],
    [1, ['a', 'new', 'b', 'c']],
    [3, ['a', 'b', 'c', 'new']],
    [99, ['a', 'b', 'c', 'new']],
    [-5, ['new', 'a', 'b', 'c']],
  ])('places an entry at %i', (index, expected) => {
    expect(sortedAfterInsert(siblings, index)).toEqual(expected);
  });

  it('steps over siblings that share a key after a concurrent insert', () => {
    const tied: Ordered[] = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
      { id: 'c', order: 'a1' },
      { id: 'd', order: 'a2' },
    ];
    expect(sortedAfterInsert(tied, 2)).toEqual(['a', 'b', 'c', 'new', 'd']);
  });

  it('copes with a key a peer wrote that is not a fractional index', () => {
    const broken: Ordered[] = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: '' },
    ];
    expect(() => keyAt(broken, 2)).not.toThrow();
  });

  it('orders equal keys by id, the same on every replica', () => {
    const entries: Ordered[] = [
      { id: 'z', order: 'a0' },
      { id: 'm', order: 'a0' },
    ];
    expect([...entries].sort(compareOrdered).map((e) => e.id)).toEqual(['m', 'z']);
  });
});
