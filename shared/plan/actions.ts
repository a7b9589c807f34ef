// Operations on actions: create, edit every field, move and reorder, propose/agree, endorse,
// partners, soft delete, restore, purge, and deterministic renumbering of refs.
import * as Y from 'yjs';
import {
  ACTION_STAGE_LIST,
  ACTION_STATUS_LIST,
  PRIORITY_LIST,
  type ActionStage,
  type ActionStatus,
  type Priority,
} from './model';
import { orderedObjectives } from './objectives';
import { compareOrdered, keyAt, type Ordered } from './order';
import {
  change,
  entry,
  newSet,
  newText,
  nowIso,
  PlanError,
  planParts,
  setText,
  type Plan,
} from './plan';
import { readTimestamp } from './read';
import { nextRef } from './refs';
import type { Budget } from './schema';
import * as validate from './validate';

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

/** Creates an action and returns its id. */
export function create(plan: Plan, input: NewAction): string {
  return createWith(plan, input, scanningIndex(plan));
}

function createWith(plan: Plan, input: NewAction, index: OtherActions): string {
  const objectiveId = input.objectiveId ?? null;
  if (objectiveId !== null) liveObjective(plan, objectiveId);
  const fields = checkedFields(plan, input);
  validate.dateRange(input.start ?? null, input.deadline ?? null, 'the action', 'deadline');
  const stage = validate.oneOf(input.stage ?? 'proposed', ACTION_STAGE_LIST, 'stage');
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
    const map = new Y.Map<unknown>();
    map.set('ref', ref);
    map.set('title', newText(input.title ?? ''));
    map.set('description', newText(input.description ?? ''));
    map.set('objectiveId', objectiveId);
    map.set('order', order);
    map.set('leadOrgId', input.leadOrgId ?? null);
    // Every nested container is created with the action: created later by two replicas at once,
    // Yjs would keep only one of them and lose what was written into the other.
    map.set('partnerOrgIds', newSet(input.partnerOrgIds ?? []));
    map.set('endorsements', new Y.Map());
    map.set('links', new Y.Map());
    map.set('indicators', new Y.Map());
    map.set('comments', new Y.Map());
    map.set('updates', new Y.Map());
    map.set('contact', input.contact ?? '');
    map.set('start', input.start ?? null);
    map.set('deadline', input.deadline ?? null);
    map.set('status', fields.status ?? 'planned');
    map.set('progress', fields.progress ?? 0);
    map.set('stage', stage);
    map.set('priority', input.priority ?? null);
    map.set('budget', null);
    map.set('createdAt', at);
    map.set('createdBy', plan.actor.id);
    map.set('updatedAt', at);
    map.set('updatedBy', plan.actor.id);
    map.set('deletedAt', null);
    map.set('deletedBy', null);
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
    if (ref !== undefined) map.set('ref', ref);
    if (changes.title !== undefined) setText(map, 'title', changes.title);
    if (changes.description !== undefined) setText(map, 'description', changes.description);
    for (const key of [
      'leadOrgId',
      'contact',
      'start',
      'deadline',
      'status',
      'progress',
      'priority',
    ] as const) {
      if (changes[key] !== undefined) map.set(key, changes[key]);
    }
    if (changes.budget !== undefined)
      map.set('budget', changes.budget ? { ...changes.budget } : null);
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
    map.set('objectiveId', to.objectiveId);
    map.set('order', order);
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
    map.set('stage', stage);
    touch(plan, map);
  });
}

/** Records that an organisation backs the action. */
export function endorse(plan: Plan, id: string, orgId: string): void {
  const map = action(plan, id);
  organisation(plan, orgId);
  change(plan, () => {
    nested(map, 'endorsements').set(orgId, { by: plan.actor.id, at: nowIso(plan) });
    touch(plan, map);
  });
}

export function withdrawEndorsement(plan: Plan, id: string, orgId: string): void {
  const map = action(plan, id);
  change(plan, () => {
    nested(map, 'endorsements').delete(orgId);
    touch(plan, map);
  });
}

export function addPartner(plan: Plan, id: string, orgId: string): void {
  const map = action(plan, id);
  organisation(plan, orgId);
  change(plan, () => {
    nested(map, 'partnerOrgIds').set(orgId, true);
    touch(plan, map);
  });
}

export function removePartner(plan: Plan, id: string, orgId: string): void {
  const map = action(plan, id);
  change(plan, () => {
    nested(map, 'partnerOrgIds').delete(orgId);
    touch(plan, map);
  });
}

