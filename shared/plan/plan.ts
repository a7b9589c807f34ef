// A plan opened for editing: its Y.Doc plus who is editing, a clock and an id source. Every
// operation in shared/plan takes a Plan and runs in one transaction whose origin is the plan's
// local origin, so undo tracks only this user's changes and remote updates are told apart.
import * as Y from 'yjs';
import { PLAN_PARTS, type PlanField } from './model';

export interface Actor {
  readonly id: string;
  readonly name: string;
}

/** The origin of this editor's own transactions (an object, so it is unique per open plan). */
export interface LocalOrigin {
  readonly kind: 'local';
  readonly actorId: string;
}

export interface Plan {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  readonly origin: LocalOrigin;
  /** the current time; injected so tests and replays are deterministic */
  readonly now: () => Date;
  /** a new random id (crypto.randomUUID in production) */
  readonly newId: () => string;
}

export interface OpenPlanOptions {
  readonly actor: Actor;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

export function openPlan(doc: Y.Doc, options: OpenPlanOptions): Plan {
  return {
    doc,
    actor: options.actor,
    origin: { kind: 'local', actorId: options.actor.id },
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => globalThis.crypto.randomUUID()),
  };
}

/** Why an operation refused to run; the plan is unchanged when one is thrown. */
export const PLAN_ERROR_CODES = {
  /** the action, objective, organisation, … does not exist (or was purged) */
  not_found: 'not_found',
  /** the input breaks a rule (bad date, progress out of range, title too long, …) */
  invalid: 'invalid',
  /** the actor may not do this (edit someone else's comment) */
  forbidden: 'forbidden',
  /** the operation conflicts with the plan's state (removing an organisation still in use) */
  conflict: 'conflict',
} as const;
export type PlanErrorCode = keyof typeof PLAN_ERROR_CODES;

/** Why a value was refused (an `invalid` PlanError's detail); the UI says each in its language. */
export const INVALID_REASONS = {
  /** longer than the field's limit (MAX_LENGTH) */
  too_long: 'too_long',
  /** empty or only spaces where a value is required */
  empty: 'empty',
  /** not a calendar date YYYY-MM-DD */
  not_date: 'not_date',
  /** an end date before its start */
  date_order: 'date_order',
  /** a whole number outside 0..100 */
  out_of_range: 'out_of_range',
  /** not a finite number */
  not_number: 'not_number',
  /** below zero */
  negative: 'negative',
  /** not one of the allowed choices */
  not_one_of: 'not_one_of',
  /** half of a UTF-16 surrogate pair, which Yjs cannot store */
  broken_character: 'broken_character',
  /** not an http:// or https:// link */
  not_link: 'not_link',
  /** more entries than the limit */
  too_many: 'too_many',
  /** a date that has not come yet where a past or present day is meant (a progress report) */
  future: 'future',
  /** a name another entry of the registry has already (case and spaces aside) */
  taken: 'taken',
} as const;
export type InvalidReason = keyof typeof INVALID_REASONS;

/** Which field a value was refused for and why, with the limit it broke when there is one. */
export interface PlanErrorDetail {
  readonly field: PlanField;
  readonly reason: InvalidReason;
  readonly limit?: number;
}

export class PlanError extends Error {
  readonly code: PlanErrorCode;
  /** set when a value was refused: which field, why, and the limit */
  readonly detail: PlanErrorDetail | undefined;
  constructor(code: PlanErrorCode, message: string, detail?: PlanErrorDetail) {
    super(message);
    this.name = 'PlanError';
    this.code = code;
    this.detail = detail;
  }
}

export function planParts(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(PLAN_PARTS.meta),
    objectives: doc.getMap<Y.Map<unknown>>(PLAN_PARTS.objectives),
    actions: doc.getMap<Y.Map<unknown>>(PLAN_PARTS.actions),
    orgs: doc.getMap<Y.Map<unknown>>(PLAN_PARTS.orgs),
    frameworks: doc.getMap<Y.Map<unknown>>(PLAN_PARTS.frameworks),
  };
}

/** Runs `fn` as one transaction of this plan's local origin and returns its result. */
export function change<T>(plan: Plan, fn: () => T): T {
  let result: T | undefined;
  plan.doc.transact(() => {
    result = fn();
  }, plan.origin);
  return result as T;
}

export function nowIso(plan: Plan): string {
  return plan.now().toISOString();
}

/** The entry `id` of a collection, or a not_found error naming what was looked for. */
export function entry(collection: Y.Map<Y.Map<unknown>>, id: string, what: string): Y.Map<unknown> {
  const found = collection.get(id);
  if (!(found instanceof Y.Map)) throw new PlanError('not_found', `${what} ${id} does not exist`);
  return found;
}

/**
 * Makes a Y.Text read `next` with the smallest edit (common prefix and suffix kept), so that
 * concurrent edits elsewhere in the text survive: typing in a title is a character-level change.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const shorter = Math.min(current.length, next.length);
  while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  // Never split a surrogate pair: widen the edit to whole characters.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A Y.Text holding `value`, to be placed in a map. */
export function newText(value: string): Y.Text {
  const text = new Y.Text();
  if (value.length > 0) text.insert(0, value);
  return text;
}

/** Sets a map's Y.Text field to `value` with the smallest edit (creating the text if missing). */
export function setText(map: Y.Map<unknown>, key: string, value: string): void {
  const existing = map.get(key);
  if (existing instanceof Y.Text) replaceText(existing, value);
  else map.set(key, newText(value));
}
