// Writes a plain snapshot into a new, empty document: the same plan again, with its ids, refs,
// order, authors and timestamps. The inverse of snapshot.ts (the JSON import round-trip test holds
// the two together); operations cannot do this, since they mint new ids and stamp "now".
import * as Y from 'yjs';
import { generateNKeysBetween } from 'fractional-indexing';
import { itemEntryKey } from './customFrameworkLayout';
import { SCHEMA_VERSION } from './model';
import { change, newSet, newText, PlanError, planParts, type Plan } from './plan';
import type { Action, PlanSnapshot } from './schema';

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
  const { meta } = snapshot;
  parts.meta.set('schemaVersion', SCHEMA_VERSION);
  parts.meta.set('id', meta.id);
  parts.meta.set('title', newText(meta.title));
  parts.meta.set('summary', newText(meta.summary));
  parts.meta.set('country', meta.country);
  parts.meta.set('period', meta.period ? { ...meta.period } : null);
  parts.meta.set('languages', [...meta.languages]);
  parts.meta.set('frameworks', [...meta.frameworks]);
  parts.meta.set('createdAt', meta.createdAt);

  for (const objective of snapshot.objectives) {
    const map = new Y.Map<unknown>();
    map.set('title', newText(objective.title));
    map.set('order', objective.order);
    map.set('deletedAt', objective.deletedAt);
    parts.objectives.set(objective.id, map);
  }
  for (const org of snapshot.orgs) {
    const map = new Y.Map<unknown>();
    map.set('name', org.name);
    map.set('kind', org.kind);
    map.set('country', org.country);
    map.set('contact', org.contact);
    parts.orgs.set(org.id, map);
  }
  for (const framework of snapshot.customFrameworks) {
    const header = new Y.Map<unknown>();
    header.set('name', framework.name.en);
    header.set('shortName', framework.shortName.en);
    header.set('version', framework.version);
    header.set('sourceTitle', framework.source.title);
    parts.frameworks.set(framework.id, header);
    const orders = generateNKeysBetween(null, null, framework.items.length);
    framework.items.forEach((item, index) => {
      const map = new Y.Map<unknown>();
      map.set('title', item.title.en);
      map.set('kind', item.kind);
      map.set('parent', item.parent ?? '');
      map.set('order', orders[index]!);
      parts.frameworks.set(itemEntryKey(framework.id, item.code), map);
    });
  }
  for (const action of snapshot.actions) parts.actions.set(action.id, actionMap(action));
}

function actionMap(action: Action): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('ref', action.ref);
  map.set('title', newText(action.title));
  map.set('description', newText(action.description));
  map.set('objectiveId', action.objectiveId);
  map.set('order', action.order);
  map.set('leadOrgId', action.leadOrgId);
  map.set('partnerOrgIds', newSet(action.partnerOrgIds));
  const endorsements = new Y.Map<unknown>();
  for (const e of action.endorsements) endorsements.set(e.orgId, { by: e.by, at: e.at });
  map.set('endorsements', endorsements);
  map.set('links', newSet(action.links));
  const indicators = new Y.Map<unknown>();
  for (const indicator of action.indicators) {
    const entry = new Y.Map<unknown>();
    entry.set('name', indicator.name);
    entry.set('unit', indicator.unit);
    entry.set('baseline', indicator.baseline);
    entry.set('target', indicator.target);
    entry.set('frequency', indicator.frequency);
    const values = new Y.Map<unknown>();
    for (const v of indicator.values)
      values.set(v.period, { value: v.value, note: v.note, by: v.by, at: v.at });
    entry.set('values', values);
    indicators.set(indicator.id, entry);
  }
  map.set('indicators', indicators);
  const comments = new Y.Map<unknown>();
  for (const comment of action.comments) {
    const entry = new Y.Map<unknown>();
    entry.set('authorId', comment.authorId);
    entry.set('authorName', comment.authorName);
    entry.set('at', comment.at);
    entry.set('text', comment.text);
    entry.set('editedAt', comment.editedAt);
    entry.set('deletedAt', comment.deletedAt);
    comments.set(comment.id, entry);
  }
  map.set('comments', comments);
  const updates = new Y.Map<unknown>();
  for (const update of action.updates) {
    const entry = new Y.Map<unknown>();
    entry.set('at', update.at);
    entry.set('authorId', update.authorId);
    entry.set('authorName', update.authorName);
    entry.set('status', update.status);
    entry.set('progress', update.progress);
    entry.set('note', update.note);
    entry.set('evidence', [...update.evidence]);
    updates.set(update.id, entry);
  }
  map.set('updates', updates);
  map.set('contact', action.contact);
  map.set('start', action.start);
  map.set('deadline', action.deadline);
  map.set('status', action.status);
  map.set('progress', action.progress);
  map.set('stage', action.stage);
  map.set('priority', action.priority);
  map.set('budget', action.budget ? { ...action.budget } : null);
  map.set('createdAt', action.createdAt);
  map.set('createdBy', action.createdBy);
  map.set('updatedAt', action.updatedAt);
  map.set('updatedBy', action.updatedBy);
  map.set('deletedAt', action.deletedAt);
  map.set('deletedBy', action.deletedBy);
  return map;
}
