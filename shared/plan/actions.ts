// Operations on actions: create, edit every field, move and reorder, propose/agree, endorse,
// partners, soft delete, restore, purge, and deterministic renumbering of refs. Fields are
// written as their table says (layout.ts); the index of the other actions is actionIndex.ts.
import * as Y from 'yjs';
import { action, liveObjective, members, organisation, touch } from './actionEntries';
import { ActionIndex, scanningIndex, type OtherActions } from './actionIndex';
import { newEntry, storeRecord, writeField } from './fields';
import { ACTION, ENDORSEMENT } from './layout';
import {
  ACTION_STAGE_LIST,
  ACTION_STATUS_LIST,
  PRIORITY_LIST,
  type ActionStage,
  type ActionStatus,
  type Priority,
} from './model';
import { orderedObjectives } from './objectives';
import { compareOrdered, keyAt } from './order';
import { change, nowIso, PlanError, planParts, type Plan } from './plan';
import { readTimestamp } from './read';
import type { Budget } from './schema';
import * as validate from './validate';

// The actions module's own helpers, kept in small modules and part of its interface.
export { action } from './actionEntries';
export { actionsIn } from './actionIndex';

export interface NewAction {
  /** default '': an untitled action, shown with a placeholder in each reader's language */
  readonly title?: string;
  readonly objectiveId?: string | null;
  /** position among the objective's actions (default: last) */
  readonly index?: number;
  /** default: the next free ref in the objective */
  readonly ref?: string;
  readonly description?: string;
  readonly leadOrgId?: string | null;
  readonly partnerOrgIds?: readonly string[];
  readonly contact?: string;
  readonly start?: string | null;
  readonly deadline?: string | null;
  readonly status?: ActionStatus;
  readonly progress?: number;
  /** default 'proposed': workshop drafts are proposals until the plan's owners adopt them */
  readonly stage?: ActionStage;
  readonly priority?: Priority | null;
}

export interface ActionChanges {
  readonly ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly leadOrgId?: string | null;
  readonly contact?: string;
  readonly start?: string | null;
  readonly deadline?: string | null;
  readonly status?: ActionStatus;
  readonly progress?: number;
  readonly priority?: Priority | null;
  readonly budget?: Budget | null;
}

/** The fields `edit` changes as given (after checking them); `ref` is checked against the others. */
const EDITABLE_FIELDS = [
  'title',
  'description',
  'leadOrgId',
  'contact',
  'start',
  'deadline',
  'status',
  'progress',
  'priority',
  'budget',
] as const satisfies readonly (keyof ActionChanges & keyof typeof ACTION.fields)[];

/** Creates an action and returns its id. */
export function create(plan: Plan, input: NewAction): string {
  return createWith(plan, input, scanningIndex(plan));
}

function createWith(plan: Plan, input: NewAction, index: OtherActions): string {
  const objectiveId = input.objectiveId ?? null;
  if (objectiveId !== null) liveObjective(plan, objectiveId);
  const fields = checkedFields(plan, input);
  validate.dateRange(input.start ?? null, input.deadline ?? null, 'the action', 'deadline');
  const stage = validate.oneOf(
    input.stage ?? ACTION.fields.stage.initial,
    ACTION_STAGE_LIST,
    'stage',
  );
  for (const orgId of input.partnerOrgIds ?? []) organisation(plan, orgId);
  const ref =
    input.ref !== undefined
      ? checkedRef(index, input.ref, null)
      : nextRefIn(plan, index, objectiveId);
  const siblings = index.siblings(objectiveId);
  const order = keyAt(siblings, input.index ?? siblings.length);
  const id = plan.newId();
  const at = nowIso(plan);
  change(plan, () => {
    // Every nested container is created with the action (newEntry creates them): created
    // later by two replicas at once, Yjs would keep only one of them and lose what was written
    // into the other.
    const map = newEntry(ACTION.fields, {
      ref,
      title: input.title,
      description: input.description,
      objectiveId,
      order,
      leadOrgId: input.leadOrgId,
      partnerOrgIds: input.partnerOrgIds ? [...input.partnerOrgIds] : undefined,
      contact: input.contact,
      start: input.start,
      deadline: input.deadline,
      status: fields.status,
      progress: fields.progress,
      stage,
      priority: input.priority,
      createdAt: at,
      createdBy: plan.actor.id,
      updatedAt: at,
      updatedBy: plan.actor.id,
    });
    planParts(plan.doc).actions.set(id, map);
  });
  index.added(id, ref, objectiveId, order);
  return id;
}

