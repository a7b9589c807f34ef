// Operations on the organisation registry: create, edit, merge duplicates, remove when unused.
import * as Y from 'yjs';
import { newEntry, writeField } from './fields';
import { ACTION, ORGANISATION } from './layout';
import { ORG_KIND_LIST, type OrgKind } from './model';
import { change, entry, PlanError, planParts, type Plan } from './plan';
import { members, touch } from './actionEntries';
import { nameKey } from './names';
import * as validate from './validate';

export interface OrganisationFields {
  readonly name: string;
  readonly kind: OrgKind;
  readonly country?: string;
  readonly contact?: string;
}

export function create(plan: Plan, input: OrganisationFields): string {
  checkFields(input);
  checkNameFree(plan, input.name, null);
  const id = plan.newId();
  change(plan, () => {
    const map = newEntry(ORGANISATION.fields, { ...input, name: input.name.trim() });
    planParts(plan.doc).orgs.set(id, map);
  });
  return id;
}

export function edit(plan: Plan, id: string, changes: Partial<OrganisationFields>): void {
  const map = entry(planParts(plan.doc).orgs, id, 'organisation');
  checkFields(changes);
  if (changes.name !== undefined) checkNameFree(plan, changes.name, id);
  change(plan, () => {
    if (changes.name !== undefined)
      writeField(map, ORGANISATION.fields, 'name', changes.name.trim());
    for (const key of ['kind', 'country', 'contact'] as const) {
      const value = changes[key];
      if (value !== undefined) writeField(map, ORGANISATION.fields, key, value);
    }
  });
}

/**
 * Merges a duplicate into the organisation kept: every action that named the duplicate as lead,
 * partner or endorser names the kept one instead, then the duplicate is removed.
 */
export function merge(plan: Plan, keepId: string, duplicateId: string): void {
  if (keepId === duplicateId)
    throw new PlanError('invalid', 'an organisation cannot be merged into itself');
  const orgs = planParts(plan.doc).orgs;
  entry(orgs, keepId, 'organisation');
  entry(orgs, duplicateId, 'organisation');
  change(plan, () => {
    for (const action of planParts(plan.doc).actions.values()) {
      if (!(action instanceof Y.Map)) continue;
      let changed = false;
      if (action.get('leadOrgId') === duplicateId) {
        writeField(action, ACTION.fields, 'leadOrgId', keepId);
        changed = true;
      }
      const partners = members(action, 'partnerOrgIds');
      if (partners.has(duplicateId)) {
        partners.delete(duplicateId);
        if (action.get('leadOrgId') !== keepId) partners.set(keepId, true);
        changed = true;
      }
      const endorsements = members(action, 'endorsements');
      const endorsement = endorsements.get(duplicateId);
      if (endorsement !== undefined) {
        endorsements.delete(duplicateId);
        if (!endorsements.has(keepId)) endorsements.set(keepId, endorsement);
        changed = true;
      }
      if (changed) touch(plan, action);
    }
    orgs.delete(duplicateId);
  });
}

/** Removes an organisation that no action names; refuses otherwise, saying how many do. */
export function remove(plan: Plan, id: string): void {
  entry(planParts(plan.doc).orgs, id, 'organisation');
  const users = actionsNaming(plan, id);
  if (users > 0) {
    throw new PlanError(
      'conflict',
      `${users} action(s) still name this organisation; merge it or change them first`,
    );
  }
  change(plan, () => planParts(plan.doc).orgs.delete(id));
}

function actionsNaming(plan: Plan, orgId: string): number {
  let count = 0;
  for (const action of planParts(plan.doc).actions.values()) {
    if (!(action instanceof Y.Map)) continue;
    if (
      action.get('leadOrgId') === orgId ||
      members(action, 'partnerOrgIds').has(orgId) ||
      members(action, 'endorsements').has(orgId)
    ) {
      count++;
    }
  }
  return count;
}

function checkFields(input: Partial<OrganisationFields>): void {
  if (input.name !== undefined) validate.requiredTitle(input.name, 'name');
  if (input.kind !== undefined) validate.oneOf(input.kind, ORG_KIND_LIST, 'kind');
  if (input.country !== undefined) validate.bounded(input.country, 'country');
  if (input.contact !== undefined) validate.title(input.contact, 'contact');
}

/**
 * One organisation per name in the registry ("Ministry of labour " is the Ministry of Labour): a
 * second would split its actions between two entries. Replicas apart can still both add one; merge
 * joins them.
 */
function checkNameFree(plan: Plan, name: string, self: string | null): void {
  const key = nameKey(name);
  for (const [id, org] of planParts(plan.doc).orgs) {
    if (id === self || !(org instanceof Y.Map)) continue;
    if (nameKey(String(org.get('name') ?? '')) === key) {
      throw validate.refuse('name', 'taken', `is already used by "${String(org.get('name'))}"`);
    }
  }
}
