// A field being edited here while someone else changes it: what the editor should show. Pure, so
// every editor (table cell, detail field) settles it the same way and says it where it happens.

/** What the field shows while it is edited, given its value when the edit began (`started`), the
 * plan's value now (`theirs`) and what this person has in the input (`mine`). */
export type FieldConflict =
  /** nobody else changed the field, or they changed it to what this person has */
  | { readonly kind: 'none' }
  /** someone else changed it and this person has changed nothing: show theirs, and say so */
  | { readonly kind: 'changed'; readonly theirs: string }
  /** both changed it: offer both ("keep mine" / "take theirs") instead of settling it silently */
  | { readonly kind: 'both'; readonly theirs: string; readonly mine: string };

export function fieldConflict(started: string, theirs: string, mine: string): FieldConflict {
  if (theirs === started || theirs === mine) return { kind: 'none' };
  if (mine === started) return { kind: 'changed', theirs };
  return { kind: 'both', theirs, mine };
}

/** Whether ending the edit should write `mine`: only a value this person changed, and not one
 * the plan already holds (ending an untouched edit must not put back the value it began with). */
export function shouldWrite(started: string, theirs: string, mine: string): boolean {
  return mine !== started && mine !== theirs;
}
