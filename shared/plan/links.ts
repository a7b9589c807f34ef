// Framework links: an action's set of `frameworkId:code` keys, each naming an item of a built-in
// framework (SDG 8, the 17 SDGs, UNGPs, ILO, OECD) or of a framework the plan defines (its national plan's
// chapters and items, or a custom one).
import { isBuiltInItem, linkKey } from '../frameworks';
import { action, members, touch } from './actionEntries';
import { itemEntryKey } from './customFrameworkLayout';
import { change, PlanError, planParts, type Plan } from './plan';

export function link(plan: Plan, actionId: string, frameworkId: string, code: string): void {
  const map = action(plan, actionId);
  if (!itemExists(plan, frameworkId, code)) {
    throw new PlanError('not_found', `framework item ${frameworkId} ${code} does not exist`);
  }
  change(plan, () => {
    members(map, 'links').set(linkKey(frameworkId, code), true);
    touch(plan, map);
  });
}

export function unlink(plan: Plan, actionId: string, frameworkId: string, code: string): void {
  const map = action(plan, actionId);
  change(plan, () => {
    members(map, 'links').delete(linkKey(frameworkId, code));
    touch(plan, map);
  });
}

/** Whether a built-in framework or this plan defines the item. */
export function itemExists(plan: Plan, frameworkId: string, code: string): boolean {
  if (isBuiltInItem(frameworkId, code)) return true;
  return planParts(plan.doc).frameworks.has(itemEntryKey(frameworkId, code));
}
