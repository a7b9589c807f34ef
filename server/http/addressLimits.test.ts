import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../sync/tokenBucket';
import { AddressLimits } from './addressLimits';

/** Buckets of `burst` attempts that never refill (the clock stands still). */
const limits = (capacity: number, burst: number) =>
  new AddressLimits(capacity, () => new TokenBucket(0, burst, () => 0));

describe('join limits per address', () => {
  it('[H3] refuses an address past its allowance, and only that address', () => {
    const table = limits(10, 2);
    expect([table.take('a'), table.take('a'), table.take('a')]).toEqual([true, true, false]);
    expect(table.take('b')).toBe(true);
  });

  it('[H3] a flood of new addresses forgets the least recently seen one, not everyone', () => {
    const table = limits(3, 1);
    expect(table.take('busy')).toBe(true);
    for (let i = 0; i < 100; i += 1) {
      table.take(`spoof-${i}`);
      // the busy address keeps coming back, so it stays in the table, out of attempts
      expect(table.take('busy')).toBe(false);
    }
    expect(table.size).toBe(3);
  });
});
