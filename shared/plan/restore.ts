// Writes a plain snapshot into a new, empty document: the same plan again, with its ids, refs,
// order, authors and timestamps, each field stored as its table says (layout.ts). The inverse
// of snapshot.ts (the JSON import round-trip test holds the two together); operations cannot do
// this, since they mint new ids and stamp "now".
import type * as Y from 'yjs';
import { generateNKeysBetween } from 'fractional-indexing';
import { itemEntryKey } from './customFrameworkLayout';
import { newEntry, writeFields } from './fields';
import {
  ACTION,
  CUSTOM_FRAMEWORK,
  CUSTOM_FRAMEWORK_ITEM,
  META,
  OBJECTIVE,
  ORGANISATION,
} from './layout';
import { SCHEMA_VERSION } from './model';
import { change, PlanError, planParts, type Plan } from './plan';
import type { PlanSnapshot } from './schema';

/** Restores `snapshot` into the plan's document, which must be empty, in one transaction. */
export function restoreSnapshot(plan: Plan, snapshot: PlanSnapshot): void {
  const parts = planParts(plan.doc);
  if (parts.meta.size > 0 || parts.actions.size > 0 || parts.objectives.size > 0) {
    throw new PlanError('conflict', 'a plan can only be restored into a new, empty document');
  }
  change(plan, () => writeSnapshot(plan.doc, snapshot));
}

function writeSnapshot(doc: Y.Doc, snapshot: PlanSnapshot): void {
  const parts = planParts(doc);
  writeFields(parts.meta, META, { ...snapshot.meta, schemaVersion: SCHEMA_VERSION });
  for (const objective of snapshot.objectives)
    parts.objectives.set(objective.id, newEntry(OBJECTIVE.fields, objective));
  for (const org of snapshot.orgs) parts.orgs.set(org.id, newEntry(ORGANISATION.fields, org));
  for (const framework of snapshot.customFrameworks) {
    parts.frameworks.set(
      framework.id,
      newEntry(CUSTOM_FRAMEWORK, {
        name: framework.name.en,
        shortName: framework.shortName.en,
        version: framework.version,
        sourceTitle: framework.source.title,
      }),
    );
    const orders = generateNKeysBetween(null, null, framework.items.length);
    framework.items.forEach((item, index) => {
      parts.frameworks.set(
        itemEntryKey(framework.id, item.code),
        newEntry(CUSTOM_FRAMEWORK_ITEM, {
          title: item.title.en,
          kind: item.kind,
          parent: item.parent ?? '',
          order: orders[index]!,
        }),
      );
    });
  }
  for (const action of snapshot.actions)
    parts.actions.set(action.id, newEntry(ACTION.fields, action));
}
