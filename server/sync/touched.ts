// What one transaction changed, in the plan's terms: which actions and which of their fields, and
// which top-level parts (meta, objectives, actions, orgs, frameworks). Feeds the audit log.
import type * as Y from 'yjs';
import { fieldOfStoredKey } from '../../shared/plan/fields';
import { ACTION } from '../../shared/plan/layout';
import type { Touched } from '../storage/store';

// Y.AbstractType is generic over its event type; any type will do here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyType = Y.AbstractType<any>;

/** The top-level part holding actions: Y.Map<actionId, Y.Map<field, …>>. */
const ACTIONS_PART = 'actions';

/** Marks an action added or removed as a whole (its key in `actions` changed). */
export const WHOLE_ACTION = '*';

interface Step {
  readonly type: AnyType;
  /** the key of `type` in its parent map, or null inside a sequence */
  readonly key: string | null;
}

/** The chain from a root type down to `type`; roots have no parent item. */
function pathFromRoot(type: AnyType): Step[] {
  const steps: Step[] = [];
  let current: AnyType | null = type;
  while (current) {
    const item: Y.Item | null = current._item;
    steps.unshift({ type: current, key: item ? item.parentSub : null });
    const parent: unknown = item?.parent ?? null;
    current =
      parent && typeof parent === 'object' && '_item' in parent ? (parent as AnyType) : null;
  }
  return steps;
}

function rootName(doc: Y.Doc, root: AnyType): string | undefined {
  for (const [name, type] of doc.share) if (type === root) return name;
  return undefined;
}

/** Summarises `transaction.changed` (type -> changed keys) as touched actions, fields and parts. */
export function touchedBy(doc: Y.Doc, transaction: Y.Transaction): Touched {
  const parts = new Set<string>();
  const actions = new Map<string, Set<string>>();
  const touch = (actionId: string, key: string) => {
    let fields = actions.get(actionId);
    if (!fields) actions.set(actionId, (fields = new Set()));
    // a flat member (`partner:<orgId>`) counts as its field, as in the snapshot
    fields.add(key === WHOLE_ACTION ? key : fieldOfStoredKey(ACTION.fields, key));
  };
  for (const [type, keys] of transaction.changed) {
    const path = pathFromRoot(type);
    const root = path[0];
    if (!root) continue;
    const part = rootName(doc, root.type);
    if (part === undefined) continue;
    parts.add(part);
    if (part !== ACTIONS_PART) continue;
    const action = path[1];
    if (!action) {
      // keys of the actions map itself: whole actions added or removed
      for (const key of keys) if (key !== null) touch(key, WHOLE_ACTION);
    } else if (action.key !== null) {
      const field = path[2];
      if (field?.key) touch(action.key, field.key);
      else if (!field) for (const key of keys) if (key !== null) touch(action.key, key);
    }
  }
  return {
    actions: Object.fromEntries([...actions].map(([id, fields]) => [id, [...fields].sort()])),
    parts: [...parts].sort(),
  };
}
