// Input checks for operations: each throws a PlanError('invalid') naming the field, the reason and
// the limit (PlanErrorDetail), before the operation writes anything.
import { MAX_LENGTH, PLAN_FIELDS, type BoundedField, type PlanField } from './model';
import { PlanError, type InvalidReason } from './plan';
import { isIsoDate } from '../calendar';

/** Half of a UTF-16 surrogate pair on its own: Yjs stores text as UTF-8, which cannot hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A refusal of `field`'s value; the message is the model's English, the detail is for the UI. */
export function refuse(
  field: PlanField,
  reason: InvalidReason,
  message: string,
  limit?: number,
): PlanError {
  return new PlanError(
    'invalid',
    `${PLAN_FIELDS[field]} ${message}`,
    limit === undefined ? { field, reason } : { field, reason, limit },
  );
}

/** Text a replica can store and send exactly; anything else would read differently elsewhere. */
function text(value: string, field: PlanField): string {
  if (typeof value !== 'string') throw refuse(field, 'not_one_of', 'must be text');
  if (LONE_SURROGATE.test(value))
    throw refuse(field, 'broken_character', 'contains a broken character');
  return value;
}

/** Text no longer than the field's limit (MAX_LENGTH). */
export function bounded(value: string, field: BoundedField): string {
  text(value, field);
  const limit = MAX_LENGTH[field];
  if (value.length > limit) {
    throw refuse(field, 'too_long', `is longer than ${limit} characters`, limit);
  }
  return value;
}

export function title(
  value: string,
  field: 'title' | 'name' | 'contact' | 'budgetSource' | 'source' = 'title',
): string {
  return bounded(value, field);
}

export function requiredTitle(value: string, field: 'title' | 'name' = 'title'): string {
  bounded(value, field);
  if (value.trim().length === 0) throw refuse(field, 'empty', 'must not be empty');
  return value;
}

export function longText(
  value: string,
  field: 'description' | 'comment' | 'note' | 'summary',
): string {
  return bounded(value, field);
}

export function date(value: string | null, field: PlanField): string | null {
  if (value === null) return null;
  if (!isIsoDate(value))
    throw refuse(field, 'not_date', `must be a date YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

/** `end` is not before `start`; a refusal names the end field (`what` is the English subject). */
export function dateRange(
  start: string | null,
  end: string | null,
  what: string,
  endField: PlanField,
): void {
  if (start !== null && end !== null && start > end) {
    throw new PlanError('invalid', `${what} starts (${start}) after it ends (${end})`, {
      field: endField,
      reason: 'date_order',
    });
  }
}

export function percent(value: number, field: PlanField = 'progress'): number {
  if (!Number.isInteger(value) || value < 0 || value > 100) {
    throw refuse(field, 'out_of_range', 'must be a whole number from 0 to 100', 100);
  }
  return value;
}

export function finiteNumber(value: number | null, field: PlanField): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw refuse(field, 'not_number', 'must be a number');
  }
  return value;
}

export function oneOf<T extends string>(value: T, allowed: readonly T[], field: PlanField): T {
  if (!allowed.includes(value)) {
    throw refuse(field, 'not_one_of', `must be one of ${allowed.join(', ')}`);
  }
  return value;
}
