// Ordering by fractional index keys with the id as tie-break: a move writes
// one key, so concurrent moves never duplicate an entry the way a Y.Array of ids would; two
// replicas that pick the same key for the same gap are ordered by id, the same everywhere.
import { generateKeyBetween } from 'fractional-indexing';

export interface Ordered {
  readonly id: string;
  readonly order: string;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The key that puts an entry at `index` among `siblings` (sorted, not containing the entry).
 * Siblings sharing one key (a concurrent insert) are stepped over so the new key is strictly
 * between distinct neighbours.
 */
export function keyAt(siblings: readonly Ordered[], index: number): string {
  const at = Math.max(0, Math.min(index, siblings.length));
  const lower = at > 0 ? siblings[at - 1]!.order : null;
  let upper: string | null = null;
  for (let i = at; i < siblings.length; i++) {
    const key = siblings[i]!.order;
    if (lower === null || key > lower) {
      upper = key;
      break;
    }
  }
  try {
    return generateKeyBetween(lower, upper);
  } catch {
    // A peer wrote a key that is not a valid fractional index: place after the valid ones.
    return generateKeyBetween(lastValidKey(siblings), null);
  }
}

function lastValidKey(siblings: readonly Ordered[]): string | null {
  for (let i = siblings.length - 1; i >= 0; i--) {
    const key = siblings[i]!.order;
    try {
      generateKeyBetween(key, null);
      return key;
    } catch {
      // not a valid key; keep looking
    }
  }
  return null;
}