/** Changes any of an action's own fields in one transaction. */
export function edit(plan: Plan, id: string, changes: ActionChanges): void {
  editWith(plan, id, changes, scanningIndex(plan));
}

function editWith(plan: Plan, id: string, changes: ActionChanges, index: OtherActions): void {
  const map = action(plan, id);
  checkedFields(plan, changes);
  const ref = changes.ref !== undefined ? checkedRef(index, changes.ref, id) : undefined;
  const start = changes.start !== undefined ? changes.start : (map.get('start') as string | null);
  const deadline =
    changes.deadline !== undefined ? changes.deadline : (map.get('deadline') as string | null);
  validate.dateRange(start ?? null, deadline ?? null, 'the action', 'deadline');
  change(plan, () => {
    if (ref !== undefined) writeField(map, ACTION.fields, 'ref', ref);
    for (const key of EDITABLE_FIELDS) {
      const value = changes[key];
      if (value !== undefined) writeField(map, ACTION.fields, key, value);
    }
    touch(plan, map);
  });
  if (ref !== undefined) index.renamed(id, ref);
}

/** Moves an action into an objective (or none) at `index` among that objective's actions. */
export function move(
  plan: Plan,
  id: string,
  to: { objectiveId: string | null; index: number },
): void {
  moveWith(plan, id, to, scanningIndex(plan));
}

function moveWith(
  plan: Plan,
  id: string,
  to: { objectiveId: string | null; index: number },
  index: OtherActions,
): void {
  const map = action(plan, id);
  if (to.objectiveId !== null) liveObjective(plan, to.objectiveId);
  const order = keyAt(index.siblings(to.objectiveId, id), to.index);
  change(plan, () => {
    writeField(map, ACTION.fields, 'objectiveId', to.objectiveId);
    writeField(map, ACTION.fields, 'order', order);
    touch(plan, map);
  });
  index.moved(id, to.objectiveId, order);
}

/** Marks a workshop draft as adopted by the plan's owners. */
export function agree(plan: Plan, id: string): void {
  setStage(plan, id, 'agreed');
}

/** Returns an action to draft status. */
export function propose(plan: Plan, id: string): void {
  setStage(plan, id, 'proposed');
}

function setStage(plan: Plan, id: string, stage: ActionStage): void {
  const map = action(plan, id);
  change(plan, () => {
    writeField(map, ACTION.fields, 'stage', stage);
    touch(plan, map);
  });
}

/** Records that an organisation backs the action. */
export function endorse(plan: Plan, id: string, orgId: string): void {
  const map = action(plan, id);
  organisation(plan, orgId);
  change(plan, () => {
    members(map, 'endorsements').set(
      orgId,
      storeRecord(ENDORSEMENT.fields, { by: plan.actor.id, at: nowIso(plan) }),
    );
    touch(plan, map);
  });
}

export function withdrawEndorsement(plan: Plan, id: string, orgId: string): void {
  const map = action(plan, id);
  change(plan, () => {
    members(map, 'endorsements').delete(orgId);
    touch(plan, map);
  });
}

export function addPartner(plan: Plan, id: string, orgId: string): void {
  const map = action(plan, id);
  organisation(plan, orgId);
  change(plan, () => {
    members(map, 'partnerOrgIds').set(orgId, true);
    touch(plan, map);
  });
}

export function removePartner(plan: Plan, id: string, orgId: string): void {
  const map = action(plan, id);
  change(plan, () => {
    members(map, 'partnerOrgIds').delete(orgId);
    touch(plan, map);
  });
}

/** Soft delete: the action moves to the trash and can be restored. */
export function remove(plan: Plan, id: string): void {
  const map = action(plan, id);
  change(plan, () => {
    writeField(map, ACTION.fields, 'deletedAt', nowIso(plan));
    writeField(map, ACTION.fields, 'deletedBy', plan.actor.id);
    touch(plan, map);
  });
}

export function restore(plan: Plan, id: string): void {
  const map = action(plan, id);
  change(plan, () => {
    writeField(map, ACTION.fields, 'deletedAt', null);
    writeField(map, ACTION.fields, 'deletedBy', null);
    touch(plan, map);
  });
}

/** Removes a deleted action for good. Only actions already in the trash can be purged. */
export function purge(plan: Plan, id: string): void {
  const map = action(plan, id);
  if (!readTimestamp(map.get('deletedAt'))) {
    throw new PlanError('conflict', 'delete the action before purging it');
  }
  change(plan, () => planParts(plan.doc).actions.delete(id));
}

