// What creating, editing and moving an action need to know about the plan's other actions (refs
// in use, an objective's next free ref, an objective's actions in order): asked of the document
// each time for one operation, or indexed once for a batch of thousands (an import).
import * as Y from 'yjs';
import { compareOrdered, type Ordered } from './order';
import { planParts, type Plan } from './plan';
import { readTimestamp } from './read';
import { nextRef } from './refs';

/** Live actions of an objective (or of none) in order, optionally leaving one out. */
export function actionsIn(plan: Plan, objectiveId: string | null, except?: string): Ordered[] {
  const out: Ordered[] = [];
  for (const [id, map] of planParts(plan.doc).actions.entries()) {
    if (id === except || !(map instanceof Y.Map) || readTimestamp(map.get('deletedAt'))) continue;
    if ((map.get('objectiveId') ?? null) !== objectiveId) continue;
    const order = map.get('order');
    out.push({ id, order: typeof order === 'string' ? order : '' });
  }
  return out.sort(compareOrdered);
}

/** What create, edit and move look up about the other actions, and are told after writing. */
export interface OtherActions {
  /** whether an action other than `self` (deleted ones too) has this ref */
  refUsed(ref: string, self: string | null): boolean;
  /** the next free ref numbered under `prefix`, counting deleted actions' refs too */
  nextRef(prefix: string): string;
  /** live actions of an objective (or of none) in order, without `except` */
  siblings(objectiveId: string | null, except?: string): readonly Ordered[];
  added(id: string, ref: string, objectiveId: string | null, order: string): void;
  renamed(id: string, ref: string): void;
  moved(id: string, objectiveId: string | null, order: string): void;
}

/** For one operation: scans the document for each question (nothing to keep up to date). */
export function scanningIndex(plan: Plan): OtherActions {
  const all = () => planParts(plan.doc).actions;
  return {
    refUsed(ref, self) {
      for (const [id, map] of all().entries())
        if (id !== self && map instanceof Y.Map && map.get('ref') === ref) return true;
      return false;
    },
    nextRef(prefix) {
      const refs: string[] = [];
      for (const map of all().values()) {
        const ref = map instanceof Y.Map ? map.get('ref') : undefined;
        if (typeof ref === 'string') refs.push(ref);
      }
      return nextRef(prefix, refs);
    },
    siblings: (objectiveId, except) => actionsIn(plan, objectiveId, except),
    added() {},
    renamed() {},
    moved() {},
  };
}

/**
 * For a batch: the answers of scanningIndex, indexed once. Refs by value (with the number after
 * their last dot, as nextRef reads it, counted per prefix) and live actions per objective in
 * order (a sorted array; new ones are appended or placed by binary search).
 */
export class ActionIndex implements OtherActions {
  private readonly idsByRef = new Map<string, Set<string>>();
  private readonly refOf = new Map<string, string>();
  /** prefix → number → how many refs `prefix.number` */
  private readonly numbers = new Map<string, Map<number, number>>();
  /** prefix → highest number, while known */
  private readonly highest = new Map<string, number>();
  private readonly live = new Map<unknown, Ordered[]>();
  private readonly placeOf = new Map<string, { objectiveId: unknown; entry: Ordered }>();

  constructor(plan: Plan) {
    for (const [id, map] of planParts(plan.doc).actions.entries()) {
      if (!(map instanceof Y.Map)) continue;
      const ref = map.get('ref');
      if (typeof ref === 'string') this.addRef(id, ref);
      if (readTimestamp(map.get('deletedAt'))) continue;
      const order = map.get('order');
      const entry = { id, order: typeof order === 'string' ? order : '' };
      const objectiveId = map.get('objectiveId') ?? null;
      this.placeOf.set(id, { objectiveId, entry });
      const list = this.live.get(objectiveId);
      if (list) list.push(entry);
      else this.live.set(objectiveId, [entry]);
    }
    for (const list of this.live.values()) list.sort(compareOrdered);
  }