/** Soft delete: the action moves to the trash and can be restored. */
export function remove(plan: Plan, id: string): void {
  const map = action(plan, id);
  change(plan, () => {
    map.set('deletedAt', nowIso(plan));
    map.set('deletedBy', plan.actor.id);
    touch(plan, map);
  });
}

export function restore(plan: Plan, id: string): void {
  const map = action(plan, id);
  change(plan, () => {
    map.set('deletedAt', null);
    map.set('deletedBy', null);
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
        if (map.get('ref') !== ref) map.set('ref', ref);
      });
    }
  });
}

/** Live actions of an objective (or of none) in order, optionally leaving one out. */
export function actionsIn(plan: Plan, objectiveId: string | null, except?: string): Ordered[] {
  const out: Ordered[] = [];
  for (const [id, map] of planParts(plan.doc).actions.entries()) {
    if (id === except || !(map instanceof Y.Map) || readTimestamp(map.get('deletedAt'))) continue;
    if ((map.get('objectiveId') ?? null) !== objectiveId) continue;
    const order = map.get('order');
    out.push({ id, order: typeof order === 'string' ? order : '' });
  }
  return out.sort(compareOrdered);
}

/** The Y.Map of an existing (possibly deleted) action. */
export function action(plan: Plan, id: string): Y.Map<unknown> {
  return entry(planParts(plan.doc).actions, id, 'action');
}

/** Stamps who changed an action and when. */
export function touch(plan: Plan, map: Y.Map<unknown>): void {
  map.set('updatedAt', nowIso(plan));
  map.set('updatedBy', plan.actor.id);
}

