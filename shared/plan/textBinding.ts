// Watches one of an action's (or the plan's) Y.Text fields so an input can show it live and keep
// the reader's caret where it was when someone else types: each change comes with a function that
// maps an index in the old text to the same place in the new one. Writing stays with the
// operations (actions.edit applies a minimal diff), so this module only reads.
import * as Y from 'yjs';
import { planParts, type Plan } from './plan';

/** The Y.Text fields a binding can follow. */
export const BOUND_TEXT_FIELDS = {
  /** an action's title */
  title: 'title',
  /** an action's description */
  description: 'description',
} as const;
export type BoundTextField = keyof typeof BOUND_TEXT_FIELDS;

export interface TextChange {
  readonly text: string;
  /** maps an index in the text before this change to the same place after it */
  readonly mapIndex: (index: number) => number;
  /** true when this editor made the change (its caret is already right) */
  readonly local: boolean;
}

/**
 * Calls `listener` after every change to the field's text (including the field being replaced),
 * and returns a function that stops watching. Does nothing when the action does not exist.
 */
export function watchActionText(
  plan: Plan,
  actionId: string,
  field: BoundTextField,
  listener: (change: TextChange) => void,
): () => void {
  const actions = planParts(plan.doc).actions;
  let text: Y.Text | null = null;
  const onText = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    const delta = event.delta;
    listener({
      text: event.target.toString(),
      mapIndex: (index) => mapThroughDelta(delta, index),
      local: transaction.origin === plan.origin,
    });
  };
  const attach = () => {
    const map = actions.get(actionId);
    const next = map instanceof Y.Map ? map.get(field) : undefined;
    const found = next instanceof Y.Text ? next : null;
    if (found === text) return;
    text?.unobserve(onText);
    text = found;
    text?.observe(onText);
    if (found) listener({ text: found.toString(), mapIndex: (index) => index, local: false });
  };
  // The field itself may be replaced (a migration, or the action created by a replica later).
  const onActions = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target === actions || event.path[0] === actionId) {
        attach();
        return;
      }
    }
  };
  attach();
  actions.observeDeep(onActions);
  return () => {
    actions.unobserveDeep(onActions);
    text?.unobserve(onText);
    text = null;
  };
}

type Delta = Y.YTextEvent['delta'];

/** Where `index` lands after the delta: inserts before it push it right, deletes pull it left. */
export function mapThroughDelta(delta: Delta, index: number): number {
  let oldPos = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPos > index) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      // An insert exactly at the caret goes before it: someone else typed at our position.
      if (oldPos <= index) shift += length;
    } else if (op.delete !== undefined) {
      const removed = Math.min(op.delete, Math.max(0, index - oldPos));
      shift -= removed;
      oldPos += op.delete;
    }
  }
  return Math.max(0, index + shift);
}