  refUsed(ref: string, self: string | null): boolean {
    const ids = this.idsByRef.get(ref);
    if (!ids) return false;
    return ids.size > (self !== null && ids.has(self) ? 1 : 0);
  }

  nextRef(prefix: string): string {
    let highest = this.highest.get(prefix);
    if (highest === undefined) {
      highest = 0;
      for (const number of this.numbers.get(prefix)?.keys() ?? [])
        highest = Math.max(highest, number);
      this.highest.set(prefix, highest);
    }
    return `${prefix}.${highest + 1}`;
  }

  siblings(objectiveId: string | null, except?: string): readonly Ordered[] {
    const list = this.live.get(objectiveId) ?? [];
    const place = except !== undefined ? this.placeOf.get(except) : undefined;
    return place && place.objectiveId === objectiveId
      ? list.filter((entry) => entry !== place.entry)
      : list;
  }

  added(id: string, ref: string, objectiveId: string | null, order: string): void {
    this.addRef(id, ref);
    this.place(id, objectiveId, order);
  }

  renamed(id: string, ref: string): void {
    const before = this.refOf.get(id);
    if (before === ref) return;
    if (before !== undefined) this.removeRef(id, before);
    this.addRef(id, ref);
  }

  moved(id: string, objectiveId: string | null, order: string): void {
    const before = this.placeOf.get(id);
    if (!before) return; // a deleted action: in no objective's live list
    const list = this.live.get(before.objectiveId)!;
    list.splice(sortedPosition(list, before.entry), 1);
    this.place(id, objectiveId, order);
  }

  private place(id: string, objectiveId: string | null, order: string): void {
    const entry = { id, order };
    let list = this.live.get(objectiveId);
    if (!list) this.live.set(objectiveId, (list = []));
    list.splice(sortedPosition(list, entry), 0, entry);
    this.placeOf.set(id, { objectiveId, entry });
  }

  private addRef(id: string, ref: string): void {
    const ids = this.idsByRef.get(ref);
    if (ids) ids.add(id);
    else this.idsByRef.set(ref, new Set([id]));
    this.refOf.set(id, ref);
    const numbered = numberedRef(ref);
    if (!numbered) return;
    let counts = this.numbers.get(numbered.prefix);
    if (!counts) this.numbers.set(numbered.prefix, (counts = new Map()));
    counts.set(numbered.number, (counts.get(numbered.number) ?? 0) + 1);
    const highest = this.highest.get(numbered.prefix);
    if (highest !== undefined && numbered.number > highest)
      this.highest.set(numbered.prefix, numbered.number);
  }

  private removeRef(id: string, ref: string): void {
    const ids = this.idsByRef.get(ref)!;
    ids.delete(id);
    if (ids.size === 0) this.idsByRef.delete(ref);
    this.refOf.delete(id);
    const numbered = numberedRef(ref);
    if (!numbered) return;
    const counts = this.numbers.get(numbered.prefix)!;
    const count = counts.get(numbered.number)! - 1;
    if (count > 0) counts.set(numbered.number, count);
    else {
      counts.delete(numbered.number);
      if (this.highest.get(numbered.prefix) === numbered.number)
        this.highest.delete(numbered.prefix);
    }
  }
}

/** `2.3` → prefix `2`, number 3: the reading nextRef gives a ref (digits after the last dot). */
function numberedRef(ref: string): { prefix: string; number: number } | null {
  const dot = ref.lastIndexOf('.');
  if (dot < 0) return null;
  const digits = ref.slice(dot + 1);
  if (!/^\d+$/.test(digits)) return null;
  return { prefix: ref.slice(0, dot), number: Number(digits) };
}

/** Where `entry` is, or would go, in a list sorted by compareOrdered. */
function sortedPosition(list: readonly Ordered[], entry: Ordered): number {
  let low = 0;
  let high = list.length;
  if (high > 0 && compareOrdered(list[high - 1]!, entry) < 0) return high; // appending
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareOrdered(list[middle]!, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