/**
 * Gives every action a clean ref from its place: objective position, then action position
 * (`2.3`); actions in no objective are numbered `0.n`. Deleted actions follow the live ones of
 * their objective so that restoring one never collides. Deterministic for a given plan state.
 */
export function renumber(plan: Plan): void {
  const objectives = orderedObjectives(plan);
  const prefix = new Map(objectives.map((objective, index) => [objective.id, String(index + 1)]));
  const groups = new Map<string, { id: string; order: string; deleted: boolean }[]>();
  for (const [id, map] of planParts(plan.doc).actions.entries()) {
    if (!(map instanceof Y.Map)) continue;
    const objectiveId = map.get('objectiveId');
    const group = typeof objectiveId === 'string' ? (prefix.get(objectiveId) ?? '0') : '0';
    const order = map.get('order');
    const list = groups.get(group) ?? [];
    list.push({
      id,
      order: typeof order === 'string' ? order : '',
      deleted: !!readTimestamp(map.get('deletedAt')),
    });
    groups.set(group, list);
  }
  const actions = planParts(plan.doc).actions;
  change(plan, () => {
    for (const [group, list] of groups) {
      list.sort((a, b) => Number(a.deleted) - Number(b.deleted) || compareOrdered(a, b));
      list.forEach(({ id }, index) => {
        const map = actions.get(id)!;
        const ref = `${group}.${index + 1}`;
        if (map.get('ref') !== ref) writeField(map, ACTION.fields, 'ref', ref);
      });
    }
  });
}

function checkedFields(plan: Plan, input: Omit<ActionChanges, 'ref'> & { title?: string }) {
  // An empty title is allowed: the action is untitled (views.isUntitled).
  if (input.title !== undefined) validate.title(input.title);
  if (input.description !== undefined) validate.longText(input.description, 'description');
  if (input.contact !== undefined) validate.title(input.contact, 'contact');
  if (input.start !== undefined) validate.date(input.start, 'start');
  if (input.deadline !== undefined) validate.date(input.deadline, 'deadline');
  if (input.status !== undefined) validate.oneOf(input.status, ACTION_STATUS_LIST, 'status');
  if (input.progress !== undefined) validate.percent(input.progress);
  if (input.priority !== undefined && input.priority !== null)
    validate.oneOf(input.priority, PRIORITY_LIST, 'priority');
  if (input.leadOrgId !== undefined && input.leadOrgId !== null)
    organisation(plan, input.leadOrgId);
  if (input.budget !== undefined && input.budget !== null) {
    validate.finiteNumber(input.budget.amount, 'budgetAmount');
    if (input.budget.amount !== null && input.budget.amount < 0)
      throw validate.refuse('budgetAmount', 'negative', 'must not be negative');
    validate.bounded(input.budget.currency, 'currency');
    validate.title(input.budget.source, 'budgetSource');
  }
  return { status: input.status, progress: input.progress };
}

function checkedRef(index: OtherActions, ref: string, self: string | null): string {
  const trimmed = validate.bounded(ref, 'ref').trim();
  if (trimmed.length === 0) throw validate.refuse('ref', 'empty', 'must not be empty');
  if (index.refUsed(trimmed, self))
    throw new PlanError('conflict', `ref ${trimmed} is already used by another action`);
  return trimmed;
}

function nextRefIn(plan: Plan, index: OtherActions, objectiveId: string | null): string {
  const position =
    objectiveId === null ? -1 : orderedObjectives(plan).findIndex((o) => o.id === objectiveId);
  return index.nextRef(String(position + 1));
}

/**
 * Creates, edits and moves many actions in a row (an import of thousands) with the same results
 * as create, edit and move, at a cost that does not grow with the plan: what they need to know
 * about the other actions (refs in use, an objective's next free ref, an objective's actions in
 * order) is read from the document once, then kept up to date by the batch's own writes. So
 * while a batch is in use, refs, objectives, order and deletion of actions must change only
 * through it (call it inside one transaction, as `change(plan, () => …)`, and let nothing else
 * write actions meanwhile).
 */
export interface ActionBatch {
  create(input: NewAction): string;
  edit(id: string, changes: ActionChanges): void;
  move(id: string, to: { objectiveId: string | null; index: number }): void;
}

export function batch(plan: Plan): ActionBatch {
  const index = new ActionIndex(plan);
  return {
    create: (input) => createWith(plan, input, index),
    edit: (id, changes) => editWith(plan, id, changes, index),
    move: (id, to) => moveWith(plan, id, to, index),
  };
}
