// Frameworks a plan defines itself: a custom framework (another country's plan, OSCE guidance),
// or the items of the national Human Rights Action Plan, whose text is entered by the plan's
// owners because no verified public copy ships with Accord (official text is never invented).
// Layout: customFrameworkLayout.ts.
import * as Y from 'yjs';
import { getBuiltInFramework, linkKey, SDGS_FRAMEWORK_ID } from '../frameworks';
import { members, touch } from './actionEntries';
import {
  CUSTOM_ITEM_KINDS,
  FRAMEWORK_ITEM_SEPARATOR,
  itemEntryKey,
  type CustomItemKind,
} from './customFrameworkLayout';
import { newEntry, writeField } from './fields';
import { CUSTOM_FRAMEWORK, CUSTOM_FRAMEWORK_ITEM } from './layout';
import { compareOrdered, keyAt, type Ordered } from './order';
import { change, entry, PlanError, planParts, type Plan } from './plan';
import * as validate from './validate';

export interface NewCustomFramework {
  /** a fixed id for a built-in framework whose items the plan enters (e.g. 'hrap-tm-2021') */
  readonly id?: string;
  readonly name: string;
  readonly shortName?: string;
  readonly version?: string;
  readonly sourceTitle?: string;
}

export interface NewFrameworkItem {
  readonly code: string;
  readonly title: string;
  readonly kind?: CustomItemKind;
  readonly parent?: string;
}

const ITEM_CODE = /^[^:#\s](?:[^:#]*[^:#\s])?$/;

export function create(plan: Plan, input: NewCustomFramework): string {
  validate.requiredTitle(input.name, 'name');
  if (input.shortName !== undefined) validate.bounded(input.shortName, 'shortName');
  if (input.version !== undefined) validate.bounded(input.version, 'version');
  if (input.sourceTitle !== undefined) validate.title(input.sourceTitle, 'source');
  const id = input.id ?? plan.newId();
  const builtIn = getBuiltInFramework(id);
  if ((builtIn && builtIn.items.length > 0) || id === SDGS_FRAMEWORK_ID) {
    throw new PlanError('conflict', `${id} is a built-in framework with its own items`);
  }
  if (id.includes(FRAMEWORK_ITEM_SEPARATOR) || id.includes(':'))
    throw new PlanError('invalid', 'framework id must not contain # or :');
  const frameworks = planParts(plan.doc).frameworks;
  if (frameworks.has(id))
    throw new PlanError('conflict', `framework ${id} already exists in this plan`);
  change(plan, () => {
    frameworks.set(id, newEntry(CUSTOM_FRAMEWORK, { ...input, name: input.name.trim() }));
  });
  return id;
}

export function rename(plan: Plan, id: string, name: string): void {
  validate.requiredTitle(name, 'name');
  const map = header(plan, id);
  change(plan, () => writeField(map, CUSTOM_FRAMEWORK, 'name', name.trim()));
}

/** Adds items in one transaction (a pasted or imported list), after the existing ones. */
export function addItems(
  plan: Plan,
  frameworkId: string,
  items: readonly NewFrameworkItem[],
): void {
  header(plan, frameworkId);
  const frameworks = planParts(plan.doc).frameworks;
  const seen = new Set<string>();
  for (const item of items) {
    checkItem(item);
    if (seen.has(item.code) || frameworks.has(itemEntryKey(frameworkId, item.code))) {
      throw new PlanError('conflict', `item ${item.code} already exists in this framework`);
    }
    seen.add(item.code);
  }
  const siblings = orderedItems(plan, frameworkId);
  change(plan, () => {
    let previous: Ordered[] = siblings;
    for (const item of items) {
      const order = keyAt(previous, previous.length);
      frameworks.set(
        itemEntryKey(frameworkId, item.code),
        newEntry(CUSTOM_FRAMEWORK_ITEM, {
          title: item.title.trim(),
          kind: item.kind,
          parent: item.parent,
          order,
        }),
      );
      previous = [...previous, { id: item.code, order }];
    }
  });
}

export function addItem(plan: Plan, frameworkId: string, item: NewFrameworkItem): void {
  addItems(plan, frameworkId, [item]);
}

export function renameItem(plan: Plan, frameworkId: string, code: string, title: string): void {
  validate.requiredTitle(title);
  const map = entry(
    planParts(plan.doc).frameworks,
    itemEntryKey(frameworkId, code),
    'framework item',
  );
  change(plan, () => writeField(map, CUSTOM_FRAMEWORK_ITEM, 'title', title.trim()));
}

/** Removes an item and every action's link to it, in one transaction. */
export function removeItem(plan: Plan, frameworkId: string, code: string): void {
  const frameworks = planParts(plan.doc).frameworks;
  entry(frameworks, itemEntryKey(frameworkId, code), 'framework item');
  change(plan, () => {
    unlinkEverywhere(plan, [linkKey(frameworkId, code)]);
    frameworks.delete(itemEntryKey(frameworkId, code));
  });
}

/** Removes a plan-defined framework, its items and every link to them. */
export function remove(plan: Plan, frameworkId: string): void {
  header(plan, frameworkId);
  const frameworks = planParts(plan.doc).frameworks;
  const prefix = `${frameworkId}${FRAMEWORK_ITEM_SEPARATOR}`;
  const itemKeys = [...frameworks.keys()].filter((key) => key.startsWith(prefix));
  change(plan, () => {
    unlinkEverywhere(
      plan,
      itemKeys.map((key) => linkKey(frameworkId, key.slice(prefix.length))),
    );
    for (const key of itemKeys) frameworks.delete(key);
    frameworks.delete(frameworkId);
  });
}

function unlinkEverywhere(plan: Plan, keys: readonly string[]): void {
  for (const action of planParts(plan.doc).actions.values()) {
    if (!(action instanceof Y.Map)) continue;
    const links = members(action, 'links');
    let changed = false;
    for (const key of keys) {
      if (links.has(key)) {
        links.delete(key);
        changed = true;
      }
    }
    if (changed) touch(plan, action);
  }
}

function orderedItems(plan: Plan, frameworkId: string): Ordered[] {
  const prefix = `${frameworkId}${FRAMEWORK_ITEM_SEPARATOR}`;
  const out: Ordered[] = [];
  for (const [key, map] of planParts(plan.doc).frameworks.entries()) {
    if (!key.startsWith(prefix) || !(map instanceof Y.Map)) continue;
    const order = map.get('order');
    out.push({ id: key.slice(prefix.length), order: typeof order === 'string' ? order : '' });
  }
  return out.sort(compareOrdered);
}

function header(plan: Plan, frameworkId: string): Y.Map<unknown> {
  return entry(planParts(plan.doc).frameworks, frameworkId, 'framework');
}

function checkItem(item: NewFrameworkItem): void {
  if (typeof item.code !== 'string' || item.code.length > 40 || !ITEM_CODE.test(item.code)) {
    throw new PlanError(
      'invalid',
      `item code ${JSON.stringify(item.code)} must be 1-40 characters without : or #`,
    );
  }
  validate.requiredTitle(item.title);
  if (item.kind !== undefined) validate.oneOf(item.kind, CUSTOM_ITEM_KINDS, 'kind');
  if (item.parent !== undefined) validate.bounded(item.parent, 'parent');
}