/** A nested container of an action; one missing from a malformed document reads as an error. */
export function nested(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const value = map.get(key);
  if (!(value instanceof Y.Map))
    throw new PlanError('invalid', `this action has no ${key} (damaged document)`);
  return value;
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

/** What create, edit and move look up about the other actions, and are told after writing. */
interface OtherActions {
  /** whether an action other than `self` (deleted ones too) has this ref */
  refUsed(ref: string, self: string | null): boolean;
  /** the next free ref numbered under `prefix`, counting deleted actions' refs too */
  nextRef(prefix: string): string;
  /** live actions of an objective (or of none) in order, without `except` */
  siblings(objectiveId: string | null, except?: string): readonly Ordered[];
  added(id: string, ref: string, objectiveId: string | null, order: string): void;
  renamed(id: string, ref: string): void;
  moved(id: string, objectiveId: string | null, order: string): void;
}

/** For one operation: scans the document for each question (nothing to keep up to date). */
function scanningIndex(plan: Plan): OtherActions {
  const all = () => planParts(plan.doc).actions;
  return {
    refUsed(ref, self) {
      for (const [id, map] of all().entries())
        if (id !== self && map instanceof Y.Map && map.get('ref') === ref) return true;
      return false;
    },
    nextRef(prefix) {
      const refs: string[] = [];
      for (const map of all().values()) {
        const ref = map instanceof Y.Map ? map.get('ref') : undefined;
        if (typeof ref === 'string') refs.push(ref);
      }
      return nextRef(prefix, refs);
    },
    siblings: (objectiveId, except) => actionsIn(plan, objectiveId, except),
    added() {},
    renamed() {},
    moved() {},
  };
}

/**
 * For a batch: the answers of scanningIndex, indexed once. Refs by value (with the number after
 * their last dot, as nextRef reads it, counted per prefix) and live actions per objective in
 * order (a sorted array; new ones are appended or placed by binary search).
 */
class ActionIndex implements OtherActions {
  private readonly idsByRef = new Map<string, Set<string>>();
  private readonly refOf = new Map<string, string>();
  /** prefix → number → how many refs `prefix.number` */
  private readonly numbers = new Map<string, Map<number, number>>();
  /** prefix → highest number, while known */
  private readonly highest = new Map<string, number>();
  private readonly live = new Map<unknown, Ordered[]>();
  private readonly placeOf = new Map<string, { objectiveId: unknown; entry: Ordered }>();

  constructor(plan: Plan) {
    for (const [id, map] of planParts(plan.doc).actions.entries()) {
      if (!(map instanceof Y.Map)) continue;
      const ref = map.get('ref');
      if (typeof ref === 'string') this.addRef(id, ref);
      if (readTimestamp(map.get('deletedAt'))) continue;
      const order = map.get('order');
      const entry = { id, order: typeof order === 'string' ? order : '' };
      const objectiveId = map.get('objectiveId') ?? null;
      this.placeOf.set(id, { objectiveId, entry });
      const list = this.live.get(objectiveId);
      if (list) list.push(entry);
      else this.live.set(objectiveId, [entry]);
    }
    for (const list of this.live.values()) list.sort(compareOrdered);
  }

  refUsed(ref: string, self: string | null): boolean {
    const ids = this.idsByRef.get(ref);
    if (!ids) return false;
    return ids.size > (self !== null && ids.has(self) ? 1 : 0);
  }

  nextRef(prefix: string): string {
    let highest = this.highest.get(prefix);
    if (highest === undefined) {
      highest = 0;
      for (const number of this.numbers.get(prefix)?.keys() ?? [])
        highest = Math.max(highest, number);
      this.highest.set(prefix, highest);
    }
    return `${prefix}.${highest + 1}`;
  }

  siblings(objectiveId: string | null, except?: string): readonly Ordered[] {
    const list = this.live.get(objectiveId) ?? [];
    const place = except !== undefined ? this.placeOf.get(except) : undefined;
    return place && place.objectiveId === objectiveId
      ? list.filter((entry) => entry !== place.entry)
      : list;
  }

  added(id: string, ref: string, objectiveId: string | null, order: string): void {
    this.addRef(id, ref);
    this.place(id, objectiveId, order);
  }

  renamed(id: string, ref: string): void {
    const before = this.refOf.get(id);
    if (before === ref) return;
    if (before !== undefined) this.removeRef(id, before);
    this.addRef(id, ref);
  }

  moved(id: string, objectiveId: string | null, order: string): void {
    const before = this.placeOf.get(id);
    if (!before) return; // a deleted action: in no objective's live list
    const list = this.live.get(before.objectiveId)!;
    list.splice(sortedPosition(list, before.entry), 1);
    this.place(id, objectiveId, order);
  }

  private place(id: string, objectiveId: string | null, order: string): void {
    const entry = { id, order };
    let list = this.live.get(objectiveId);
    if (!list) this.live.set(objectiveId, (list = []));
    list.splice(sortedPosition(list, entry), 0, entry);
    this.placeOf.set(id, { objectiveId, entry });
  }

  private addRef(id: string, ref: string): void {
    const ids = this.idsByRef.get(ref);
    if (ids) ids.add(id);
    else this.idsByRef.set(ref, new Set([id]));
    this.refOf.set(id, ref);
    const numbered = numberedRef(ref);
    if (!numbered) return;
    let counts = this.numbers.get(numbered.prefix);
    if (!counts) this.numbers.set(numbered.prefix, (counts = new Map()));
    counts.set(numbered.number, (counts.get(numbered.number) ?? 0) + 1);
    const highest = this.highest.get(numbered.prefix);
    if (highest !== undefined && numbered.number > highest)
      this.highest.set(numbered.prefix, numbered.number);
  }

  private removeRef(id: string, ref: string): void {
    const ids = this.idsByRef.get(ref)!;
    ids.delete(id);
    if (ids.size === 0) this.idsByRef.delete(ref);
    this.refOf.delete(id);
    const numbered = numberedRef(ref);
    if (!numbered) return;
    const counts = this.numbers.get(numbered.prefix)!;
    const count = counts.get(numbered.number)! - 1;
    if (count > 0) counts.set(numbered.number, count);
    else {
      counts.delete(numbered.number);
      if (this.highest.get(numbered.prefix) === numbered.number)
        this.highest.delete(numbered.prefix);
    }
  }
}

/** `2.3` → prefix `2`, number 3: the reading nextRef gives a ref (digits after the last dot). */
function numberedRef(ref: string): { prefix: string; number: number } | null {
  const dot = ref.lastIndexOf('.');
  if (dot < 0) return null;
  const digits = ref.slice(dot + 1);
  if (!/^\d+$/.test(digits)) return null;
  return { prefix: ref.slice(0, dot), number: Number(digits) };
}

/** Where `entry` is, or would go, in a list sorted by compareOrdered. */
function sortedPosition(list: readonly Ordered[], entry: Ordered): number {
  let low = 0;
  let high = list.length;
  if (high > 0 && compareOrdered(list[high - 1]!, entry) < 0) return high; // appending
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareOrdered(list[middle]!, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function liveObjective(plan: Plan, objectiveId: string): void {
  const map = entry(planParts(plan.doc).objectives, objectiveId, 'objective');
  if (readTimestamp(map.get('deletedAt')))
    throw new PlanError('conflict', 'that objective was removed');
}

function organisation(plan: Plan, orgId: string): void {
  entry(planParts(plan.doc).orgs, orgId, 'organisation');
}
