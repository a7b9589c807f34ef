// Human-readable action codes ("2.3"). A ref is stored on the action, but replicas that create
// or renumber actions apart can pick the same ref; every snapshot therefore resolves duplicates
// the same way on every replica: the earliest-created action keeps the ref, later ones get a
// letter suffix (2.3a, 2.3b, …) not used by any stored ref. Renumbering writes clean refs.

export interface RefEntry {
  readonly id: string;
  readonly ref: string;
  readonly createdAt: string;
}

/** Unique refs for every entry, a pure function of the set of entries (order does not matter). */
export function resolveRefs(entries: readonly RefEntry[]): Map<string, string> {
  const sorted = [...entries].sort(
    (a, b) =>
      (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const taken = new Set(entries.map((entry) => entry.ref));
  const assigned = new Set<string>();
  const resolved = new Map<string, string>();
  for (const entry of sorted) {
    let ref = entry.ref;
    if (assigned.has(ref)) ref = freeVariant(entry.ref, taken);
    taken.add(ref);
    assigned.add(ref);
    resolved.set(entry.id, ref);
  }
  return resolved;
}

function freeVariant(ref: string, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    const candidate = `${ref}${suffix(n)}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** a, b, …, z, aa, ab, … */
function suffix(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return out;
}

/** The next free ref in an objective numbered `prefix` ("2" → "2.4" when 2.1-2.3 exist). */
export function nextRef(prefix: string, existing: Iterable<string>): string {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}\\.(\\d+)$`);
  let highest = 0;
  for (const ref of existing) {
    const match = pattern.exec(ref);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}.${highest + 1}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Natural comparison of refs, so 2.10 sorts after 2.9. */
export function compareRefs(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
